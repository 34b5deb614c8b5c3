// protected_pages_test.cpp -- /, /dashboard, /profile, /settings for anonymous and logged-in visitors.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kPleaseLogIn = "Please log in to access this page.";

}  // namespace

BOOST_AUTO_TEST_SUITE(protected_pages)

BOOST_AUTO_TEST_CASE(the_home_page_sends_anonymous_visitors_to_login_and_members_to_the_dashboard) {
    TestServer server;
    HttpClient client(server.base_url());
    auto anonymous = client.get("/");
    BOOST_TEST(anonymous.status == 302);
    BOOST_TEST(anonymous.header("Location") == "/login");
    register_and_log_in(client, unique_account("home"));
    auto member = client.get("/");
    BOOST_TEST(member.status == 302);
    BOOST_TEST(member.header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_CASE(every_protected_page_sends_anonymous_visitors_to_login_with_next) {
    TestServer server;
    HttpClient client(server.base_url());
    for (const std::string page : {"dashboard", "profile", "settings"}) {
        auto response = client.get("/" + page);
        BOOST_TEST(response.status == 302, page);
        BOOST_TEST(response.header("Location") == "/login?next=%2F" + page);
    }
}

BOOST_AUTO_TEST_CASE(next_carries_the_path_and_query_fully_percent_encoded) {
    TestServer server;
    HttpClient client(server.base_url());
    BOOST_TEST(client.get("/dashboard?tab=a").header("Location") == "/login?next=%2Fdashboard%3Ftab%3Da");
    BOOST_TEST(client.get("/profile?x=1&y=2").header("Location") == "/login?next=%2Fprofile%3Fx%3D1%26y%3D2");
}

BOOST_AUTO_TEST_CASE(the_login_page_after_the_redirect_shows_the_please_log_in_flash_once) {
    TestServer server;
    HttpClient client(server.base_url());
    auto redirect = client.get("/profile");
    BOOST_TEST_REQUIRE(redirect.status == 302);
    auto page = client.get(redirect.header("Location"));
    BOOST_TEST(page.status == 200);
    BOOST_TEST(count_of(page.body, flash_html("info", kPleaseLogIn)) == 1u);
    BOOST_TEST(!contains(client.get("/login").body, kPleaseLogIn), "the flash was shown twice");
}

BOOST_AUTO_TEST_CASE(logging_in_from_the_redirect_lands_on_the_page_first_asked_for) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("back");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    auto redirect = client.get("/profile?tab=security");
    BOOST_TEST_REQUIRE(redirect.status == 302);
    std::string login_target = redirect.header("Location");
    BOOST_TEST_REQUIRE(login_target.rfind("/login?", 0) == 0u);
    auto response = log_in(client, account.email, account.password, false, login_target.substr(6));
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/profile?tab=security");
    BOOST_TEST(client.get("/profile?tab=security").status == 200);
}

BOOST_AUTO_TEST_CASE(an_escaped_query_survives_the_trip_through_login) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("space");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    auto redirect = client.get("/dashboard?tab=a%20b&q=x%26y");
    BOOST_TEST_REQUIRE(redirect.status == 302);
    std::string login_target = redirect.header("Location");
    BOOST_TEST(login_target.rfind("/login?next=%2Fdashboard%3Ftab%3Da", 0) == 0u, login_target);
    auto response = log_in(client, account.email, account.password, false, login_target.substr(6));
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard?tab=a%20b&q=x%26y");
}

BOOST_AUTO_TEST_CASE(the_dashboard_shows_the_username_and_email) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("dash");
    register_and_log_in(client, account);
    auto page = client.get("/dashboard");
    BOOST_TEST(page.status == 200);
    BOOST_TEST(contains(page.body, account.username));
    BOOST_TEST(contains(page.body, account.email));
}

BOOST_AUTO_TEST_CASE(the_profile_shows_the_account_and_settings_exists) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("prof");
    register_and_log_in(client, account);
    auto profile = client.get("/profile");
    BOOST_TEST(profile.status == 200);
    BOOST_TEST(contains(profile.body, account.username));
    BOOST_TEST(contains(profile.body, account.email));
    auto settings = client.get("/settings");
    BOOST_TEST(settings.status == 200);
    BOOST_TEST(settings.header("Content-Type") == "text/html; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(the_navigation_links_login_and_register_for_anonymous_visitors) {
    TestServer server;
    HttpClient client(server.base_url());
    auto page = client.get("/login");
    BOOST_TEST(contains(page.body, "href=\"/login\""));
    BOOST_TEST(contains(page.body, "href=\"/register\""));
    BOOST_TEST(!contains(page.body, "href=\"/dashboard\""));
    BOOST_TEST(!contains(page.body, "href=\"/settings\""));
}

BOOST_AUTO_TEST_CASE(the_navigation_of_a_member_links_every_page_and_has_a_logout_button) {
    TestServer server;
    HttpClient client(server.base_url());
    register_and_log_in(client, unique_account("nav"));
    for (const std::string path : {"/dashboard", "/profile", "/settings"}) {
        BOOST_TEST_CONTEXT(path) {
            auto page = client.get(path);
            BOOST_TEST(page.status == 200);
            BOOST_TEST(contains(page.body, "href=\"/dashboard\""));
            BOOST_TEST(contains(page.body, "href=\"/profile\""));
            BOOST_TEST(contains(page.body, "href=\"/settings\""));
            BOOST_TEST(contains(page.body, "action=\"/logout\""));
            BOOST_TEST(!input_value(page.body, "csrf_token").empty());
            BOOST_TEST(!contains(page.body, "href=\"/register\""));
        }
    }
}

BOOST_AUTO_TEST_CASE(values_from_the_database_are_html_escaped_on_every_page) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("escape");
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    std::string hostile = "<script>alert(\"x\")</script>&amp;";
    {
        SqlitePeek db(server.database());
        db.execute("UPDATE user SET username = ?1 WHERE email = ?2", {hostile, account.email});
    }
    BOOST_TEST_REQUIRE(log_in(client, account.email, account.password).status == 302);
    for (const std::string path : {"/dashboard", "/profile"}) {
        BOOST_TEST_CONTEXT(path) {
            auto page = client.get(path);
            BOOST_TEST(page.status == 200);
            BOOST_TEST(!contains(page.body, "<script>alert"));
            BOOST_TEST(contains(page.body, "&lt;script&gt;alert("));
            BOOST_TEST(contains(page.body, "&amp;amp;"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
