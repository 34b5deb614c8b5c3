// register_test.cpp -- GET and POST /register: the form, success, duplicates, validation, storage.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kEmailTaken = "Email already registered";
const std::string kUsernameTaken = "Username already taken";
const std::string kBadEmail = "Please enter a valid email address.";
const std::string kBadUsername = "Username must be 3 to 80 characters: letters, digits, dots, underscores or hyphens.";
const std::string kShortPassword = "Password must be at least 8 characters.";
const std::string kLongPassword = "Password must be at most 128 characters.";
const std::string kMismatch = "Passwords do not match.";

HttpResponse post_registration(HttpClient& client, const std::string& email, const std::string& username,
                               const std::string& password, const std::string& confirmation) {
    std::string token = csrf_token_of(client, "/register");
    return client.post("/register", {{"email", email},
                                     {"username", username},
                                     {"password", password},
                                     {"password_confirm", confirmation},
                                     {"csrf_token", token}});
}

long long user_count(const TestServer& server) {
    SqlitePeek db(server.database());
    return db.integer("SELECT count(*) FROM user");
}

std::string repeat(const std::string& piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
}

// A refused registration: 422, the error message, (when `refilled`) the submitted email and username
// kept in the form, the password nowhere in the page and no new user in the database.
void check_refused(TestServer& server, const std::string& email, const std::string& username,
                   const std::string& password, const std::string& confirmation, const std::string& message,
                   bool refilled = true) {
    HttpClient client(server.base_url());
    long long before = user_count(server);
    auto response = post_registration(client, email, username, password, confirmation);
    BOOST_TEST(response.status == 422);
    BOOST_TEST(contains(response.body, flash_html("error", message)), "missing flash: " << message);
    if (refilled) {
        BOOST_TEST(input_value(response.body, "email") == email);
        BOOST_TEST(input_value(response.body, "username") == username);
    }
    BOOST_TEST(input_value(response.body, "password").empty());
    BOOST_TEST(input_value(response.body, "password_confirm").empty());
    if (password.size() >= 4) BOOST_TEST(!contains(response.body, password), "the password was echoed");
    BOOST_TEST(user_count(server) == before);
}

// The length rules alone: these passwords are too easy to guess for the default strength check.
ServerOptions without_strength_check() {
    return with_args({"--password-min-score", "0"});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(register_flow)

BOOST_AUTO_TEST_CASE(the_register_page_shows_every_field_and_a_csrf_token) {
    TestServer server;
    HttpClient client(server.base_url());
    auto page = client.get("/register");
    BOOST_TEST(page.status == 200);
    for (const std::string field : {"email", "username", "password", "password_confirm", "csrf_token"})
        BOOST_TEST(contains(page.body, "name=\"" + field + "\""), "missing field " << field);
    BOOST_TEST(contains(page.body, "type=\"hidden\" name=\"csrf_token\""));
    BOOST_TEST(input_value(page.body, "csrf_token").size() >= 16);
    BOOST_TEST(contains(page.body, "method=\"post\""));
}

BOOST_AUTO_TEST_CASE(a_successful_registration_redirects_to_login_with_a_success_flash_shown_once) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("reg");
    auto response = register_account(client, account);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login");
    std::string success = flash_html("success", "Registration successful! Please log in.");
    auto login_page = client.get("/login");
    BOOST_TEST(login_page.status == 200);
    BOOST_TEST(count_of(login_page.body, success) == 1u);
    BOOST_TEST(!contains(client.get("/login").body, success), "the flash was shown twice");
}

BOOST_AUTO_TEST_CASE(the_new_account_is_stored_with_a_pbkdf2_600000_hash_and_can_log_in) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("store");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    SqlitePeek db(server.database());
    auto rows = db.rows("SELECT email, username, password_hash FROM user");
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][0].value_or("") == account.email);
    BOOST_TEST(rows[0][1].value_or("") == account.username);
    std::string hash = rows[0][2].value_or("");
    BOOST_TEST(hash.rfind("pbkdf2:sha256:600000$", 0) == 0u, hash);
    BOOST_TEST(!contains(hash, account.password));
    auto login = log_in(client, account.email, account.password);
    BOOST_TEST(login.status == 302);
    BOOST_TEST(login.header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_CASE(password_method_scrypt_stores_a_werkzeug_scrypt_hash) {
    TestServer server(with_args({"--password-method", "scrypt:32768:8:1"}));
    HttpClient client(server.base_url());
    Account account = unique_account("scrypt");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    SqlitePeek db(server.database());
    std::string hash = db.scalar("SELECT password_hash FROM user WHERE username = ?1", {account.username});
    BOOST_TEST(hash.rfind("scrypt:32768:8:1$", 0) == 0u, hash);
    // werkzeug: 16-character salt, 64-byte key in hex
    BOOST_TEST(hash.size() == std::string("scrypt:32768:8:1$").size() + 16 + 1 + 128, hash);
    BOOST_TEST(log_in(client, account.email, account.password).header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_CASE(the_email_is_stored_trimmed_but_otherwise_as_typed) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = post_registration(client, "  Mixed.Case@Example.COM \t", "mixedcase", "plum-kettle-orbit-93", "plum-kettle-orbit-93");
    BOOST_TEST(response.status == 302);
    SqlitePeek db(server.database());
    BOOST_TEST(db.scalar("SELECT email FROM user WHERE username = 'mixedcase'") == "Mixed.Case@Example.COM");
}

BOOST_AUTO_TEST_CASE(a_duplicate_email_in_another_case_gets_422_email_already_registered) {
    TestServer server;
    HttpClient first(server.base_url());
    BOOST_TEST_REQUIRE(post_registration(first, "Alice@Example.com", "alice", "plum-kettle-orbit-93", "plum-kettle-orbit-93").status == 302);
    check_refused(server, "alice@example.COM", "alice2", "violet-anchor-mosaic-17", "violet-anchor-mosaic-17", kEmailTaken, false);
    check_refused(server, "Alice@Example.com", "alice3", "violet-anchor-mosaic-17", "violet-anchor-mosaic-17", kEmailTaken, false);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE lower(email) = 'alice@example.com'") == 1);
}

BOOST_AUTO_TEST_CASE(a_duplicate_username_in_another_case_gets_422_username_already_taken) {
    TestServer server;
    HttpClient first(server.base_url());
    BOOST_TEST_REQUIRE(post_registration(first, "bob@example.com", "Bob.Builder", "plum-kettle-orbit-93", "plum-kettle-orbit-93").status == 302);
    check_refused(server, "bob2@example.com", "bob.builder", "violet-anchor-mosaic-17", "violet-anchor-mosaic-17", kUsernameTaken, false);
    check_refused(server, "bob3@example.com", "Bob.Builder", "violet-anchor-mosaic-17", "violet-anchor-mosaic-17", kUsernameTaken, false);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE lower(username) = 'bob.builder'") == 1);
}

BOOST_AUTO_TEST_CASE(an_invalid_email_is_refused_with_the_form_refilled) {
    TestServer server;
    for (const std::string email : {"", "not-an-email", "@example.com", "a b@example.com"}) {
        BOOST_TEST_CONTEXT("email '" << email << "'") {
            check_refused(server, email, "validname", "plum-kettle-orbit-93", "plum-kettle-orbit-93", kBadEmail);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_username_outside_3_to_80_allowed_characters_is_refused) {
    TestServer server;
    int n = 0;
    for (const std::string& username : {std::string("ab"), std::string(81, 'u'), std::string("has space"),
                                       std::string("semi;colon"), std::string("at@sign"), std::string("")}) {
        BOOST_TEST_CONTEXT("username '" << username << "'") {
            check_refused(server, "name" + std::to_string(++n) + "@example.com", username, "plum-kettle-orbit-93",
                          "plum-kettle-orbit-93", kBadUsername);
        }
    }
}

BOOST_AUTO_TEST_CASE(usernames_of_3_and_80_allowed_characters_are_accepted) {
    TestServer server;
    HttpClient client(server.base_url());
    BOOST_TEST(post_registration(client, "three@example.com", "a.b", "plum-kettle-orbit-93", "plum-kettle-orbit-93").status == 302);
    std::string eighty = "Az09_.-" + std::string(73, 'x');
    BOOST_TEST(post_registration(client, "eighty@example.com", eighty, "plum-kettle-orbit-93", "plum-kettle-orbit-93").status == 302);
    BOOST_TEST(user_count(server) == 2);
}

BOOST_AUTO_TEST_CASE(a_password_of_7_characters_is_refused_and_8_accepted) {
    TestServer server(without_strength_check());
    check_refused(server, "short@example.com", "shorty", "1234567", "1234567", kShortPassword);
    HttpClient client(server.base_url());
    BOOST_TEST(post_registration(client, "eight@example.com", "eight", "12345678", "12345678").status == 302);
}

BOOST_AUTO_TEST_CASE(a_password_of_129_characters_is_refused_and_128_accepted) {
    TestServer server(without_strength_check());
    check_refused(server, "long@example.com", "longer", std::string(129, 'p'), std::string(129, 'p'), kLongPassword);
    HttpClient client(server.base_url());
    std::string password(128, 'p');
    BOOST_TEST(post_registration(client, "long128@example.com", "long128", password, password).status == 302);
    BOOST_TEST(log_in(client, "long128@example.com", password).header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_CASE(password_length_counts_unicode_code_points_not_bytes) {
    TestServer server(without_strength_check());
    // 7 code points but 14 bytes: too short
    check_refused(server, "u7@example.com", "unicode7", repeat("\xc3\xa4", 7), repeat("\xc3\xa4", 7), kShortPassword);
    // 129 code points: too long
    check_refused(server, "u129@example.com", "unicode129", repeat("\xc3\xa4", 129), repeat("\xc3\xa4", 129), kLongPassword);
    HttpClient client(server.base_url());
    // 8 code points (16 bytes) and 128 code points (384 bytes) are fine
    std::string eight = repeat("\xe2\x82\xac", 8);
    BOOST_TEST(post_registration(client, "u8@example.com", "unicode8", eight, eight).status == 302);
    std::string many = repeat("\xe2\x82\xac", 128);
    BOOST_TEST(post_registration(client, "u128@example.com", "unicode128", many, many).status == 302);
    BOOST_TEST(log_in(client, "u8@example.com", eight).header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_CASE(a_guessable_password_is_refused_as_too_easy_to_guess) {
    TestServer server;
    for (const std::string password : {"password123", "12345678", "qwertyuiop"}) {
        BOOST_TEST_CONTEXT("password '" << password << "'") {
            HttpClient client(server.base_url());
            auto response = post_registration(client, "guess@example.com", "guessable", password, password);
            BOOST_TEST(response.status == 422);
            BOOST_TEST(contains(response.body, "<div class=\"flash error\" role=\"status\">Password is too easy to guess:"));
            BOOST_TEST(input_value(response.body, "email") == "guess@example.com");
            BOOST_TEST(!contains(response.body, password), "the password was echoed");
        }
    }
    BOOST_TEST(user_count(server) == 0);
}

BOOST_AUTO_TEST_CASE(a_password_made_from_the_username_or_email_is_refused) {
    TestServer server;
    HttpClient client(server.base_url());
    auto from_username = post_registration(client, "someone@example.com", "zanzibarquokka", "zanzibarquokka1",
                                           "zanzibarquokka1");
    BOOST_TEST(from_username.status == 422);
    BOOST_TEST(contains(from_username.body, "Password is too easy to guess:"));
    auto from_email = post_registration(client, "marmaladeotter@example.com", "someone", "marmaladeotter@example.com",
                                        "marmaladeotter@example.com");
    BOOST_TEST(from_email.status == 422);
    BOOST_TEST(contains(from_email.body, "Password is too easy to guess:"));
    BOOST_TEST(user_count(server) == 0);
}

BOOST_AUTO_TEST_CASE(a_confirmation_that_differs_is_refused) {
    TestServer server;
    check_refused(server, "mismatch@example.com", "mismatch", "plum-kettle-orbit-93", "plum-kettle-orbit-93x", kMismatch);
}

BOOST_AUTO_TEST_CASE(submitted_values_are_html_escaped_when_the_form_is_shown_again) {
    TestServer server;
    HttpClient client(server.base_url());
    std::string email = "\"><script>alert(1)</script>";
    auto response = post_registration(client, email, "escaper", "plum-kettle-orbit-93", "plum-kettle-orbit-93");
    BOOST_TEST(response.status == 422);
    BOOST_TEST(!contains(response.body, "<script>alert(1)</script>"));
    BOOST_TEST(contains(response.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    BOOST_TEST(user_count(server) == 0);
}

BOOST_AUTO_TEST_CASE(a_logged_in_visitor_is_sent_from_register_to_the_dashboard) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("already"));
    auto response = client.get("/register");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_SUITE_END()
