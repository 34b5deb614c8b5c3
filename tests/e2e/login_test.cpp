// login_test.cpp -- GET and POST /login: the form, success, uniform failures, hash upgrades.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kInvalid = "Invalid email or password";

// Made with werkzeug 2.2 (generate_password_hash) and hashlib.scrypt.
const std::string kOldIterationsPassword = "Old-iterations-1";
const std::string kOldIterationsHash =
    "pbkdf2:sha256:260000$sgOwdk9PxrF96Flu$d0d3525612a8321d822fc61241db538d29dad771959fd683654830550247824a";
const std::string kFactsPassword = "Tr0ub4dor&3";
const std::string kFactsHash =
    "pbkdf2:sha256:260000$rXBqODeicu1bpyTk$415c8dd5f6b6e24d8077c8f2da330ab20226f21feae7ee632ad26046f707628a";
const std::string kLegacyPassword = "Legacy-pass-1";
const std::string kLegacyHash = "sha256$PTv2TvmJ6QvK3vwk$42e9a6ca6a97ff77abe629b20cb4d37514cb82f2dc5a4657818ef6908e3477e6";
const std::string kScryptPassword = "Scrypt-pass-1";
const std::string kScryptHash =
    "scrypt:32768:8:1$Sc7ypTsAltAbCdEf$b67bffe4b606283e8a18bc348b95b5d7ed848ac49e27956921834dce702bdbdd7fde895b4ed89837"
    "80022730908e97f6f7d25bf5b7b8dd222a9582145865e616";

void insert_user(const TestServer& server, const std::string& email, const std::string& username,
                 const std::string& hash) {
    SqlitePeek db(server.database());
    db.execute("INSERT INTO user (email, username, password_hash) VALUES (?1, ?2, ?3)", {email, username, hash});
}

std::string stored_hash(const TestServer& server, const std::string& email) {
    SqlitePeek db(server.database());
    return db.scalar("SELECT password_hash FROM user WHERE email = ?1", {email});
}

bool logged_in(HttpClient& client) {
    return client.get("/dashboard").status == 200;
}

// The page with the csrf token and the submitted email replaced by placeholders.
std::string normalized(const HttpResponse& response, const std::string& email) {
    std::string body = response.body;
    std::string token = input_value(body, "csrf_token");
    body = replace_all_of(body, token, "TOKEN");
    return replace_all_of(body, email, "EMAIL");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(login_flow)

BOOST_AUTO_TEST_CASE(the_login_page_shows_email_password_remember_and_csrf_fields) {
    TestServer server;
    HttpClient client(server.base_url());
    auto page = client.get("/login");
    BOOST_TEST(page.status == 200);
    for (const std::string field : {"email", "password", "remember", "csrf_token"})
        BOOST_TEST(contains(page.body, "name=\"" + field + "\""), "missing field " << field);
    BOOST_TEST(contains(page.body, "type=\"checkbox\""));
    BOOST_TEST(input_value(page.body, "remember") == "on");
    BOOST_TEST(!input_value(page.body, "csrf_token").empty());
    BOOST_TEST(contains(page.body, "action=\"/login\""));
}

BOOST_AUTO_TEST_CASE(the_login_form_action_keeps_the_query_string) {
    TestServer server;
    HttpClient client(server.base_url());
    auto page = client.get("/login?next=%2Fprofile");
    BOOST_TEST(page.status == 200);
    BOOST_TEST(contains(page.body, "action=\"/login?next=%2Fprofile\""));
}

BOOST_AUTO_TEST_CASE(the_right_password_redirects_to_the_dashboard_with_a_session_cookie) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("login");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    auto response = log_in(client, account.email, account.password);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard");
    BOOST_TEST(!response.set_cookie("session").empty());
    BOOST_TEST(response.set_cookie("remember_token").empty(), "remember was not asked for");
    BOOST_TEST(client.cookies.count("remember_token") == 0u);
    auto dashboard = client.get("/dashboard");
    BOOST_TEST(dashboard.status == 200);
    BOOST_TEST(contains(dashboard.body, account.username));
}

BOOST_AUTO_TEST_CASE(wrong_password_unknown_email_and_inactive_account_get_the_same_422_page) {
    TestServer server;
    Account active = unique_account("active");
    Account inactive = unique_account("inactive");
    {
        HttpClient setup(server.base_url());
        BOOST_TEST_REQUIRE(register_account(setup, active).status == 302);
        BOOST_TEST_REQUIRE(register_account(setup, inactive).status == 302);
        SqlitePeek db(server.database());
        BOOST_TEST_REQUIRE(db.execute("UPDATE user SET active = 0 WHERE email = ?1", {inactive.email}) == 1);
    }
    HttpClient wrong_password(server.base_url());
    HttpClient unknown_email(server.base_url());
    HttpClient disabled(server.base_url());
    auto a = log_in(wrong_password, active.email, active.password + "x");
    auto b = log_in(unknown_email, "nobody@example.com", active.password);
    auto c = log_in(disabled, inactive.email, inactive.password);
    for (const auto* response : {&a, &b, &c}) {
        BOOST_TEST(response->status == 422);
        BOOST_TEST(contains(response->body, flash_html("error", kInvalid)));
    }
    BOOST_TEST(normalized(a, active.email) == normalized(b, "nobody@example.com"));
    BOOST_TEST(normalized(a, active.email) == normalized(c, inactive.email));
    BOOST_TEST(!logged_in(wrong_password));
    BOOST_TEST(!logged_in(unknown_email));
    BOOST_TEST(!logged_in(disabled));
    BOOST_TEST(!contains(a.body, active.password + "x"), "the password was echoed");
}

BOOST_AUTO_TEST_CASE(an_inactive_account_with_the_right_password_stays_anonymous) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("off");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    {
        SqlitePeek db(server.database());
        db.execute("UPDATE user SET active = 0 WHERE email = ?1", {account.email});
    }
    BOOST_TEST(log_in(client, account.email, account.password).status == 422);
    BOOST_TEST(client.get("/dashboard").status == 302);
    {
        SqlitePeek db(server.database());
        db.execute("UPDATE user SET active = 1 WHERE email = ?1", {account.email});
    }
    BOOST_TEST(log_in(client, account.email, account.password).status == 302);
    BOOST_TEST(logged_in(client));
}

BOOST_AUTO_TEST_CASE(a_password_in_the_query_string_does_not_log_in) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("query");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    std::string query = "?email=" + percent_encode(account.email) + "&password=" + percent_encode(account.password);
    std::string token = csrf_token_of(client, "/login");
    auto only_query = client.post("/login" + query, {{"csrf_token", token}});
    BOOST_TEST(only_query.status == 422);
    auto password_in_query = client.post("/login?password=" + percent_encode(account.password),
                                         {{"email", account.email}, {"csrf_token", token}});
    BOOST_TEST(password_in_query.status == 422);
    BOOST_TEST(!logged_in(client));
}

BOOST_AUTO_TEST_CASE(a_fresh_logged_in_visitor_is_sent_from_login_to_the_dashboard) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("fresh"));
    auto response = client.get("/login");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_CASE(a_pbkdf2_260000_hash_logs_in_and_is_rewritten_with_600000_iterations) {
    TestServer server;
    insert_user(server, "old@example.com", "old", kOldIterationsHash);
    insert_user(server, "facts@example.com", "facts", kFactsHash);
    HttpClient client(server.base_url());
    auto response = log_in(client, "old@example.com", kOldIterationsPassword);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard");
    std::string upgraded = stored_hash(server, "old@example.com");
    BOOST_TEST(upgraded.rfind("pbkdf2:sha256:600000$", 0) == 0u, upgraded);
    HttpClient again(server.base_url());
    BOOST_TEST(log_in(again, "old@example.com", kOldIterationsPassword).header("Location") == "/dashboard");
    HttpClient facts(server.base_url());
    BOOST_TEST(log_in(facts, "facts@example.com", kFactsPassword).header("Location") == "/dashboard");
    BOOST_TEST(stored_hash(server, "facts@example.com").rfind("pbkdf2:sha256:600000$", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(a_legacy_sha256_hash_logs_in_and_is_rewritten_with_the_policy) {
    TestServer server;
    insert_user(server, "legacy@example.com", "legacy", kLegacyHash);
    HttpClient client(server.base_url());
    auto response = log_in(client, "legacy@example.com", kLegacyPassword);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard");
    std::string upgraded = stored_hash(server, "legacy@example.com");
    BOOST_TEST(upgraded.rfind("pbkdf2:sha256:600000$", 0) == 0u, upgraded);
    HttpClient again(server.base_url());
    BOOST_TEST(log_in(again, "legacy@example.com", kLegacyPassword).header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_CASE(a_wrong_password_leaves_an_old_hash_as_it_was) {
    TestServer server;
    insert_user(server, "old@example.com", "old", kOldIterationsHash);
    insert_user(server, "legacy@example.com", "legacy", kLegacyHash);
    HttpClient client(server.base_url());
    BOOST_TEST(log_in(client, "old@example.com", kLegacyPassword).status == 422);
    BOOST_TEST(log_in(client, "legacy@example.com", kOldIterationsPassword).status == 422);
    BOOST_TEST(stored_hash(server, "old@example.com") == kOldIterationsHash);
    BOOST_TEST(stored_hash(server, "legacy@example.com") == kLegacyHash);
}

BOOST_AUTO_TEST_CASE(a_werkzeug_scrypt_hash_logs_in) {
    TestServer server;
    insert_user(server, "scrypt@example.com", "scrypt", kScryptHash);
    HttpClient client(server.base_url());
    BOOST_TEST(log_in(client, "scrypt@example.com", kScryptPassword + "!").status == 422);
    auto response = log_in(client, "scrypt@example.com", kScryptPassword);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard");
    BOOST_TEST(logged_in(client));
}

BOOST_AUTO_TEST_SUITE_END()
