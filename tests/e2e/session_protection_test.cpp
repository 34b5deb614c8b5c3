// session_protection_test.cpp -- --session-protection basic|strong|off: a session used by another
// client (User-Agent or remote address) is marked non-fresh or ended.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/fcgi_client.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::vector<std::string> kLaptop = {"User-Agent: Laptop/1.0"};
const std::vector<std::string> kOther = {"User-Agent: Other/2.0"};

ServerOptions protection(const std::string& level) {
    return with_args({"--session-protection", level});
}

// GET `path` straight over FastCGI with the given remote address, user agent and cookies; returns
// the status line of the response ("Status: 302 ...").
std::string fcgi_status(const TestServer& server, const std::string& path, const std::string& remote_addr,
                        const std::string& user_agent, const std::string& cookie_header) {
    std::string response = FcgiClient::round_trip(server.socket_path(),
                                                  {{"REQUEST_METHOD", "GET"},
                                                   {"REQUEST_URI", path},
                                                   {"DOCUMENT_URI", path},
                                                   {"SCRIPT_NAME", path},
                                                   {"QUERY_STRING", ""},
                                                   {"SERVER_PROTOCOL", "HTTP/1.1"},
                                                   {"REMOTE_ADDR", remote_addr},
                                                   {"HTTP_HOST", "127.0.0.1"},
                                                   {"HTTP_USER_AGENT", user_agent},
                                                   {"HTTP_COOKIE", cookie_header}});
    return response.substr(0, response.find('\r'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_protection)

BOOST_AUTO_TEST_CASE(basic_a_new_user_agent_keeps_the_login_but_settings_asks_to_reauthenticate) {
    TestServer server;  // basic is the default
    HttpClient client(server.base_url());
    Account account = unique_account("basic");
    register_and_log_in(client, account, false, kLaptop);
    BOOST_TEST_REQUIRE(client.get("/settings", kLaptop).status == 200);

    BOOST_TEST(client.get("/dashboard", kOther).status == 200, "still logged in");
    auto settings = client.get("/settings", kOther);
    BOOST_TEST(settings.status == 302);
    BOOST_TEST(settings.header("Location") == "/login?next=%2Fsettings");
    auto login_page = client.get("/login?next=%2Fsettings", kOther);
    BOOST_TEST(login_page.status == 200, "a non-fresh visitor sees the login form");
    BOOST_TEST(contains(login_page.body, flash_html("info", "Please reauthenticate to access this page.")));

    auto again = log_in(client, account.email, account.password, false, "?next=%2Fsettings", kOther);
    BOOST_TEST(again.status == 302);
    BOOST_TEST(again.header("Location") == "/settings");
    BOOST_TEST(client.get("/settings", kOther).status == 200);
}

BOOST_AUTO_TEST_CASE(basic_a_different_remote_address_marks_the_session_non_fresh) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("addr"), false, kLaptop);
    std::string cookie = "session=" + client.cookies["session"];
    BOOST_TEST(fcgi_status(server, "/settings", "127.0.0.1", "Laptop/1.0", cookie).rfind("Status: 200", 0) == 0u);
    BOOST_TEST(fcgi_status(server, "/dashboard", "198.51.100.7", "Laptop/1.0", cookie).rfind("Status: 200", 0) == 0u);
    BOOST_TEST(fcgi_status(server, "/settings", "198.51.100.7", "Laptop/1.0", cookie).rfind("Status: 302", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(strong_a_new_user_agent_ends_the_session_and_the_remember_token) {
    TestServer server(protection("strong"));
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("strong"), true, kLaptop);
    BOOST_TEST_REQUIRE(client.get("/dashboard", kLaptop).status == 200);
    auto saved = client.cookies;

    auto response = client.get("/dashboard", kOther);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login?next=%2Fdashboard");
    BOOST_TEST(parse_set_cookie(response.set_cookie("remember_token")).attribute("max-age") == "0");
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember") == 0);

    HttpClient original(server.base_url());
    original.cookies = saved;
    BOOST_TEST(original.get("/dashboard", kLaptop).status == 302, "the session ended on the server");
}

BOOST_AUTO_TEST_CASE(strong_a_different_remote_address_ends_the_session) {
    TestServer server(protection("strong"));
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("straddr"), false, kLaptop);
    std::string cookie = "session=" + client.cookies["session"];
    BOOST_TEST(fcgi_status(server, "/dashboard", "127.0.0.1", "Laptop/1.0", cookie).rfind("Status: 200", 0) == 0u);
    BOOST_TEST(fcgi_status(server, "/dashboard", "203.0.113.5", "Laptop/1.0", cookie).rfind("Status: 302", 0) == 0u);
    BOOST_TEST(client.get("/dashboard", kLaptop).status == 302);
}

BOOST_AUTO_TEST_CASE(strong_x_forwarded_for_is_ignored) {
    TestServer server(protection("strong"));
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("xff"), false, kLaptop);
    std::vector<std::string> forwarded = kLaptop;
    forwarded.push_back("X-Forwarded-For: 203.0.113.9");
    BOOST_TEST(client.get("/dashboard", forwarded).status == 200);
    BOOST_TEST(client.get("/settings", forwarded).status == 200, "still fresh");
    BOOST_TEST(client.get("/settings", kLaptop).status == 200);
}

BOOST_AUTO_TEST_CASE(strong_a_session_restored_from_the_remember_cookie_keeps_the_identifier) {
    TestServer server(protection("strong"));
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("restore"), true, kLaptop);
    HttpClient returning(server.base_url());
    returning.cookies["remember_token"] = client.cookies["remember_token"];
    BOOST_TEST_REQUIRE(returning.get("/dashboard", kLaptop).status == 200);
    BOOST_TEST_REQUIRE(returning.cookies.count("session") == 1u);
    // the next requests from the same client are not logged out
    BOOST_TEST(returning.get("/dashboard", kLaptop).status == 200);
    BOOST_TEST(returning.get("/profile", kLaptop).status == 200);
    // and the identifier it stored is enforced
    BOOST_TEST(returning.get("/dashboard", kOther).status == 302);
}

BOOST_AUTO_TEST_CASE(off_a_new_user_agent_changes_nothing) {
    TestServer server(protection("off"));
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("off"), false, kLaptop);
    BOOST_TEST(client.get("/dashboard", kOther).status == 200);
    BOOST_TEST(client.get("/settings", kOther).status == 200);
    std::string cookie = "session=" + client.cookies["session"];
    BOOST_TEST(fcgi_status(server, "/settings", "203.0.113.5", "Third/3.0", cookie).rfind("Status: 200", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(an_unknown_protection_level_is_refused_at_start) {
    BOOST_CHECK_THROW(TestServer(protection("paranoid")), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
