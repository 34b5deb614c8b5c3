// redirect_test.cpp -- ?next= after login: only local paths are followed, everything else goes to
// /dashboard.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

struct Case {
    const char* label;
    const char* query;  // as it appears in the URL, already encoded
};

// Each of these decodes to a value a browser would take off-site (or to a script).
const Case kBypasses[] = {
    {"absolute http URL", "next=http%3A%2F%2Fevil.com"},
    {"absolute http URL, unencoded", "next=http://evil.com/"},
    {"upper-case scheme", "next=HTTP%3A%2F%2Fevil.com"},
    {"protocol-relative //", "next=%2F%2Fevil.com"},
    {"protocol-relative //, unencoded", "next=//evil.com"},
    {"triple slash", "next=%2F%2F%2Fevil.com"},
    {"slash backslash", "next=%2F%5Cevil.com"},
    {"double backslash", "next=%5C%5Cevil.com"},
    {"backslash slash", "next=%5C%2Fevil.com"},
    {"encoded //", "next=%252F%252Fevil.com"},
    {"slash encoded backslash", "next=%2F%255Cevil.com"},
    {"javascript scheme", "next=javascript%3Aalert(1)"},
    {"javascript scheme, mixed case", "next=JaVaScRiPt%3Aalert(1)"},
    {"leading space", "next=%20%2F%2Fevil.com"},
    {"leading tab", "next=%09%2F%2Fevil.com"},
    {"leading control character", "next=%01%2F%2Fevil.com"},
    {"leading NUL", "next=%00%2F%2Fevil.com"},
    {"tab inside", "next=%2F%09%2Fevil.com"},
    {"newline inside", "next=%2F%0A%2Fevil.com"},
    {"carriage return inside", "next=%2F%0D%2Fevil.com"},
    {"scheme without slashes", "next=https%3Aevil.com"},
    {"data URL", "next=data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(redirects)

BOOST_AUTO_TEST_CASE(every_next_that_leaves_the_site_is_replaced_by_the_dashboard) {
    TestServer server;
    Account account = unique_account("next");
    {
        HttpClient setup(server.base_url());
        BOOST_TEST_REQUIRE(register_account(setup, account).status == 302);
    }
    for (const auto& bypass : kBypasses) {
        BOOST_TEST_CONTEXT(bypass.label << ": ?" << bypass.query) {
            HttpClient client(server.base_url());
            auto response = log_in(client, account.email, account.password, false, std::string("?") + bypass.query);
            BOOST_TEST(response.status == 302);
            BOOST_TEST(response.header("Location") == "/dashboard");
            BOOST_TEST(client.get("/dashboard").status == 200, "the login itself succeeded");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_local_next_is_followed) {
    TestServer server;
    Account account = unique_account("local");
    {
        HttpClient setup(server.base_url());
        BOOST_TEST_REQUIRE(register_account(setup, account).status == 302);
    }
    const std::pair<std::string, std::string> cases[] = {
        {"next=%2Fprofile", "/profile"},
        {"next=/settings", "/settings"},
        {"next=%2Fdashboard%3Ftab%3Dactivity", "/dashboard?tab=activity"},
        {"next=%2Fprofile%3Fa%3D1%26b%3D2", "/profile?a=1&b=2"},
    };
    for (const auto& [query, location] : cases) {
        BOOST_TEST_CONTEXT("?" << query) {
            HttpClient client(server.base_url());
            auto response = log_in(client, account.email, account.password, false, "?" + query);
            BOOST_TEST(response.status == 302);
            BOOST_TEST(response.header("Location") == location);
        }
    }
}

BOOST_AUTO_TEST_CASE(without_next_login_goes_to_the_dashboard) {
    TestServer server;
    Account account = unique_account("plain");
    HttpClient client(server.base_url());
    BOOST_TEST_REQUIRE(register_account(client, account).status == 302);
    auto response = log_in(client, account.email, account.password, false, "?next=");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/dashboard");
}

BOOST_AUTO_TEST_SUITE_END()
