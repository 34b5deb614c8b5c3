// auth_password_strength_test.cpp -- zxcvbn-based refusal of guessable passwords.
#include <boost/test/unit_test.hpp>

#include "auth/password_strength.h"

namespace auth = authgate::auth;

BOOST_AUTO_TEST_SUITE(auth_password_strength)

BOOST_AUTO_TEST_CASE(a_long_passphrase_passes) {
    BOOST_TEST(!auth::password_strength_problem("correct horse battery staple", {"alice", "alice@example.com"}, 2));
    BOOST_TEST(auth::password_score("correct horse battery staple", {}) == 4);
}

BOOST_AUTO_TEST_CASE(common_passwords_are_refused) {
    for (const char* password : {"password123", "12345678", "qwertyuiop", "iloveyou2", "Summer2024!"})
        BOOST_TEST(auth::password_strength_problem(password, {}, 2).has_value(), password);
}

BOOST_AUTO_TEST_CASE(the_username_with_a_digit_is_refused_and_the_reason_says_so) {
    auto problem = auth::password_strength_problem("zebrafinch7", {"zebrafinch7x", "zebrafinch", "z@example.com"}, 2);
    BOOST_REQUIRE(problem);
    BOOST_TEST(problem->find("username or email") != std::string::npos);
    BOOST_TEST(problem->find("zebrafinch7") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_threshold_is_configurable) {
    BOOST_TEST(!auth::password_strength_problem("password123", {}, 0));
    BOOST_TEST(auth::password_strength_problem("Summer2024!", {}, 2).has_value());
    BOOST_TEST(!auth::password_strength_problem("Summer2024!", {}, 1));
}

BOOST_AUTO_TEST_SUITE_END()
