// crypto_hash_policy_test.cpp -- hash policies: parsing method strings, describing them, and their bounds.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "crypto/password_hash.h"
#include "crypto_test_print.h"

using namespace authgate::crypto;
namespace data = boost::unit_test::data;

namespace {

const std::vector<std::string> kCanonical = {
    "pbkdf2:sha1:1",        "pbkdf2:sha224:1000",  "pbkdf2:sha256:600000", "pbkdf2:sha384:260000",
    "pbkdf2:sha512:10000000", "scrypt:32768:8:1",  "scrypt:16384:8:1",     "scrypt:128:1:1",
    "scrypt:1048576:2:1",   "scrypt:16384:32:8",   "scrypt:2:2:16",        "scrypt:32768:1:1",
};

const std::vector<std::string> kRefused = {
    "",
    "sha256",
    "md5",
    "plain",
    "argon2",
    "PBKDF2:sha256:600000",
    "pbkdf2:",
    "pbkdf2:md5:1000",
    "pbkdf2:sha3_256:1000",
    "pbkdf2:sha256:",
    "pbkdf2:sha256:0",
    "pbkdf2:sha256:10000001",
    "pbkdf2:sha256:600000 ",
    "pbkdf2:sha256:600000:1",
    "pbkdf2:sha256:0600000",
    "scrypt:",
    "scrypt:32768:8",
    "scrypt:32768:8:1:1",
    "scrypt:3:8:1",
    "scrypt:64:8:1",
    "scrypt:65536:1:1",
    "scrypt:1048576:8:1",
    "scrypt:2097152:1:1",
    "scrypt:16384:33:1",
    "scrypt:16384:8:17",
    "scrypt:16384:32:16",
    "scrypt:32768:0:1",
    "scrypt:32768:8:0",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_hash_policy)

BOOST_AUTO_TEST_CASE(the_default_policy_is_pbkdf2_sha256_with_600000_iterations) {
    const HashPolicy policy = default_hash_policy();
    BOOST_TEST(describe(policy) == "pbkdf2:sha256:600000");
    BOOST_TEST(policy.scheme == HashScheme::pbkdf2);
    BOOST_TEST(policy.digest == DigestAlgorithm::sha256);
    BOOST_TEST(policy.iterations == 600000u);
    BOOST_TEST(policy_problem(policy) == "");
}

BOOST_DATA_TEST_CASE(a_canonical_method_parses_and_describes_back_to_itself, data::make(kCanonical), method) {
    const auto policy = parse_hash_policy(method);
    BOOST_TEST_REQUIRE(policy.has_value());
    BOOST_TEST(describe(*policy) == method);
    BOOST_TEST(policy_problem(*policy) == "");
}

BOOST_DATA_TEST_CASE(an_unusable_method_gives_no_policy, data::make(kRefused), method) {
    BOOST_TEST(!parse_hash_policy(method).has_value());
}

BOOST_AUTO_TEST_CASE(short_pbkdf2_policies_mean_600000_iterations) {
    BOOST_TEST(describe(*parse_hash_policy("pbkdf2")) == "pbkdf2:sha256:600000");
    BOOST_TEST(describe(*parse_hash_policy("pbkdf2:sha256")) == "pbkdf2:sha256:600000");
    BOOST_TEST(describe(*parse_hash_policy("pbkdf2:sha512")) == "pbkdf2:sha512:600000");
}

BOOST_AUTO_TEST_CASE(bare_scrypt_is_werkzeug_3s_default) {
    const HashPolicy policy = *parse_hash_policy("scrypt");
    BOOST_TEST(policy.scheme == HashScheme::scrypt);
    BOOST_TEST(describe(policy) == "scrypt:32768:8:1");
}

BOOST_AUTO_TEST_CASE(scrypt_fields_are_read_in_n_r_p_order) {
    const HashPolicy policy = *parse_hash_policy("scrypt:16384:4:2");
    BOOST_TEST(policy.n == 16384u);
    BOOST_TEST(policy.r == 4u);
    BOOST_TEST(policy.p == 2u);
}

BOOST_AUTO_TEST_CASE(policies_compare_only_the_fields_of_their_scheme) {
    HashPolicy a = default_hash_policy();
    HashPolicy b = default_hash_policy();
    b.n = 2;  // scrypt field, unused by pbkdf2
    BOOST_TEST(a == b);
    b.iterations = 1000;
    BOOST_TEST(a != b);
    HashPolicy s = *parse_hash_policy("scrypt");
    HashPolicy t = s;
    t.iterations = 1;
    BOOST_TEST(s == t);
    BOOST_TEST(s != a);
}

BOOST_AUTO_TEST_CASE(policy_problem_explains_each_bound) {
    HashPolicy p = default_hash_policy();
    p.iterations = 0;
    BOOST_TEST(policy_problem(p).find("iteration count") != std::string::npos);
    p = *parse_hash_policy("scrypt");
    p.n = 1000;
    BOOST_TEST(policy_problem(p).find("power of two") != std::string::npos);
    p = *parse_hash_policy("scrypt");
    p.r = 33;
    BOOST_TEST(policy_problem(p).find("r must be") != std::string::npos);
    p = *parse_hash_policy("scrypt");
    p.p = 17;
    BOOST_TEST(policy_problem(p).find("p must be") != std::string::npos);
    p = *parse_hash_policy("scrypt:1048576:2:1");
    p.r = 4;
    BOOST_TEST(policy_problem(p).find("256 MiB") != std::string::npos);
    p = *parse_hash_policy("scrypt:16384:32:8");
    p.p = 9;
    BOOST_TEST(policy_problem(p).find("2^22") != std::string::npos);
    p = *parse_hash_policy("scrypt:128:1:1");
    p.n = 64;
    BOOST_TEST(policy_problem(p).find("werkzeug") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
