// crypto_pbkdf2_test.cpp -- the PBKDF2 fast path against RFC 6070, hashlib and Crypto++'s stock PBKDF2.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/hex.h"
#include "crypto/pbkdf2.h"
#include "crypto_test_print.h"

using namespace authgate::crypto;
namespace data = boost::unit_test::data;

namespace {

struct Pbkdf2Vector {
    const char* name;
    DigestAlgorithm digest;
    std::string password;
    std::string salt;
    std::uint32_t iterations;
    std::string hex;  // hashlib.pbkdf2_hmac(digest, password, salt, iterations, len(hex) / 2).hex()
};

std::ostream& operator<<(std::ostream& out, const Pbkdf2Vector& v) { return out << v.name; }

const std::vector<Pbkdf2Vector> kVectors = {
    // RFC 6070
    {"rfc 6070 sha1 1 iteration", DigestAlgorithm::sha1, "password", "salt", 1,
     "0c60c80f961f0e71f3a9b524af6012062fe037a6"},
    {"rfc 6070 sha1 2 iterations", DigestAlgorithm::sha1, "password", "salt", 2,
     "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"},
    {"rfc 6070 sha1 4096 iterations", DigestAlgorithm::sha1, "password", "salt", 4096,
     "4b007901b765489abead49d926f721d065a429c1"},
    {"rfc 6070 sha1 25-byte output", DigestAlgorithm::sha1, "passwordPASSWORDpassword",
     "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"},
    {"rfc 6070 sha1 nul bytes", DigestAlgorithm::sha1, std::string("pass\0word", 9), std::string("sa\0lt", 5), 4096,
     "56fa6aa75548099dcc37d7f03425e0c3"},
    // hashlib.pbkdf2_hmac
    {"sha224 4096 iterations", DigestAlgorithm::sha224, "password", "salt", 4096,
     "218c453bf90635bd0a21a75d172703ff6108ef603f65bb821aedade1"},
    {"sha256 1 iteration", DigestAlgorithm::sha256, "password", "salt", 1,
     "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"},
    {"sha256 two output blocks", DigestAlgorithm::sha256, "passwordPASSWORDpassword",
     "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096,
     "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"},
    {"sha384 non-ascii password", DigestAlgorithm::sha384, "pässwörd ✓ 日本語", "NaCl", 1000,
     "6fee41815e28359d5a67ee69cca23206ef8527e5fdfbc95fa3473cc01d6ac0afe1cd06bcc222b5876205bd3d41d3e166"},
    {"sha512 password and salt longer than a block", DigestAlgorithm::sha512, std::string(200, 'p'),
     std::string(300, 's'), 1000,
     "907b40b62a0c4537ca94eb144d3ee07369c27828dd995f0c9c27004c0ee4dead64b781ab91db93d058d97747763da89843595c"
     "9037d70361998bf1479154fff8"},
    {"sha512 150-byte output", DigestAlgorithm::sha512, "password", "salt", 3,
     "b6b07cb2cebf4ad84468391a543824fccffe0e0769dbe6bddf10a65673c4b648e612d44918f9ce9a19a1294cf5140628084ba9"
     "94c3b21a4ef4741220b811c633cfc0641fccbcc4164f1bbfcb1f33f595ae9aa4a33ddcce570157775980362c0ee28aa340c842"
     "a3ae84710167aea2f9ba34833cbf66a8922e5f165d886868fd3fd426f9ba2a82a5e97ef8eda7d02d982ff13f1a96f0ea"},
    {"sha1 empty password and salt", DigestAlgorithm::sha1, "", "", 10,
     "97146a798cbab4ac87ca0e32d713e70b01e9c379a120c998e1bf636f945155b895c0e4e64c59120e7d03d7df402cccb80f6b14"
     "5add196c27b81714c9b44dc2be"},
    {"sha256 1,000,000 iterations", DigestAlgorithm::sha256, "million", "463pIZQErvtWDYHT", 1'000'000,
     "7e170e7aaadffa5a11a5433e2ace43af46fbb87129701b5a39107f4eabacf043"},
};

const std::vector<std::string> kShaFamily = {"sha1", "sha224", "sha256", "sha384", "sha512"};

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_pbkdf2)

BOOST_DATA_TEST_CASE(pbkdf2_hmac_matches_the_published_and_hashlib_vectors, data::make(kVectors), v) {
    BOOST_TEST(to_hex(pbkdf2_hmac(v.digest, v.password, v.salt, v.iterations, v.hex.size() / 2)) == v.hex);
}

BOOST_DATA_TEST_CASE(the_stock_crypto_pp_pbkdf2_agrees_with_the_same_vectors, data::make(kVectors), v) {
    if (v.iterations > 10'000) return;  // the stock loop is slow; the fast path is checked above
    BOOST_TEST(to_hex(pbkdf2_hmac_stock(v.digest, v.password, v.salt, v.iterations, v.hex.size() / 2)) == v.hex);
}

BOOST_DATA_TEST_CASE(the_fast_path_equals_stock_pkcs5_pbkdf2_hmac, data::make(kShaFamily), name) {
    const DigestAlgorithm digest = *parse_digest_name(name);
    const std::size_t size = digest_size(digest);
    const std::size_t block = (digest == DigestAlgorithm::sha384 || digest == DigestAlgorithm::sha512) ? 128 : 64;
    const std::string passwords[] = {"", "pw", std::string(block - 1, 'a'), std::string(block, 'b'),
                                     std::string(block + 1, 'c'), std::string(300, 'd'), "pässwörd"};
    const std::string salts[] = {"", "salt", std::string(200, 'S')};
    for (const std::string& password : passwords) {
        for (const std::string& salt : salts) {
            for (std::uint32_t iterations : {1u, 2u, 3u, 17u, 1000u}) {
                for (std::size_t len : {std::size_t{1}, size - 1, size, size + 1, 3 * size + 5}) {
                    BOOST_TEST_CONTEXT(digest_name(digest) << " password " << password.size() << " salt "
                                                           << salt.size() << " iterations " << iterations
                                                           << " length " << len) {
                        BOOST_TEST(pbkdf2_hmac(digest, password, salt, iterations, len) ==
                                   pbkdf2_hmac_stock(digest, password, salt, iterations, len));
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_buffer_form_writes_exactly_the_requested_bytes) {
    std::string buffer(40, '#');
    pbkdf2_hmac(DigestAlgorithm::sha256, "password", "salt", 1, reinterpret_cast<unsigned char*>(&buffer[4]), 32);
    BOOST_TEST(buffer.substr(0, 4) == "####");
    BOOST_TEST(buffer.substr(36) == "####");
    BOOST_TEST(to_hex(buffer.substr(4, 32)) == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
}

BOOST_AUTO_TEST_CASE(a_shorter_output_is_a_prefix_of_a_longer_one) {
    const std::string long_key = pbkdf2_hmac(DigestAlgorithm::sha256, "p", "s", 5, 100);
    BOOST_TEST(pbkdf2_hmac(DigestAlgorithm::sha256, "p", "s", 5, 33) == long_key.substr(0, 33));
}

BOOST_AUTO_TEST_CASE(pbkdf2_refuses_md5_zero_iterations_and_empty_output) {
    BOOST_CHECK_THROW(pbkdf2_hmac(DigestAlgorithm::md5, "p", "s", 1, 16), std::invalid_argument);
    BOOST_CHECK_THROW(pbkdf2_hmac(DigestAlgorithm::sha256, "p", "s", 0, 32), std::invalid_argument);
    BOOST_CHECK_THROW(pbkdf2_hmac(DigestAlgorithm::sha256, "p", "s", 1, 0), std::invalid_argument);
    BOOST_CHECK_THROW(pbkdf2_hmac_stock(DigestAlgorithm::md5, "p", "s", 1, 16), std::invalid_argument);
    BOOST_CHECK_THROW(pbkdf2_hmac_stock(DigestAlgorithm::sha256, "p", "s", 0, 32), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
