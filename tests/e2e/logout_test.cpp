// logout_test.cpp -- GET /logout (a confirmation form) and POST /logout (ends the session).
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

BOOST_AUTO_TEST_SUITE(logout_flow)

BOOST_AUTO_TEST_CASE(get_logout_shows_a_post_form_to_anonymous_visitors_too) {
    TestServer server;
    HttpClient client(server.base_url());
    auto page = client.get("/logout");
    BOOST_TEST(page.status == 200);
    BOOST_TEST(contains(page.body, "action=\"/logout\""));
    BOOST_TEST(contains(page.body, "method=\"post\""));
    BOOST_TEST(!input_value(page.body, "csrf_token").empty());
}

BOOST_AUTO_TEST_CASE(get_logout_does_not_log_out) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("getout"));
    auto page = client.get("/logout");
    BOOST_TEST(page.status == 200);
    BOOST_TEST(contains(page.body, "action=\"/logout\""));
    BOOST_TEST(client.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(post_logout_redirects_to_login_with_an_info_flash_and_ends_the_session) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("bye");
    register_and_log_in(client, account);
    BOOST_TEST_REQUIRE(client.get("/dashboard").status == 200);
    auto response = log_out(client);
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login");
    auto login_page = client.get("/login");
    BOOST_TEST(login_page.status == 200);
    BOOST_TEST(count_of(login_page.body, flash_html("info", "You have been logged out.")) == 1u);
    BOOST_TEST(!contains(client.get("/login").body, "You have been logged out."), "the flash was shown twice");
    auto dashboard = client.get("/dashboard");
    BOOST_TEST(dashboard.status == 302);
    BOOST_TEST(dashboard.header("Location") == "/login?next=%2Fdashboard");
}

BOOST_AUTO_TEST_CASE(post_logout_with_the_logout_button_of_the_navigation_works) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("navout"));
    auto dashboard = client.get("/dashboard");
    BOOST_TEST_REQUIRE(dashboard.status == 200);
    std::string token = input_value(dashboard.body, "csrf_token");
    BOOST_TEST_REQUIRE(!token.empty());
    auto response = client.post("/logout", {{"csrf_token", token}});
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login");
    BOOST_TEST(client.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(post_logout_deletes_the_remember_token_row_and_cookie) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("forget"), true);
    BOOST_TEST_REQUIRE(client.cookies.count("remember_token") == 1u);
    std::string remember = client.cookies["remember_token"];
    {
        SqlitePeek db(server.database());
        BOOST_TEST_REQUIRE(db.integer("SELECT count(*) FROM authgate_remember") == 1);
    }
    auto response = log_out(client);
    BOOST_TEST(response.status == 302);
    SetCookie deleted = parse_set_cookie(response.set_cookie("remember_token"));
    BOOST_TEST(deleted.name == "remember_token");
    BOOST_TEST(deleted.attribute("max-age") == "0");
    BOOST_TEST(client.cookies.count("remember_token") == 0u);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember") == 0);
    HttpClient replay(server.base_url());
    replay.cookies["remember_token"] = remember;
    BOOST_TEST(replay.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(logging_out_one_client_leaves_the_other_session_of_the_same_user_alone) {
    TestServer server;
    Account account = unique_account("twice");
    HttpClient laptop(server.base_url());
    register_and_log_in(laptop, account);
    HttpClient phone(server.base_url());
    BOOST_TEST_REQUIRE(log_in(phone, account.email, account.password).status == 302);
    BOOST_TEST(log_out(laptop).status == 302);
    BOOST_TEST(laptop.get("/dashboard").status == 302);
    BOOST_TEST(phone.get("/dashboard").status == 200);
}

BOOST_AUTO_TEST_CASE(logout_rotates_the_csrf_nonce_so_the_old_token_stops_working) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("rotate"));
    std::string nonce_before = client.cookies["csrf_nonce"];
    std::string token_before = csrf_token_of(client, "/logout");
    BOOST_TEST_REQUIRE(client.post("/logout", {{"csrf_token", token_before}}).status == 302);
    std::string token_after = csrf_token_of(client, "/login");
    BOOST_TEST(!token_after.empty());
    BOOST_TEST(client.cookies.count("csrf_nonce") == 1u);
    BOOST_TEST(client.cookies["csrf_nonce"] != nonce_before);
    BOOST_TEST(token_after != token_before);
    auto refused = client.post("/register", {{"email", "late@example.com"}, {"username", "late"},
                                             {"password", "plum-kettle-orbit-93"}, {"password_confirm", "plum-kettle-orbit-93"},
                                             {"csrf_token", token_before}});
    BOOST_TEST(refused.status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
