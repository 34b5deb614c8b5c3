// login_flow.cpp -- register, log in, dashboard, log out through a deployed server.
#include "deploy/login_flow.h"

#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"

namespace authgate::test {

void check_login_flow(const std::string& base_url, const std::string& context) {
    HttpClient client(base_url);
    auto anonymous = client.get("/dashboard");
    BOOST_TEST(anonymous.status == 302, context);
    BOOST_TEST(anonymous.header("Location") == "/login?next=%2Fdashboard", context);

    auto login_page = client.get("/login?next=%2Fdashboard");
    BOOST_TEST(login_page.status == 200, context << login_page.body.substr(0, 300));
    BOOST_TEST(contains(login_page.body, "Please log in to access this page."), context);
    BOOST_TEST(!input_value(login_page.body, "csrf_token").empty(), context);

    Account account = unique_account("deploy");
    auto registered = register_account(client, account);
    BOOST_TEST(registered.status == 302, context << registered.body.substr(0, 300));
    BOOST_TEST(registered.header("Location") == "/login", context);

    auto refused = client.post("/login", {{"email", account.email}, {"password", account.password}});
    BOOST_TEST(refused.status == 403, context << " a login without a CSRF token answered " << refused.status);

    auto logged_in = log_in(client, account.email, account.password, false, "?next=%2Fdashboard");
    BOOST_TEST(logged_in.status == 302, context << logged_in.body.substr(0, 300));
    BOOST_TEST(logged_in.header("Location") == "/dashboard", context);

    auto dashboard = client.get("/dashboard");
    BOOST_TEST(dashboard.status == 200, context);
    BOOST_TEST(contains(dashboard.body, account.username), context);

    auto logged_out = log_out(client);
    BOOST_TEST(logged_out.status == 302, context << logged_out.body.substr(0, 300));
    auto after = client.get("/dashboard");
    BOOST_TEST(after.status == 302, context);
    BOOST_TEST(after.header("Location") == "/login?next=%2Fdashboard", context);
}

}  // namespace authgate::test
