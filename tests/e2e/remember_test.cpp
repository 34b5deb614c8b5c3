// remember_test.cpp -- "remember me": the cookie, its storage, restoring a session, rotation, theft.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kReauthenticate = "Please reauthenticate to access this page.";

// A client holding only the remember cookie `value` (as after closing the browser).
struct ReturningVisitor {
    explicit ReturningVisitor(const TestServer& server, const std::string& value) : client(server.base_url()) {
        client.cookies["remember_token"] = value;
    }
    HttpClient client;
};

std::string selector_of(const std::string& value) {
    return value.substr(0, value.find(':'));
}

std::string validator_of(const std::string& value) {
    auto colon = value.find(':');
    return colon == std::string::npos ? "" : value.substr(colon + 1);
}

long long remember_rows(const TestServer& server) {
    SqlitePeek db(server.database());
    return db.integer("SELECT count(*) FROM authgate_remember");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(remember_me)

BOOST_AUTO_TEST_CASE(remember_on_sets_a_selector_validator_cookie_for_14_days) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("rem");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    auto response = log_in(client, account.email, account.password, true);
    BOOST_TEST_REQUIRE(response.status == 302);
    SetCookie cookie = parse_set_cookie(response.set_cookie("remember_token"));
    BOOST_TEST(cookie.name == "remember_token");
    BOOST_TEST(cookie.attribute("max-age") == "1209600");
    BOOST_TEST(cookie.has("httponly"));
    BOOST_TEST(cookie.attribute("samesite") == "Lax");
    BOOST_TEST(cookie.attribute("path") == "/");
    BOOST_TEST(!cookie.has("domain"));
    BOOST_TEST(is_base64url(selector_of(cookie.value)), cookie.value);
    BOOST_TEST(is_base64url(validator_of(cookie.value)), cookie.value);
}

BOOST_AUTO_TEST_CASE(the_database_keeps_the_selector_and_only_the_sha256_of_the_validator) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("store");
    register_and_log_in(client, account, true);
    std::string value = client.cookies["remember_token"];
    SqlitePeek db(server.database());
    auto rows = db.rows("SELECT r.selector, r.validator_hash, r.expires_at, u.email FROM authgate_remember r "
                        "JOIN user u ON u.id = r.user_id");
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][0].value_or("") == selector_of(value));
    BOOST_TEST(rows[0][1].value_or("") == sha256_hex(validator_of(value)));
    BOOST_TEST(rows[0][3].value_or("") == account.email);
    long long expires = std::stoll(rows[0][2].value_or("0"));
    long long expected = unix_now() + 14 * 86400;
    BOOST_TEST(expires > expected - 120);
    BOOST_TEST(expires < expected + 120);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE instr(validator_hash, ?1) > 0 "
                          "OR instr(selector, ?1) > 0", {validator_of(value)}) == 0);
}

BOOST_AUTO_TEST_CASE(remember_days_sets_the_cookie_lifetime_and_the_expiry) {
    TestServer server(with_args({"--remember-days", "30"}));
    HttpClient client(server.base_url());
    Account account = unique_account("days");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    auto response = log_in(client, account.email, account.password, true);
    BOOST_TEST(parse_set_cookie(response.set_cookie("remember_token")).attribute("max-age") == "2592000");
    SqlitePeek db(server.database());
    long long expires = db.integer("SELECT expires_at FROM authgate_remember");
    BOOST_TEST(expires > unix_now() + 30 * 86400 - 120);
    BOOST_TEST(expires < unix_now() + 30 * 86400 + 120);
}

BOOST_AUTO_TEST_CASE(remember_days_outside_1_to_365_is_refused_at_start) {
    for (const std::string days : {"0", "366", "-1", "many"}) {
        BOOST_TEST_CONTEXT("--remember-days " << days) {
            BOOST_CHECK_THROW(TestServer(with_args({"--remember-days", days})), std::runtime_error);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_remember_cookie_alone_opens_a_new_session_and_rotates_the_validator) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("back");
    register_and_log_in(client, account, true);
    std::string old_value = client.cookies["remember_token"];
    std::string old_session = client.cookies["session"];

    ReturningVisitor visitor(server, old_value);
    auto dashboard = visitor.client.get("/dashboard");
    BOOST_TEST(dashboard.status == 200);
    BOOST_TEST(contains(dashboard.body, account.username));
    BOOST_TEST(visitor.client.cookies.count("session") == 1u);
    BOOST_TEST(visitor.client.cookies["session"] != old_session);
    SetCookie rotated = parse_set_cookie(dashboard.set_cookie("remember_token"));
    BOOST_TEST(rotated.name == "remember_token");
    BOOST_TEST(rotated.value != old_value);
    BOOST_TEST(rotated.attribute("max-age") == "1209600");
    BOOST_TEST(rotated.has("httponly"));
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE selector = ?1 AND validator_hash = ?2",
                          {selector_of(rotated.value), sha256_hex(validator_of(rotated.value))}) == 1);
    // the session it opened keeps working without the remember cookie
    HttpClient session_only(server.base_url());
    session_only.cookies["session"] = visitor.client.cookies["session"];
    BOOST_TEST(session_only.get("/profile").status == 200);
}

BOOST_AUTO_TEST_CASE(an_old_remember_value_no_longer_works_after_rotation) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("old"), true);
    std::string old_value = client.cookies["remember_token"];
    ReturningVisitor visitor(server, old_value);
    BOOST_TEST_REQUIRE(visitor.client.get("/dashboard").status == 200);
    BOOST_TEST_REQUIRE(visitor.client.cookies["remember_token"] != old_value);
    ReturningVisitor replay(server, old_value);
    auto response = replay.client.get("/dashboard");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login?next=%2Fdashboard");
}

BOOST_AUTO_TEST_CASE(the_rotated_remember_cookie_opens_a_session_again) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("again"), true);
    ReturningVisitor first(server, client.cookies["remember_token"]);
    BOOST_TEST_REQUIRE(first.client.get("/dashboard").status == 200);
    ReturningVisitor second(server, first.client.cookies["remember_token"]);
    BOOST_TEST(second.client.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(a_remember_cookie_next_to_an_invalid_session_cookie_still_opens_a_session) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("stale"), true);
    ReturningVisitor visitor(server, client.cookies["remember_token"]);
    visitor.client.cookies["session"] = "StaleOrForgedSessionValue_abcdefghij";
    BOOST_TEST(visitor.client.get("/dashboard").status == 200);
    BOOST_TEST(visitor.client.cookies["session"] != "StaleOrForgedSessionValue_abcdefghij");
}

BOOST_AUTO_TEST_CASE(a_known_selector_with_a_wrong_validator_deletes_every_remember_token_of_the_user) {
    TestServer server;
    Account account = unique_account("theft");
    Account bystander = unique_account("other");
    HttpClient laptop(server.base_url());
    register_and_log_in(laptop, account, true);
    HttpClient phone(server.base_url());
    BOOST_TEST_REQUIRE(log_in(phone, account.email, account.password, true).status == 302);
    HttpClient someone_else(server.base_url());
    register_and_log_in(someone_else, bystander, true);
    BOOST_TEST_REQUIRE(remember_rows(server) == 3);

    std::string forged = selector_of(laptop.cookies["remember_token"]) + ":" + "WrongValidatorWrongValidatorWrongValid";
    ReturningVisitor thief(server, forged);
    auto response = thief.client.get("/dashboard");
    BOOST_TEST(response.status == 302);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember r JOIN user u ON u.id = r.user_id WHERE u.email = ?1",
                          {account.email}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember r JOIN user u ON u.id = r.user_id WHERE u.email = ?1",
                          {bystander.email}) == 1);
    ReturningVisitor owner(server, phone.cookies["remember_token"]);
    BOOST_TEST(owner.client.get("/dashboard").status == 302);
    ReturningVisitor other(server, someone_else.cookies["remember_token"]);
    BOOST_TEST(other.client.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(an_unknown_or_malformed_remember_cookie_is_anonymous) {
    TestServer server;
    for (const std::string value : {"UnknownSelector:UnknownValidator", "no-colon-at-all", ":", ""}) {
        ReturningVisitor visitor(server, value);
        BOOST_TEST(visitor.client.get("/dashboard").status == 302, "value '" << value << "'");
    }
}

BOOST_AUTO_TEST_CASE(an_expired_remember_token_is_anonymous) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("expired"), true);
    {
        SqlitePeek db(server.database());
        BOOST_TEST_REQUIRE(db.execute("UPDATE authgate_remember SET expires_at = ?1", {std::to_string(unix_now() - 10)}) == 1);
    }
    ReturningVisitor visitor(server, client.cookies["remember_token"]);
    BOOST_TEST(visitor.client.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(logout_deletes_the_remember_token_of_that_client_only) {
    TestServer server;
    Account account = unique_account("devices");
    HttpClient laptop(server.base_url());
    register_and_log_in(laptop, account, true);
    HttpClient phone(server.base_url());
    BOOST_TEST_REQUIRE(log_in(phone, account.email, account.password, true).status == 302);
    std::string laptop_token = laptop.cookies["remember_token"];
    BOOST_TEST_REQUIRE(remember_rows(server) == 2);

    auto response = log_out(laptop);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(parse_set_cookie(response.set_cookie("remember_token")).attribute("max-age") == "0");
    BOOST_TEST(remember_rows(server) == 1);
    {
        SqlitePeek db(server.database());
        BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE selector = ?1", {selector_of(laptop_token)}) == 0);
    }
    ReturningVisitor stolen_laptop_cookie(server, laptop_token);
    BOOST_TEST(stolen_laptop_cookie.client.get("/dashboard").status == 302);
    ReturningVisitor phone_later(server, phone.cookies["remember_token"]);
    BOOST_TEST(phone_later.client.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(a_session_restored_from_the_remember_cookie_must_log_in_again_for_settings) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("stale");
    register_and_log_in(client, account, true);
    BOOST_TEST_REQUIRE(client.get("/settings").status == 200);

    ReturningVisitor visitor(server, client.cookies["remember_token"]);
    BOOST_TEST_REQUIRE(visitor.client.get("/dashboard").status == 200);
    auto settings = visitor.client.get("/settings");
    BOOST_TEST(settings.status == 302);
    BOOST_TEST(settings.header("Location") == "/login?next=%2Fsettings");
    auto login_page = visitor.client.get("/login?next=%2Fsettings");
    BOOST_TEST(login_page.status == 200, "a non-fresh visitor sees the login form");
    BOOST_TEST(count_of(login_page.body, flash_html("info", kReauthenticate)) == 1u);
    BOOST_TEST(visitor.client.get("/profile").status == 200, "still logged in");

    auto again = log_in(visitor.client, account.email, account.password, false, "?next=%2Fsettings");
    BOOST_TEST(again.status == 302);
    BOOST_TEST(again.header("Location") == "/settings");
    BOOST_TEST(visitor.client.get("/settings").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
