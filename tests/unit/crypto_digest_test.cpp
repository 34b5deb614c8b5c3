// crypto_digest_test.cpp -- SHA-2 digests, HMAC and constant-time comparison against Python's hashlib/hmac.
#include <boost/test/unit_test.hpp>

#include <string>

#include "crypto/digest.h"
#include "crypto/keyed_hmac.h"
#include "crypto/hex.h"
#include "crypto_test_print.h"

using namespace authgate::crypto;

BOOST_AUTO_TEST_SUITE(crypto_digest)

BOOST_AUTO_TEST_CASE(sha256_hex_matches_the_standard_vectors_in_lowercase) {
    BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(sha256_hex("pässwörd ✓ 日本語") == "b55301358f2e4d1584af1470ae41731d76499e22f41c5377ea304a337d1530e1");
}

BOOST_AUTO_TEST_CASE(sha512_hex_matches_the_standard_vector) {
    BOOST_TEST(sha512_hex("abc") ==
               "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
               "454d4423643ce80e2a9ac94fa54ca49f");
}

BOOST_AUTO_TEST_CASE(sha256_hex_hashes_embedded_nul_bytes) {
    BOOST_TEST(sha256_hex(std::string("a\0b", 3)) != sha256_hex("a"));
}

BOOST_AUTO_TEST_CASE(hmac_sha256_hex_matches_rfc_4231_and_python_hmac) {
    // RFC 4231 test case 2
    BOOST_TEST(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    BOOST_TEST(hmac_sha256_hex("key", "The quick brown fox jumps over the lazy dog") ==
               "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    BOOST_TEST(hmac_sha256_hex("", "") == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

BOOST_AUTO_TEST_CASE(hmac_sha256_hex_hashes_keys_longer_than_a_block_first) {
    BOOST_TEST(hmac_sha256_hex(std::string(100, 'k'), "pässwörd ✓ 日本語") ==
               "7786f917afa61642541bde721741408f16909af1c1ac322215b2ecf8e286d075");
}

BOOST_AUTO_TEST_CASE(a_keyed_hmac_matches_rfc_4231_and_hmac_sha256_hex_for_any_key_length) {
    BOOST_TEST(HmacSha256Key("Jefe").hex("what do ya want for nothing?") ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    BOOST_TEST(HmacSha256Key(std::string(100, 'k')).hex("pässwörd ✓ 日本語") ==
               "7786f917afa61642541bde721741408f16909af1c1ac322215b2ecf8e286d075");
    // Keys around the 64-byte block, messages around one block, and reuse of one key object.
    for (std::size_t key_size : {0, 1, 63, 64, 65, 200}) {
        std::string key(key_size, 'q');
        HmacSha256Key keyed(key);
        for (std::size_t message_size : {0, 1, 55, 56, 64, 119, 1000}) {
            std::string message(message_size, 'm');
            BOOST_TEST(keyed.hex(message) == hmac_sha256_hex(key, message),
                       "key " << key_size << " message " << message_size);
        }
    }
    HmacSha256Key copy = HmacSha256Key("Jefe");
    BOOST_TEST(copy.hex("x") == hmac_sha256_hex("Jefe", "x"));
}

BOOST_AUTO_TEST_CASE(hmac_bytes_matches_python_hmac_for_every_digest) {
    const std::string msg = "The quick brown fox jumps over the lazy dog";
    BOOST_TEST(to_hex(hmac_bytes(DigestAlgorithm::md5, "key", msg)) == "80070713463e7749b90c2dc24911e275");
    BOOST_TEST(to_hex(hmac_bytes(DigestAlgorithm::sha1, "key", msg)) == "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
    BOOST_TEST(to_hex(hmac_bytes(DigestAlgorithm::sha224, "key", msg)) ==
               "88ff8b54675d39b8f72322e65ff945c52d96379988ada25639747e69");
    BOOST_TEST(to_hex(hmac_bytes(DigestAlgorithm::sha256, "key", msg)) ==
               "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    BOOST_TEST(to_hex(hmac_bytes(DigestAlgorithm::sha384, "key", msg)) ==
               "d7f4727e2c0b39ae0f1e40cc96f60242d5b7801841cea6fc592c5d3e1ae50700582a96cf35e1e554995fe4e03381c237");
    BOOST_TEST(to_hex(hmac_bytes(DigestAlgorithm::sha512, "key", msg)) ==
               "b42af09057bac1e2d41708e48a902e09b5ff7f12ab428a4fe86653c73dd248fb82f948a549f7b791a5b41915ee4d1ec3"
               "935357e4e2317250d0372afa2ebeeb3a");
}

BOOST_AUTO_TEST_CASE(digest_names_round_trip_and_sizes_are_right) {
    const std::pair<DigestAlgorithm, std::size_t> all[] = {
        {DigestAlgorithm::md5, 16},    {DigestAlgorithm::sha1, 20},   {DigestAlgorithm::sha224, 28},
        {DigestAlgorithm::sha256, 32}, {DigestAlgorithm::sha384, 48}, {DigestAlgorithm::sha512, 64}};
    for (const auto& [digest, size] : all) {
        BOOST_TEST_CONTEXT(digest_name(digest)) {
            BOOST_CHECK(parse_digest_name(digest_name(digest)) == digest);
            BOOST_TEST(digest_size(digest) == size);
            BOOST_TEST(hmac_bytes(digest, "k", "m").size() == size);
        }
    }
}

BOOST_AUTO_TEST_CASE(digest_names_are_exact_and_lowercase) {
    BOOST_TEST(!parse_digest_name("SHA256"));
    BOOST_TEST(!parse_digest_name("sha-256"));
    BOOST_TEST(!parse_digest_name("sha256 "));
    BOOST_TEST(!parse_digest_name("sha3_256"));
    BOOST_TEST(!parse_digest_name(""));
}

BOOST_AUTO_TEST_CASE(constant_time_equal_compares_contents_and_lengths) {
    BOOST_TEST(constant_time_equal("", ""));
    BOOST_TEST(constant_time_equal("abc", "abc"));
    BOOST_TEST(!constant_time_equal("abc", "abd"));
    BOOST_TEST(!constant_time_equal("abc", "Abc"));
    BOOST_TEST(!constant_time_equal("abc", "abcd"));
    BOOST_TEST(!constant_time_equal("abcd", "abc"));
    BOOST_TEST(!constant_time_equal("", "a"));
    BOOST_TEST(constant_time_equal(std::string("a\0b", 3), std::string("a\0b", 3)));
    BOOST_TEST(!constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

BOOST_AUTO_TEST_SUITE_END()
