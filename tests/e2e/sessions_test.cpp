// sessions_test.cpp -- the session cookie: attributes, storage, fixation, logout, expiry, HTTPS names.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

// Registers an account and logs it in; returns the login response.
HttpResponse register_then_log_in(HttpClient& client, bool remember = false) {
    Account account = unique_account("sess");
    auto registered = register_account(client, account);
    BOOST_TEST_REQUIRE(registered.status == 302);
    auto response = log_in(client, account.email, account.password, remember);
    BOOST_TEST_REQUIRE(response.status == 302);
    BOOST_TEST_REQUIRE(response.header("Location") == "/dashboard");
    return response;
}

// Every value of every column of authgate_session that contains `text`.
long long session_cells_containing(TestServer& server, const std::string& text) {
    SqlitePeek db(server.database());
    long long found = 0;
    for (const auto& column : db.columns("authgate_session"))
        found += db.integer("SELECT count(*) FROM authgate_session WHERE instr(CAST(\"" + column + "\" AS TEXT), ?1) > 0",
                            {text});
    return found;
}

// The cookies of a secure site: __Host- names, Secure, Path=/, no Domain.
void check_secure_cookies(TestServer& server) {
    CookieNames names = cookie_names(true);
    HttpClient client(server.base_url());
    auto login_page = client.get("/login");
    SetCookie nonce = parse_set_cookie(login_page.set_cookie(names.csrf));
    BOOST_TEST(nonce.name == names.csrf);
    BOOST_TEST(nonce.has("secure"));
    BOOST_TEST(nonce.has("httponly"));
    BOOST_TEST(nonce.attribute("path") == "/");
    BOOST_TEST(!nonce.has("domain"));
    BOOST_TEST(login_page.set_cookie("csrf_nonce").empty());

    Account account = unique_account("secure");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    auto response = log_in(client, account.email, account.password, true);
    BOOST_TEST_REQUIRE(response.status == 302);
    SetCookie session = parse_set_cookie(response.set_cookie(names.session));
    BOOST_TEST(session.name == names.session);
    BOOST_TEST(session.value.size() >= 22u);
    BOOST_TEST(session.has("secure"));
    BOOST_TEST(session.has("httponly"));
    BOOST_TEST(session.attribute("samesite") == "Lax");
    BOOST_TEST(session.attribute("path") == "/");
    BOOST_TEST(!session.has("domain"));
    BOOST_TEST(!session.has("max-age"));
    BOOST_TEST(response.set_cookie("session").empty());
    SetCookie remember = parse_set_cookie(response.set_cookie(names.remember));
    BOOST_TEST(remember.name == names.remember);
    BOOST_TEST(remember.has("secure"));
    BOOST_TEST(remember.has("httponly"));
    BOOST_TEST(remember.attribute("path") == "/");
    BOOST_TEST(!remember.has("domain"));
    BOOST_TEST(remember.attribute("max-age") == "1209600");
    BOOST_TEST(response.set_cookie("remember_token").empty());
    BOOST_TEST(client.get("/dashboard").status == 200);

    HttpClient restored(server.base_url());
    restored.cookies[names.remember] = client.cookies[names.remember];
    BOOST_TEST(restored.get("/dashboard").status == 200);
    BOOST_TEST(restored.cookies.count(names.session) == 1u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sessions)

BOOST_AUTO_TEST_CASE(the_session_cookie_is_a_browser_session_cookie_with_httponly_and_samesite_lax) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = register_then_log_in(client);
    SetCookie cookie = parse_set_cookie(response.set_cookie("session"));
    BOOST_TEST(cookie.name == "session");
    BOOST_TEST(cookie.value.size() >= 22u);
    BOOST_TEST(is_base64url(cookie.value), cookie.value);
    BOOST_TEST(cookie.attribute("path") == "/");
    BOOST_TEST(cookie.has("httponly"));
    BOOST_TEST(cookie.attribute("samesite") == "Lax");
    BOOST_TEST(!cookie.has("domain"));
    BOOST_TEST(!cookie.has("max-age"));
    BOOST_TEST(!cookie.has("expires"));
    BOOST_TEST(!cookie.has("secure"), "plain HTTP with --cookie-secure auto");
}

BOOST_AUTO_TEST_CASE(the_database_keeps_only_the_sha256_of_the_session_token) {
    TestServer server;
    HttpClient client(server.base_url());
    register_then_log_in(client);
    std::string token = client.cookies["session"];
    BOOST_TEST_REQUIRE(!token.empty());
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session WHERE token_hash = ?1", {sha256_hex(token)}) == 1);
    BOOST_TEST(session_cells_containing(server, token) == 0);
}

BOOST_AUTO_TEST_CASE(a_session_token_from_before_login_is_never_the_token_after) {
    TestServer server;
    Account account = unique_account("fix");
    HttpClient client(server.base_url());
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    client.get("/dashboard");  // may open an anonymous session for the flash message
    client.get("/login");
    std::string before = client.cookies.count("session") ? client.cookies["session"] : "";
    if (before.empty()) {
        before = "AttackerChosenSessionValue_0123456789";
        client.cookies["session"] = before;
    }
    auto response = log_in(client, account.email, account.password);
    BOOST_TEST_REQUIRE(response.status == 302);
    SetCookie after = parse_set_cookie(response.set_cookie("session"));
    BOOST_TEST(after.name == "session");
    BOOST_TEST(!after.value.empty());
    BOOST_TEST(after.value != before);
    BOOST_TEST(client.get("/dashboard").status == 200);
    HttpClient attacker(server.base_url());
    attacker.cookies["session"] = before;
    BOOST_TEST(attacker.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(each_login_gets_a_new_random_token) {
    TestServer server;
    Account account = unique_account("twice");
    HttpClient first(server.base_url());
    BOOST_TEST_REQUIRE(register_account(first, account).status == 302);
    BOOST_TEST_REQUIRE(log_in(first, account.email, account.password).status == 302);
    HttpClient second(server.base_url());
    BOOST_TEST_REQUIRE(log_in(second, account.email, account.password).status == 302);
    BOOST_TEST(first.cookies["session"] != second.cookies["session"]);
    BOOST_TEST(log_out(first).status == 302);
    BOOST_TEST_REQUIRE(log_in(first, account.email, account.password).status == 302);
    BOOST_TEST(first.cookies["session"] != second.cookies["session"]);
    BOOST_TEST(first.get("/dashboard").status == 200);
    BOOST_TEST(second.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(a_replayed_session_cookie_after_logout_is_anonymous) {
    TestServer server;
    HttpClient client(server.base_url());
    register_then_log_in(client);
    std::string token = client.cookies["session"];
    BOOST_TEST_REQUIRE(client.get("/dashboard").status == 200);
    BOOST_TEST_REQUIRE(log_out(client).status == 302);
    HttpClient replay(server.base_url());
    replay.cookies["session"] = token;
    for (const std::string path : {"/dashboard", "/profile", "/settings"}) {
        auto response = replay.get(path);
        BOOST_TEST(response.status == 302, path);
        BOOST_TEST(response.header("Location").rfind("/login?next=", 0) == 0u);
    }
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session WHERE token_hash = ?1", {sha256_hex(token)}) == 0);
}

BOOST_AUTO_TEST_CASE(a_made_up_session_cookie_is_anonymous) {
    TestServer server;
    HttpClient client(server.base_url());
    client.cookies["session"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    BOOST_TEST(client.get("/dashboard").status == 302);
    client.cookies["session"] = "not base64 at all!";
    BOOST_TEST(client.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(a_session_idle_longer_than_session_idle_minutes_is_anonymous) {
    TestServer server(with_args({"--session-idle-minutes", "1"}));
    HttpClient client(server.base_url());
    register_then_log_in(client);
    std::string hash = sha256_hex(client.cookies["session"]);
    SqlitePeek db(server.database());
    BOOST_TEST_REQUIRE(db.execute("UPDATE authgate_session SET last_seen_at = ?1 WHERE token_hash = ?2",
                                  {std::to_string(unix_now() - 30), hash}) == 1);
    BOOST_TEST(client.get("/dashboard").status == 200, "30 s idle is within the minute");
    BOOST_TEST_REQUIRE(db.execute("UPDATE authgate_session SET last_seen_at = ?1 WHERE token_hash = ?2",
                                  {std::to_string(unix_now() - 90), hash}) == 1);
    auto response = client.get("/dashboard");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login?next=%2Fdashboard");
}

BOOST_AUTO_TEST_CASE(a_session_older_than_session_absolute_hours_is_anonymous_even_when_active) {
    TestServer server(with_args({"--session-absolute-hours", "1"}));
    HttpClient client(server.base_url());
    register_then_log_in(client);
    std::string hash = sha256_hex(client.cookies["session"]);
    SqlitePeek db(server.database());
    BOOST_TEST_REQUIRE(db.execute("UPDATE authgate_session SET created_at = ?1, last_seen_at = ?2 WHERE token_hash = ?3",
                                  {std::to_string(unix_now() - 3000), std::to_string(unix_now()), hash}) == 1);
    BOOST_TEST(client.get("/dashboard").status == 200, "50 minutes old is within the hour");
    BOOST_TEST_REQUIRE(db.execute("UPDATE authgate_session SET created_at = ?1, last_seen_at = ?2 WHERE token_hash = ?3",
                                  {std::to_string(unix_now() - 3700), std::to_string(unix_now()), hash}) == 1);
    BOOST_TEST(client.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(the_default_idle_limit_is_an_hour) {
    TestServer server;
    HttpClient client(server.base_url());
    register_then_log_in(client);
    std::string hash = sha256_hex(client.cookies["session"]);
    SqlitePeek db(server.database());
    db.execute("UPDATE authgate_session SET last_seen_at = ?1 WHERE token_hash = ?2",
               {std::to_string(unix_now() - 50 * 60), hash});
    BOOST_TEST(client.get("/dashboard").status == 200);
    db.execute("UPDATE authgate_session SET last_seen_at = ?1 WHERE token_hash = ?2",
               {std::to_string(unix_now() - 61 * 60), hash});
    BOOST_TEST(client.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(over_https_the_cookies_get_host_prefixed_names_and_secure) {
    ServerOptions options;
    options.nginx_extra_fastcgi = "fastcgi_param HTTPS on;";
    TestServer server(options);
    check_secure_cookies(server);
}

BOOST_AUTO_TEST_CASE(cookie_secure_always_gives_host_prefixed_secure_cookies_over_plain_http) {
    TestServer server(with_args({"--cookie-secure", "always"}));
    check_secure_cookies(server);
}

BOOST_AUTO_TEST_SUITE_END()
