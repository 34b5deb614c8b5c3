// auth_password_strength_test.cpp -- zxcvbn-based refusal of guessable passwords.
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "auth/password_strength.h"

namespace auth = authgate::auth;

namespace authgate::auth {
inline std::ostream& operator<<(std::ostream& out, Strength strength) {
    return out << static_cast<int>(strength);
}
}  // namespace authgate::auth

using auth::Strength;

BOOST_AUTO_TEST_SUITE(auth_password_strength)

BOOST_AUTO_TEST_CASE(a_long_passphrase_passes) {
    BOOST_TEST(auth::password_strength("correct horse battery staple", {"alice", "alice@example.com"}, 2) ==
               Strength::enough);
    BOOST_TEST(auth::password_score("correct horse battery staple", {}) == 4);
}

BOOST_AUTO_TEST_CASE(common_passwords_are_refused) {
    for (const char* password : {"password123", "12345678", "qwertyuiop", "iloveyou2", "Summer2024!"})
        BOOST_TEST(auth::password_strength(password, {}, 2) == Strength::guessable, password);
}

BOOST_AUTO_TEST_CASE(the_username_with_a_digit_is_refused_as_built_on_the_users_words) {
    BOOST_TEST(auth::password_strength("zebrafinch7", {"zebrafinch7x", "zebrafinch", "z@example.com"}, 2) ==
               Strength::uses_user_words);
    // Without the user's words, the same password is not blamed on them.
    BOOST_TEST(auth::password_strength("zebrafinch7", {}, 2) != Strength::uses_user_words);
}

BOOST_AUTO_TEST_CASE(the_threshold_is_configurable) {
    BOOST_TEST(auth::password_strength("password123", {}, 0) == Strength::enough);
    BOOST_TEST(auth::password_strength("Summer2024!", {}, 2) == Strength::guessable);
    BOOST_TEST(auth::password_strength("Summer2024!", {}, 1) == Strength::enough);
}

BOOST_AUTO_TEST_SUITE_END()
