// crypto_password_hash_test.cpp -- werkzeug hash formats: verification, malformed input, rehash decisions.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/password_hash.h"
#include "crypto_test_print.h"

using namespace authgate::crypto;
namespace data = boost::unit_test::data;

namespace {

struct Vector {
    const char* name;
    std::string password;
    std::string stored;
};

std::ostream& operator<<(std::ostream& out, const Vector& v) { return out << v.name; }

// Made by werkzeug 2.2.2's generate_password_hash (pbkdf2 and legacy forms) and by hashlib with
// werkzeug 3's algorithm (scrypt, and the count-less pbkdf2 form), each checked by werkzeug or hashlib.
const std::vector<Vector> kWerkzeugVectors = {
    {"pbkdf2 sha1 1000 iterations", "correct horse battery staple",
     "pbkdf2:sha1:1000$t2a1rvt3JtBuyTuX$39c54dd1d467ddf7553861b01132e2391e9452c3"},
    {"pbkdf2 sha224 1000 iterations", "correct horse battery staple",
     "pbkdf2:sha224:1000$Ayp4nxkk8PcTWv9A$6878dbe59f97ea708fa96e0764e0d011d6bba16db9fc258fc274e256"},
    {"pbkdf2 sha256 1000 iterations", "correct horse battery staple",
     "pbkdf2:sha256:1000$QXtvZX0IAP3a8zFK$6f5d8d33824ec41655bd72444568f484a0b01e810fafd8ee58b43d37ef98adf8"},
    {"pbkdf2 sha384 1000 iterations", "correct horse battery staple",
     "pbkdf2:sha384:1000$7Cpkcm7h0WyTpOVS$f0b9773378bb99d2afa8361e182af4cf84edfbca7ca2efaccde13ed34dc30a70d66f0f267df75a4d4b907691e8112771"},
    {"pbkdf2 sha512 1000 iterations", "correct horse battery staple",
     "pbkdf2:sha512:1000$ZYjvVlCv9tqzTQJ3$06a944a6791036a3f95678f8d7bef1cd16301d77a532c7352cbe90b002f0b0d6ee10ad9c18a738d3b98efa8d1d61b310971f4c765c9e875b50230223a994e873"},
    {"pbkdf2 sha256 600000 non-ascii", "pässwörd ✓ 日本語",
     "pbkdf2:sha256:600000$6HymU8lah8vQjjEL$fc8b255b4b02f5b145dcb6cb2b152b3b9a9b786de97e759d670de42013fe8743"},
    {"pbkdf2 sha256 1000000", "million",
     "pbkdf2:sha256:1000000$Iew7bzg4uOFncUIq$4edadeb47244849927162e12734b0b70d4cb88c82db0dce49d20bb946955884f"},
    {"pbkdf2 sha512 long password", std::string(150, 'L'),
     "pbkdf2:sha512:5000$vyVtWjDEPbPMkgE7$ad8dde9c94c986bfffeefd2172f696131f1ae0a42efc39bb7e6cfb0dff6da98af3a77133d9163ff10ffc7d76fc0e387de03a28d2781023bc581a03f724f6f516"},
    {"pbkdf2 sha384 emoji", "🔑 key",
     "pbkdf2:sha384:2000$UIwb5gVlCC8Kq2Rx$89848b8df102e54238dc4a5029b700f31e880a93ac9bea04860164b0109b66df9079d056b61634070c030a7aa5f320a2"},
    {"pbkdf2 sha256 empty password", "",
     "pbkdf2:sha256:1$BXqf6Jf7n3Y9yaX5$c96b23bfcf176a11edd701b025b84bae955495861b014c179fecbc5741b18887"},
    {"pbkdf2 sha256 without count", "no count here",
     "pbkdf2:sha256$AbCdEfGh12345678$87a405fa78d2c71a9fc2997bdec8a53b30e0ce1de239ddace9f98857db48b029"},
    {"pbkdf2 sha1 without count", "no count sha1",
     "pbkdf2:sha1$ZyXwVuTs98765432$7d781b5a7616dec1d5603653e25dac68550b63df"},
    {"scrypt 16384:8:1 non-ascii", "pässwörd ✓ 日本語",
     "scrypt:16384:8:1$s4ltS4ltS4ltS4lt$fc550a87c18c973807852cee66705e5e55557d11abb05b46e05ba4c4b9a90c79bce9cdcaa8c8080db4fe9657bc667123c97e509af7366f125ad266821c6c8067"},
    {"scrypt 1024:8:2", "two lanes",
     "scrypt:1024:8:2$pQ9rS8tU7vW6xY5z$b82ac1e4c86063f9e6cf20923a8d8bbfa47dae45bab4629345b9d9d01eccc2f0565de26fc830db0b4f15301b69016033b38d522ad85032da6337ec0278805fe7"},
    {"scrypt 128:1:1 smallest werkzeug can compute", "tiny",
     "scrypt:128:1:1$m1n1m4lS4ltV4lu3$7f70fe723413d1032fe028a70b805100563586a3809bf020f4c1d3fbb668cc8a2947b6bdf6d966988d87dbbb6b8f6a2a812836c048626e3c0c09eefc657f9641"},
    {"bare scrypt", "bare scrypt",
     "scrypt$B4r3Scrypt000001$37dc354d26d04493fceeb3a5851ba51bffebc0b77871645a10aa66c0a24ca9a0312a060b43c00f0a981a9c2605afba44c6c1948f38bf160430c1766a99c24d5f"},
    {"scrypt empty password", "",
     "scrypt:1024:1:1$EmptyPassw0rdSlt$c4366584d7a23b85e7bc40e890427b3f1d8dd3fc3e3b39114e11aac0ec197f4ee83b00ff83d765bd4726d423618636d80c49df3fee6f5e19040a5c7bd3a866a3"},
    {"legacy md5 hmac", "old password",
     "md5$mYNb7RIn7dBM6aF3$0c92ed91140cc19ee06f82e52e44f6bf"},
    {"legacy sha1 hmac", "old password",
     "sha1$bDJudaBwZ0KHjMjd$6416a6553618e2444ad2f1bb9ba0f09186f67014"},
    {"legacy sha224 hmac", "old password",
     "sha224$vEbNBf3rOOVoOSUc$251466e2438ba813828f7ff028508a73c4c387087e5cb2b322a6927a"},
    {"legacy sha256 hmac", "old password",
     "sha256$Awy42PPCABu3IhcH$482f139340851e2d3c7d4bd733196682d2ac9363181da46341839ceaf23a4040"},
    {"legacy sha384 hmac", "old password",
     "sha384$xmujGu03Wsi7Yuy1$3664b5582febda315ade54bd54dc64bb636d491933c2cd23a6ff5132d1f5b99ac78d59275a05dcea3d28af98a2ec6c8c"},
    {"legacy sha512 hmac", "old password",
     "sha512$FgczzLDvwcP9tKlZ$f34e79c5ef150b1bb3c99f0ca622917309d32353f0b2b75d080dbbc45e54cb25d8632a7c99cc5a98ea2b0a437b147c26a8af20319b43b73bfacf9af636f260c6"},
    {"legacy sha256 hmac non-ascii", "pässwörd ✓ 日本語",
     "sha256$A4vSTQ90MTRsK7VO$6be9b5a22c1c2dd2538bf31a07e05e2c943accbc116413d53da05df6c395d472"},
    // docs/facts.md section 1
    {"facts pbkdf2 sha256 260000", "Tr0ub4dor&3",
     "pbkdf2:sha256:260000$rXBqODeicu1bpyTk$415c8dd5f6b6e24d8077c8f2da330ab20226f21feae7ee632ad26046f707628a"},
    {"facts scrypt 32768:8:1", "hunter2",
     "scrypt:32768:8:1$Qw3rTy5aLt0123ab$0e2aed273366cff86da60a64581b86739b1f4e6d0b7dd9a2695fc5aadc5befa130e1fe3"
     "ecfc7bd003a651ced9506d80d7720911aeac53ce9cde09ea2f75cbe20"},
};

// A valid hash and its password, and the pieces the malformed list is built from.
const std::string kPassword = "correct horse battery staple";
const std::string kSalt = "QXtvZX0IAP3a8zFK";
const std::string kHex = "6f5d8d33824ec41655bd72444568f484a0b01e810fafd8ee58b43d37ef98adf8";
const std::string kValid = "pbkdf2:sha256:1000$" + kSalt + "$" + kHex;
const std::string kHex128(128, '0');

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string with_method(const std::string& method, const std::string& hex = kHex) {
    return method + "$" + kSalt + "$" + hex;
}

// Each entry: never a match, always "malformed", whatever the password.
const std::vector<Vector> kMalformed = {
    {"empty string", kPassword, ""},
    {"no dollar sign", kPassword, "pbkdf2:sha256:1000"},
    {"one dollar sign", kPassword, "pbkdf2:sha256:1000$" + kSalt + kHex},
    {"plain text with empty salt", kPassword, "plain$$" + kPassword},
    {"plain text with a salt", kPassword, "plain$x$" + kPassword},
    {"unknown method", kPassword, with_method("argon2")},
    {"upper-case legacy method", kPassword, with_method("SHA256")},
    {"upper-case pbkdf2 method", kPassword, with_method("PBKDF2:sha256:1000")},
    {"upper-case pbkdf2 digest", kPassword, with_method("pbkdf2:SHA256:1000")},
    {"bare pbkdf2", kPassword, with_method("pbkdf2")},
    {"pbkdf2 with empty digest", kPassword, with_method("pbkdf2::1000")},
    {"pbkdf2 with md5", kPassword, with_method("pbkdf2:md5:1000", std::string(32, '0'))},
    {"pbkdf2 with sha3_256", kPassword, with_method("pbkdf2:sha3_256:1000")},
    {"pbkdf2 with empty count", kPassword, with_method("pbkdf2:sha256:")},
    {"pbkdf2 with zero iterations", kPassword, with_method("pbkdf2:sha256:0")},
    {"pbkdf2 with negative count", kPassword, with_method("pbkdf2:sha256:-1000")},
    {"pbkdf2 with plus sign", kPassword, with_method("pbkdf2:sha256:+1000")},
    {"pbkdf2 with space in count", kPassword, with_method("pbkdf2:sha256: 1000")},
    {"pbkdf2 with underscore in count", kPassword, with_method("pbkdf2:sha256:1_000")},
    {"pbkdf2 with leading zero", kPassword, with_method("pbkdf2:sha256:01000")},
    {"pbkdf2 with decimal point", kPassword, with_method("pbkdf2:sha256:1000.0")},
    {"pbkdf2 with hex count", kPassword, with_method("pbkdf2:sha256:0x3e8")},
    {"pbkdf2 with trailing text", kPassword, with_method("pbkdf2:sha256:1000abc")},
    {"pbkdf2 above 10,000,000 iterations", kPassword, with_method("pbkdf2:sha256:10000001")},
    {"pbkdf2 with a 20-digit count", kPassword, with_method("pbkdf2:sha256:99999999999999999999")},
    {"pbkdf2 with count wrapping 2^32", kPassword, with_method("pbkdf2:sha256:4294968296")},
    {"pbkdf2 with extra field", kPassword, with_method("pbkdf2:sha256:1000:1")},
    {"nul byte in method", kPassword, with_method(std::string("pbkdf2:sha256:1000\0", 19))},
    {"empty salt", kPassword, "pbkdf2:sha256:1000$$" + kHex},
    {"salt over 1024 bytes", kPassword, "pbkdf2:sha256:1000$" + std::string(1025, 's') + "$" + kHex},
    {"upper-case hash", kPassword, with_method("pbkdf2:sha256:1000", upper(kHex))},
    {"hash one digit short", kPassword, with_method("pbkdf2:sha256:1000", kHex.substr(1))},
    {"hash one digit long", kPassword, with_method("pbkdf2:sha256:1000", kHex + "0")},
    {"empty hash", kPassword, with_method("pbkdf2:sha256:1000", "")},
    {"hash with a non-hex digit", kPassword, with_method("pbkdf2:sha256:1000", "g" + kHex.substr(1))},
    {"hash with trailing newline", kPassword, kValid + "\n"},
    {"hash with trailing space", kPassword, kValid + " "},
    {"hash with a third dollar sign", kPassword, kValid + "$"},
    {"sha1-length hash under sha256", kPassword, with_method("pbkdf2:sha256:1000", kHex.substr(0, 40))},
    {"scrypt with empty parameter", kPassword, with_method("scrypt:", kHex128)},
    {"scrypt with two parameters", kPassword, with_method("scrypt:16384:8", kHex128)},
    {"scrypt with four parameters", kPassword, with_method("scrypt:16384:8:1:1", kHex128)},
    {"scrypt with a word for p", kPassword, with_method("scrypt:16384:8:x", kHex128)},
    {"scrypt N not a power of two", kPassword, with_method("scrypt:1000:8:1", kHex128)},
    {"scrypt N of 1", kPassword, with_method("scrypt:1:8:1", kHex128)},
    {"scrypt N of 0", kPassword, with_method("scrypt:0:8:1", kHex128)},
    {"scrypt N above 2^20", kPassword, with_method("scrypt:2097152:1:1", kHex128)},
    {"scrypt memory above 256 MiB", kPassword, with_method("scrypt:1048576:8:1", kHex128)},
    {"scrypt r of 0", kPassword, with_method("scrypt:16384:0:1", kHex128)},
    {"scrypt r above 32", kPassword, with_method("scrypt:16384:33:1", kHex128)},
    {"scrypt p of 0", kPassword, with_method("scrypt:16384:8:0", kHex128)},
    {"scrypt p above 16", kPassword, with_method("scrypt:16384:8:17", kHex128)},
    {"scrypt work above 2^22", kPassword, with_method("scrypt:262144:8:4", kHex128)},
    {"scrypt N not below 2^(16r)", kPassword, with_method("scrypt:65536:1:1", kHex128)},
    {"scrypt too small for werkzeug", kPassword, with_method("scrypt:64:8:1", kHex128)},
    {"scrypt N beyond 32 bits", kPassword, with_method("scrypt:4294967296:8:1", kHex128)},
    {"scrypt with a 64-digit hash", kPassword, with_method("scrypt:16384:8:1", kHex)},
    {"unsalted legacy digest", "old password", "sha1$$" + std::string(40, '0')},
    {"legacy md4", kPassword, with_method("md4", std::string(32, '0'))},
    {"legacy sha3_256", kPassword, with_method("sha3_256")},
    {"legacy hash of wrong length", kPassword, with_method("sha256", kHex.substr(0, 40))},
    {"100,000 bytes of dollar signs", kPassword, std::string(100000, '$')},
    {"100,000 bytes without a dollar sign", kPassword, std::string(100000, 'a')},
};

std::string zeros_for(const std::string& method, std::size_t hex_digits, const std::string& salt = kSalt) {
    return method + "$" + salt + "$" + std::string(hex_digits, '0');
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_password_hash)

BOOST_DATA_TEST_CASE(a_werkzeug_hash_matches_its_password, data::make(kWerkzeugVectors), v) {
    BOOST_TEST(verify_password(v.stored, v.password) == VerifyResult::match);
    BOOST_TEST(hash_problem(v.stored) == "");
}

BOOST_DATA_TEST_CASE(a_werkzeug_hash_does_not_match_another_password, data::make(kWerkzeugVectors), v) {
    BOOST_TEST(verify_password(v.stored, v.password + "x") == VerifyResult::no_match);
    BOOST_TEST(!check_password(v.stored, v.password + "x"));
}

BOOST_DATA_TEST_CASE(a_malformed_hash_is_malformed_and_never_matches, data::make(kMalformed), v) {
    BOOST_TEST(verify_password(v.stored, v.password) == VerifyResult::malformed);
    BOOST_TEST(!check_password(v.stored, v.password));
    BOOST_TEST(needs_rehash(v.stored, default_hash_policy()));
    BOOST_TEST(hash_problem(v.stored) != "");
}

BOOST_AUTO_TEST_CASE(the_valid_hash_behind_the_malformed_list_does_match) {
    BOOST_TEST(verify_password(kValid, kPassword) == VerifyResult::match);
}

BOOST_AUTO_TEST_CASE(check_password_is_true_exactly_for_a_match) {
    const std::string stored = kWerkzeugVectors.front().stored;
    BOOST_TEST(check_password(stored, kWerkzeugVectors.front().password));
    BOOST_TEST(!check_password(stored, ""));
    BOOST_TEST(!check_password("plain$$", ""));
}

BOOST_AUTO_TEST_CASE(a_password_differing_only_after_a_nul_byte_does_not_match) {
    const std::string stored = hash_password(std::string("ab\0cd", 5), *parse_hash_policy("pbkdf2:sha256:1"));
    BOOST_TEST(check_password(stored, std::string("ab\0cd", 5)));
    BOOST_TEST(!check_password(stored, "ab"));
    BOOST_TEST(!check_password(stored, std::string("ab\0ce", 5)));
}

BOOST_AUTO_TEST_CASE(a_stored_pbkdf2_hash_without_a_count_means_260000_iterations) {
    // Same derived key written with and without the count: both verify.
    const std::string hex = "87a405fa78d2c71a9fc2997bdec8a53b30e0ce1de239ddace9f98857db48b029";
    BOOST_TEST(check_password("pbkdf2:sha256$AbCdEfGh12345678$" + hex, "no count here"));
    BOOST_TEST(check_password("pbkdf2:sha256:260000$AbCdEfGh12345678$" + hex, "no count here"));
    BOOST_TEST(!check_password("pbkdf2:sha256:600000$AbCdEfGh12345678$" + hex, "no count here"));
}

BOOST_AUTO_TEST_CASE(bare_scrypt_means_32768_8_1) {
    const std::string hex =
        "37dc354d26d04493fceeb3a5851ba51bffebc0b77871645a10aa66c0a24ca9a0312a060b43c00f0a981a9c2605afba44c6c1948f3"
        "8bf160430c1766a99c24d5f";
    BOOST_TEST(check_password("scrypt:32768:8:1$B4r3Scrypt000001$" + hex, "bare scrypt"));
}

BOOST_AUTO_TEST_CASE(the_largest_allowed_parameters_are_accepted_as_well_formed) {
    BOOST_TEST(hash_problem(zeros_for("pbkdf2:sha256:10000000", 64)) == "");
    BOOST_TEST(hash_problem(zeros_for("pbkdf2:sha1:1", 40)) == "");
    BOOST_TEST(hash_problem(zeros_for("scrypt:1048576:2:1", 128)) == "");  // 256 MiB, work 2^21
    BOOST_TEST(hash_problem(zeros_for("scrypt:16384:32:8", 128)) == "");   // work exactly 2^22
    BOOST_TEST(hash_problem(zeros_for("scrypt:32768:1:1", 128)) == "");    // N just below 2^16
    BOOST_TEST(hash_problem(zeros_for("scrypt:128:1:1", 128)) == "");
    BOOST_TEST(hash_problem(zeros_for("scrypt:2:2:16", 128)) == "");
    BOOST_TEST(hash_problem("pbkdf2:sha256:1000$" + std::string(1024, 's') + "$" + kHex) == "");
}

BOOST_AUTO_TEST_CASE(a_salt_of_any_bytes_but_dollar_is_used_as_it_is) {
    // hashlib.pbkdf2_hmac("sha256", b"pw", "sält with spaces:and:colons".encode(), 1); werkzeug agrees.
    const std::string stored = "pbkdf2:sha256:1$sält with spaces:and:colons$"
                               "89c1f41f3456f29061584cdc11c18787ec87875f5c67b7f2dcd20d95207b9982";
    BOOST_TEST(hash_problem(stored) == "");
    BOOST_TEST(verify_password(stored, "pw") == VerifyResult::match);
}

BOOST_AUTO_TEST_CASE(problems_name_the_method_but_never_the_salt_or_hash) {
    BOOST_TEST(hash_problem("plain$$secret") == "unsupported hash method 'plain'");
    BOOST_TEST(hash_problem("secret") == "not a werkzeug hash (fewer than two '$' separators)");
    BOOST_TEST(hash_problem("pbkdf2:sha256:1000$$" + kHex) == "empty salt");
    BOOST_TEST(hash_problem(with_method("pbkdf2:sha256:1000", upper(kHex))) == "hash is not lowercase hexadecimal");
    const std::string problem = hash_problem(with_method("pbkdf2:sha256:0"));
    BOOST_TEST(problem.find("iteration count") != std::string::npos);
    BOOST_TEST(problem.find(kSalt) == std::string::npos);
    BOOST_TEST(problem.find(kHex) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(problems_quote_control_characters_as_question_marks_and_cut_long_methods) {
    BOOST_TEST(hash_problem("bad\x1b[31m\n$s$00") == "unsupported hash method 'bad?[31m?'");
    const std::string problem = hash_problem(std::string(100, 'm') + "$s$00");
    BOOST_TEST(problem == "unsupported hash method '" + std::string(40, 'm') + "...'");
}

BOOST_AUTO_TEST_CASE(hash_password_writes_werkzeug_format_with_a_16_character_alphanumeric_salt) {
    const std::string stored = hash_password("p", *parse_hash_policy("pbkdf2:sha256:1000"));
    BOOST_TEST(std::regex_match(stored, std::regex("pbkdf2:sha256:1000\\$[A-Za-z0-9]{16}\\$[0-9a-f]{64}")), stored);
}

BOOST_AUTO_TEST_CASE(hash_password_with_the_default_policy_round_trips) {
    const std::string stored = hash_password("correct horse", default_hash_policy());
    BOOST_TEST(std::regex_match(stored, std::regex("pbkdf2:sha256:600000\\$[A-Za-z0-9]{16}\\$[0-9a-f]{64}")), stored);
    BOOST_TEST(verify_password(stored, "correct horse") == VerifyResult::match);
    BOOST_TEST(verify_password(stored, "correct horse ") == VerifyResult::no_match);
    BOOST_TEST(!needs_rehash(stored, default_hash_policy()));
}

BOOST_AUTO_TEST_CASE(hash_password_round_trips_every_pbkdf2_digest) {
    for (const char* method : {"pbkdf2:sha1:1000", "pbkdf2:sha224:1000", "pbkdf2:sha256:1000", "pbkdf2:sha384:1000",
                               "pbkdf2:sha512:1000"}) {
        BOOST_TEST_CONTEXT(method) {
            const HashPolicy policy = *parse_hash_policy(method);
            const std::string stored = hash_password("pässwörd ✓", policy);
            BOOST_TEST(stored.rfind(std::string(method) + "$", 0) == 0u);
            BOOST_TEST(check_password(stored, "pässwörd ✓"));
            BOOST_TEST(!check_password(stored, "passwörd ✓"));
            BOOST_TEST(!needs_rehash(stored, policy));
        }
    }
}

BOOST_AUTO_TEST_CASE(hash_password_round_trips_scrypt_with_a_128_digit_hash) {
    const HashPolicy policy = *parse_hash_policy("scrypt");
    const std::string stored = hash_password("hunter2", policy);
    BOOST_TEST(std::regex_match(stored, std::regex("scrypt:32768:8:1\\$[A-Za-z0-9]{16}\\$[0-9a-f]{128}")), stored);
    BOOST_TEST(check_password(stored, "hunter2"));
    BOOST_TEST(!check_password(stored, "hunter3"));
    BOOST_TEST(!needs_rehash(stored, policy));
}

BOOST_AUTO_TEST_CASE(hash_password_accepts_an_empty_password) {
    const std::string stored = hash_password("", *parse_hash_policy("scrypt:1024:8:1"));
    BOOST_TEST(check_password(stored, ""));
    BOOST_TEST(!check_password(stored, " "));
}

BOOST_AUTO_TEST_CASE(two_hashes_of_one_password_have_different_salts) {
    const HashPolicy policy = *parse_hash_policy("pbkdf2:sha256:1");
    const std::string a = hash_password("same", policy);
    const std::string b = hash_password("same", policy);
    BOOST_TEST(a != b);
    BOOST_TEST(a.substr(0, a.rfind('$')) != b.substr(0, b.rfind('$')));
}

BOOST_AUTO_TEST_CASE(hash_password_refuses_a_policy_outside_the_bounds) {
    HashPolicy policy;
    policy.iterations = 0;
    BOOST_CHECK_THROW(hash_password("p", policy), std::invalid_argument);
    policy.iterations = 10'000'001;
    BOOST_CHECK_THROW(hash_password("p", policy), std::invalid_argument);
    policy = default_hash_policy();
    policy.digest = DigestAlgorithm::md5;
    BOOST_CHECK_THROW(hash_password("p", policy), std::invalid_argument);
    policy = *parse_hash_policy("scrypt");
    policy.n = 3;
    BOOST_CHECK_THROW(hash_password("p", policy), std::invalid_argument);
    policy.n = 1u << 21;
    BOOST_CHECK_THROW(hash_password("p", policy), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_false_for_the_policy_itself_or_a_higher_cost) {
    const HashPolicy pbkdf2 = default_hash_policy();
    BOOST_TEST(!needs_rehash(zeros_for("pbkdf2:sha256:600000", 64), pbkdf2));
    BOOST_TEST(!needs_rehash(zeros_for("pbkdf2:sha256:1000000", 64), pbkdf2));
    const HashPolicy scrypt = *parse_hash_policy("scrypt:32768:8:1");
    BOOST_TEST(!needs_rehash(zeros_for("scrypt:32768:8:1", 128), scrypt));
    BOOST_TEST(!needs_rehash(zeros_for("scrypt:65536:8:1", 128), scrypt));
    BOOST_TEST(!needs_rehash(zeros_for("scrypt:32768:8:2", 128), scrypt));
    BOOST_TEST(!needs_rehash(zeros_for("scrypt:32768:16:1", 128), scrypt));
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_true_for_fewer_pbkdf2_iterations) {
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha256:260000", 64), default_hash_policy()));
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha256:599999", 64), default_hash_policy()));
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_true_for_another_digest_even_at_a_higher_cost) {
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha512:1000000", 128), default_hash_policy()));
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha1:1000000", 40), default_hash_policy()));
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_true_when_the_scheme_differs) {
    BOOST_TEST(needs_rehash(zeros_for("scrypt:32768:8:1", 128), default_hash_policy()));
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha256:600000", 64), *parse_hash_policy("scrypt")));
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_true_when_any_scrypt_parameter_is_lower) {
    const HashPolicy scrypt = *parse_hash_policy("scrypt:32768:8:1");
    BOOST_TEST(needs_rehash(zeros_for("scrypt:16384:8:1", 128), scrypt));
    BOOST_TEST(needs_rehash(zeros_for("scrypt:65536:4:1", 128), scrypt));
    BOOST_TEST(needs_rehash(zeros_for("scrypt:32768:8:1", 128), *parse_hash_policy("scrypt:32768:8:2")));
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_true_for_legacy_and_parameterless_forms) {
    BOOST_TEST(needs_rehash(zeros_for("sha256", 64), default_hash_policy()));
    BOOST_TEST(needs_rehash(zeros_for("sha512", 128), default_hash_policy()));
    BOOST_TEST(needs_rehash(zeros_for("md5", 32), default_hash_policy()));
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha256", 64), *parse_hash_policy("pbkdf2:sha256:1000")));
    BOOST_TEST(needs_rehash(zeros_for("scrypt", 128), *parse_hash_policy("scrypt:1024:8:1")));
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_true_for_a_salt_shorter_than_16_bytes) {
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha256:600000", 64, "short"), default_hash_policy()));
    BOOST_TEST(!needs_rehash(zeros_for("pbkdf2:sha256:600000", 64, std::string(16, 'x')), default_hash_policy()));
}

BOOST_AUTO_TEST_CASE(needs_rehash_is_true_for_malformed_hashes) {
    BOOST_TEST(needs_rehash("", default_hash_policy()));
    BOOST_TEST(needs_rehash("plain$$x", default_hash_policy()));
    BOOST_TEST(needs_rehash(zeros_for("pbkdf2:sha256:600000", 63), default_hash_policy()));
}

BOOST_AUTO_TEST_SUITE_END()
