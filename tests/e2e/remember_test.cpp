// remember_test.cpp -- "remember me": the cookie, its storage, restoring a session, rotation, the
// grace window for tabs, theft, and a lifetime that rotation never extends.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/parallel.h"
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
    long long max_age = std::stoll(rotated.attribute("max-age").empty() ? "0" : rotated.attribute("max-age"));
    BOOST_TEST(max_age <= 1209600, "counts down to the chain's end");
    BOOST_TEST(max_age > 1209600 - 120);
    BOOST_TEST(rotated.has("httponly"));
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE selector = ?1 AND validator_hash = ?2",
                          {selector_of(rotated.value), sha256_hex(validator_of(rotated.value))}) == 1);
    // the session it opened keeps working without the remember cookie
    HttpClient session_only(server.base_url());
    session_only.cookies["session"] = visitor.client.cookies["session"];
    BOOST_TEST(session_only.get("/profile").status == 200);
}

BOOST_AUTO_TEST_CASE(an_old_remember_value_within_the_grace_window_opens_a_session_without_alarm) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("old"), true);
    std::string old_value = client.cookies["remember_token"];
    ReturningVisitor visitor(server, old_value);
    BOOST_TEST_REQUIRE(visitor.client.get("/dashboard").status == 200);
    BOOST_TEST_REQUIRE(visitor.client.cookies["remember_token"] != old_value);
    // A second tab of the same browser sent the value the first tab's answer just replaced.
    ReturningVisitor other_tab(server, old_value);
    auto response = other_tab.client.get("/dashboard");
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.set_cookie("remember_token").empty(), "the browser already holds the new value");
    BOOST_TEST(!contains(server.authgate_log(), "remember_token_theft"));
    BOOST_TEST(remember_rows(server) == 1);
    ReturningVisitor current(server, visitor.client.cookies["remember_token"]);
    BOOST_TEST(current.client.get("/dashboard").status == 200, "the chain goes on");
}

BOOST_AUTO_TEST_CASE(an_old_remember_value_after_the_grace_window_is_theft_that_ends_the_chain_and_its_sessions) {
    TestServer server;
    Account account = unique_account("late");
    HttpClient laptop(server.base_url());
    register_and_log_in(laptop, account, true);
    HttpClient phone(server.base_url());
    BOOST_TEST_REQUIRE(log_in(phone, account.email, account.password, true).status == 302);
    std::string old_value = laptop.cookies["remember_token"];

    ReturningVisitor owner(server, old_value);
    BOOST_TEST_REQUIRE(owner.client.get("/dashboard").status == 200);
    ReturningVisitor thief(server, old_value);
    BOOST_TEST_REQUIRE(thief.client.get("/dashboard").status == 200);  // within the grace window
    BOOST_TEST_REQUIRE(thief.client.cookies.count("session") == 1u);
    {
        SqlitePeek db(server.database());
        BOOST_TEST_REQUIRE(db.execute("UPDATE authgate_remember SET rotated_at = rotated_at - 60 WHERE selector = ?1",
                                      {selector_of(old_value)}) == 1);
    }
    ReturningVisitor replay(server, old_value);
    auto response = replay.client.get("/dashboard");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login?next=%2Fdashboard");
    BOOST_TEST(contains(server.authgate_log(), "event=remember_token_theft"));
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE selector = ?1", {selector_of(old_value)}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session WHERE remember_selector = ?1",
                          {selector_of(old_value)}) == 0);
    // The sessions opened from the chain ended, the thief's too; the owner's other devices go on.
    HttpClient owner_session(server.base_url());
    owner_session.cookies["session"] = owner.client.cookies["session"];
    BOOST_TEST(owner_session.get("/dashboard").status == 302);
    HttpClient thief_session(server.base_url());
    thief_session.cookies["session"] = thief.client.cookies["session"];
    BOOST_TEST(thief_session.get("/dashboard").status == 302);
    ReturningVisitor owner_current(server, owner.client.cookies["remember_token"]);
    BOOST_TEST(owner_current.client.get("/dashboard").status == 302, "the whole chain is gone");
    BOOST_TEST(laptop.get("/dashboard").status == 200, "the password login's session was not from the chain");
    ReturningVisitor phone_later(server, phone.cookies["remember_token"]);
    BOOST_TEST(phone_later.client.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(two_requests_with_one_remember_cookie_at_the_same_moment_both_open_a_session) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("tabs"), true);
    std::string value = client.cookies["remember_token"];
    ReturningVisitor first(server, value), second(server, value);
    std::vector<HttpResponse> answers(2);
    auto errors = run_at_once(2, [&](int i) { answers[i] = (i ? second : first).client.get("/dashboard"); });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    BOOST_TEST(answers[0].status == 200);
    BOOST_TEST(answers[1].status == 200);
    int rotated = !answers[0].set_cookie("remember_token").empty() + !answers[1].set_cookie("remember_token").empty();
    BOOST_TEST(rotated == 1, "one of them rotated the validator, the other was let in by the grace window");
    BOOST_TEST(!contains(server.authgate_log(), "remember_token_theft"));
    BOOST_TEST(remember_rows(server) == 1, "the chain was not revoked");
    const auto& winner = answers[0].set_cookie("remember_token").empty() ? second : first;
    ReturningVisitor later(server, winner.client.cookies.at("remember_token"));
    BOOST_TEST(later.client.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(rotation_never_extends_the_chains_lifetime) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("life"), true);
    long long expires_at = 0;
    {
        // The password login was 5000 s ago.
        SqlitePeek db(server.database());
        BOOST_TEST_REQUIRE(db.execute("UPDATE authgate_remember SET created_at = created_at - 5000, "
                                      "expires_at = expires_at - 5000") == 1);
        expires_at = db.integer("SELECT expires_at FROM authgate_remember");
    }
    std::string value = client.cookies["remember_token"];
    long long previous_max_age = 1209600;
    for (int use = 0; use < 3; ++use) {
        BOOST_TEST_CONTEXT("use " << use) {
            long long before = unix_now();
            ReturningVisitor visitor(server, value);
            auto response = visitor.client.get("/dashboard");
            BOOST_TEST_REQUIRE(response.status == 200);
            SetCookie rotated = parse_set_cookie(response.set_cookie("remember_token"));
            BOOST_TEST_REQUIRE(!rotated.attribute("max-age").empty());
            long long max_age = std::stoll(rotated.attribute("max-age"));
            BOOST_TEST(max_age <= expires_at - before, "counts down to the end fixed at the password login");
            BOOST_TEST(max_age <= previous_max_age);
            BOOST_TEST(max_age > 0);
            SqlitePeek db(server.database());
            BOOST_TEST(db.integer("SELECT expires_at FROM authgate_remember") == expires_at);
            previous_max_age = max_age;
            value = rotated.value;
        }
    }
}

BOOST_AUTO_TEST_CASE(a_login_in_a_browser_holding_a_remember_cookie_ends_that_chain) {
    TestServer server;
    Account account = unique_account("relog");
    HttpClient client(server.base_url());
    register_and_log_in(client, account, true);
    std::string original = client.cookies["remember_token"];
    HttpClient phone(server.base_url());
    BOOST_TEST_REQUIRE(log_in(phone, account.email, account.password, true).status == 302);

    // The browser comes back (its session ended), is let in by the cookie, and logs in with the password.
    ReturningVisitor browser(server, original);
    auto again = log_in(browser.client, account.email, account.password, false);
    BOOST_TEST_REQUIRE(again.status == 302);
    BOOST_TEST(parse_set_cookie(again.set_cookie("remember_token")).attribute("max-age") == "0");
    BOOST_TEST(browser.client.get("/dashboard").status == 200);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE selector = ?1", {selector_of(original)}) == 0);
    ReturningVisitor replay(server, original);
    BOOST_TEST(replay.client.get("/dashboard").status == 302, "the old cookie value opens nothing");
    BOOST_TEST(!contains(server.authgate_log(), "remember_token_theft"));
    ReturningVisitor phone_later(server, phone.cookies["remember_token"]);
    BOOST_TEST(phone_later.client.get("/dashboard").status == 200, "other devices keep their chains");
}

BOOST_AUTO_TEST_CASE(remember_grace_seconds_outside_0_to_60_is_refused_at_start) {
    for (const std::string seconds : {"-1", "61", "1000", "soon"}) {
        BOOST_TEST_CONTEXT("--remember-grace-seconds " << seconds) {
            BOOST_CHECK_THROW(TestServer(with_args({"--remember-grace-seconds", seconds})), std::runtime_error);
        }
    }
    for (const std::string seconds : {"0", "60"}) {
        BOOST_TEST_CONTEXT("--remember-grace-seconds " << seconds) {
            BOOST_CHECK_NO_THROW(TestServer(with_args({"--remember-grace-seconds", seconds})));
        }
    }
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

BOOST_AUTO_TEST_CASE(a_known_selector_with_a_wrong_validator_ends_that_chain_and_its_sessions_only) {
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
    ReturningVisitor restored(server, laptop.cookies["remember_token"]);
    BOOST_TEST_REQUIRE(restored.client.get("/dashboard").status == 200);

    std::string forged = selector_of(laptop.cookies["remember_token"]) + ":" + "WrongValidatorWrongValidatorWrongValid";
    ReturningVisitor thief(server, forged);
    auto response = thief.client.get("/dashboard");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(contains(server.authgate_log(), "event=remember_token_theft"));
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE selector = ?1",
                          {selector_of(laptop.cookies["remember_token"])}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember r JOIN user u ON u.id = r.user_id WHERE u.email = ?1",
                          {account.email}) == 1, "the phone's chain stays");
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember r JOIN user u ON u.id = r.user_id WHERE u.email = ?1",
                          {bystander.email}) == 1);
    HttpClient restored_session(server.base_url());
    restored_session.cookies["session"] = restored.client.cookies["session"];
    BOOST_TEST(restored_session.get("/dashboard").status == 302, "the session opened from the chain ended");
    ReturningVisitor owner(server, phone.cookies["remember_token"]);
    BOOST_TEST(owner.client.get("/dashboard").status == 200);
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
