// auth_validation_test.cpp -- the rules for email, username and password input.
#include <boost/test/unit_test.hpp>

#include "auth/validation.h"
#include "http/text.h"

namespace auth = authgate::auth;

BOOST_AUTO_TEST_SUITE(auth_validation)

BOOST_AUTO_TEST_CASE(ordinary_emails_are_accepted) {
    for (const char* email : {"a@b.co", "first.last+tag@example.com", "x@sub.domain.org", "\xc3\xa9@example.com"})
        BOOST_TEST(!auth::email_problem(email), email);
}

BOOST_AUTO_TEST_CASE(broken_emails_are_refused_with_one_message) {
    for (const char* email : {"", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a b@c.com", "a@b..com",
                              "a@.com", "a@b.com.", "<a@b.com>", "a@b.com\n", "a\"@b.com"})
        BOOST_TEST(auth::email_problem(email).value_or("") == "Please enter a valid email address.", email);
    BOOST_TEST(auth::email_problem(std::string(110, 'a') + "@example.com").has_value());
}

BOOST_AUTO_TEST_CASE(usernames_are_3_to_80_safe_characters) {
    BOOST_TEST(!auth::username_problem("abc"));
    BOOST_TEST(!auth::username_problem("john.doe_99-x"));
    BOOST_TEST(!auth::username_problem(std::string(80, 'a')));
    for (const std::string& name : {std::string("ab"), std::string(81, 'a'), std::string("has space"),
                                    std::string("<script>"), std::string("caf\xc3\xa9")})
        BOOST_TEST(auth::username_problem(name).has_value(), name);
}

BOOST_AUTO_TEST_CASE(password_length_counts_characters_not_bytes) {
    BOOST_TEST(auth::password_length_problem("short").value() == "Password must be at least 8 characters.");
    BOOST_TEST(!auth::password_length_problem("12345678"));
    // Eight two-byte characters are eight characters.
    BOOST_TEST(!auth::password_length_problem("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"));
    // Seven four-byte characters are too few even though they are 28 bytes.
    std::string seven_emoji;
    for (int i = 0; i < 7; ++i) seven_emoji += "\xf0\x9f\x94\x91";
    BOOST_TEST(auth::password_length_problem(seven_emoji).has_value());
    BOOST_TEST(!auth::password_length_problem(std::string(128, 'x')));
    BOOST_TEST(auth::password_length_problem(std::string(129, 'x')).value() ==
               "Password must be at most 128 characters.");
    BOOST_TEST(auth::password_length_problem("12345678\xff").has_value());
}

BOOST_AUTO_TEST_CASE(utf8_length_refuses_invalid_sequences) {
    namespace http = authgate::http;
    BOOST_TEST(http::utf8_length("abc").value() == 3u);
    BOOST_TEST(http::utf8_length("\xe2\x82\xac").value() == 1u);
    BOOST_TEST(!http::utf8_length("\xc0\xaf"));          // overlong '/'
    BOOST_TEST(!http::utf8_length("\xed\xa0\x80"));      // surrogate
    BOOST_TEST(!http::utf8_length("\xe2\x82"));          // truncated
    BOOST_TEST(!http::utf8_length(std::string("a\0b", 3)));
}

BOOST_AUTO_TEST_SUITE_END()
