// auth_validation_test.cpp -- the rules for email, username and password input, and their wording.
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "auth/validation.h"
#include "http/text.h"
#include "web/messages.h"

namespace auth = authgate::auth;
namespace text = authgate::web::text;

namespace authgate::auth {
inline std::ostream& operator<<(std::ostream& out, FieldProblem problem) {
    return out << static_cast<int>(problem);
}
}  // namespace authgate::auth

using auth::FieldProblem;

BOOST_AUTO_TEST_SUITE(auth_validation)

BOOST_AUTO_TEST_CASE(ordinary_emails_are_accepted) {
    for (const char* email : {"a@b.co", "first.last+tag@example.com", "x@sub.domain.org", "\xc3\xa9@example.com"})
        BOOST_TEST(auth::email_problem(email) == FieldProblem::none, email);
}

BOOST_AUTO_TEST_CASE(broken_emails_are_refused_with_one_message) {
    for (const char* email : {"", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a b@c.com", "a@b..com",
                              "a@.com", "a@b.com.", "<a@b.com>", "a@b.com\n", "a\"@b.com"}) {
        BOOST_TEST(auth::email_problem(email) == FieldProblem::email_invalid, email);
        BOOST_TEST(text::field_problem(auth::email_problem(email)) == "Please enter a valid email address.");
    }
    BOOST_TEST(auth::email_problem(std::string(110, 'a') + "@example.com") == FieldProblem::email_invalid);
}

BOOST_AUTO_TEST_CASE(usernames_are_3_to_80_safe_characters) {
    BOOST_TEST(auth::username_problem("abc") == FieldProblem::none);
    BOOST_TEST(auth::username_problem("john.doe_99-x") == FieldProblem::none);
    BOOST_TEST(auth::username_problem(std::string(80, 'a')) == FieldProblem::none);
    for (const std::string& name : {std::string("ab"), std::string(81, 'a'), std::string("has space"),
                                    std::string("<script>"), std::string("caf\xc3\xa9")})
        BOOST_TEST(auth::username_problem(name) == FieldProblem::username_invalid, name);
}

BOOST_AUTO_TEST_CASE(password_length_counts_characters_not_bytes) {
    BOOST_TEST(auth::password_length_problem("short") == FieldProblem::password_too_short);
    BOOST_TEST(text::field_problem(FieldProblem::password_too_short) == "Password must be at least 8 characters.");
    BOOST_TEST(auth::password_length_problem("12345678") == FieldProblem::none);
    // Eight two-byte characters are eight characters.
    BOOST_TEST(auth::password_length_problem("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9") ==
               FieldProblem::none);
    // Seven four-byte characters are too few even though they are 28 bytes.
    std::string seven_emoji;
    for (int i = 0; i < 7; ++i) seven_emoji += "\xf0\x9f\x94\x91";
    BOOST_TEST(auth::password_length_problem(seven_emoji) == FieldProblem::password_too_short);
    BOOST_TEST(auth::password_length_problem(std::string(128, 'x')) == FieldProblem::none);
    BOOST_TEST(auth::password_length_problem(std::string(129, 'x')) == FieldProblem::password_too_long);
    BOOST_TEST(text::field_problem(FieldProblem::password_too_long) == "Password must be at most 128 characters.");
    BOOST_TEST(auth::password_length_problem("12345678\xff") == FieldProblem::password_not_text);
}

BOOST_AUTO_TEST_CASE(a_new_password_checks_length_then_confirmation_then_strength) {
    const std::vector<std::string> words = {"alice", "alice@example.com"};
    BOOST_TEST(auth::new_password_problem("short", "other", words, 2) == FieldProblem::password_too_short);
    BOOST_TEST(auth::new_password_problem("correct horse battery", "correct horse batterx", words, 2) ==
               FieldProblem::passwords_differ);
    BOOST_TEST(text::field_problem(FieldProblem::passwords_differ) == "Passwords do not match.");
    BOOST_TEST(auth::new_password_problem("password123", "password123", words, 2) == FieldProblem::password_guessable);
    BOOST_TEST(auth::new_password_problem("correct horse battery", "correct horse battery", words, 2) ==
               FieldProblem::none);
}

BOOST_AUTO_TEST_CASE(every_problem_has_a_message) {
    for (auto problem : {FieldProblem::email_invalid, FieldProblem::username_invalid, FieldProblem::password_too_short,
                         FieldProblem::password_too_long, FieldProblem::password_not_text, FieldProblem::passwords_differ,
                         FieldProblem::password_uses_user_words, FieldProblem::password_guessable})
        BOOST_TEST(!text::field_problem(problem).empty(), static_cast<int>(problem));
    BOOST_TEST(text::field_problem(FieldProblem::none).empty());
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
