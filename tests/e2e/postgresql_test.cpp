// postgresql_test.cpp -- the main login flows with authgate on PostgreSQL: register, log in,
// dashboard, remember me, log out, a protected page's redirect with next; and a database
// password read from --database-password-file, never from the command line.
#include <boost/test/unit_test.hpp>
#include <curl/curl.h>
#include <sys/stat.h>

#include "postgres_site.h"
#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/test_server.h"
#include "support/text_util.h"

using namespace authgate::test;

namespace {

std::string upper_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_flows, *boost::unit_test::precondition(postgres_available))

BOOST_AUTO_TEST_CASE(register_log_in_dashboard_remember_and_log_out_work_on_postgresql) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    PostgresSite site;
    HttpClient client(site.server->base_url());
    Account account = unique_account("pgflow");

    // A protected page sends an anonymous visitor to the login page, keeping where they went.
    auto protected_page = client.get("/dashboard?tab=a");
    BOOST_TEST(protected_page.status == 302);
    BOOST_TEST(protected_page.header("Location") == "/login?next=%2Fdashboard%3Ftab%3Da");

    auto registered = register_account(client, account);
    BOOST_TEST_REQUIRE(registered.status == 302, registered.body);
    BOOST_TEST(registered.header("Location") == "/login");
    BOOST_TEST(contains(client.get("/login").body, flash_html("success", "Registration successful! Please log in.")));
    BOOST_TEST(site.postgres.scalar("SELECT username FROM \"user\" WHERE email = :'p1'", {account.email}) ==
               account.username);

    // The same email again, in other case, is refused.
    HttpClient other(site.server->base_url());
    Account twin{upper_ascii(account.email), account.username + "x", account.password};
    auto refused = register_account(other, twin);
    BOOST_TEST(refused.status == 422);
    BOOST_TEST(contains(refused.body, "Email already registered"));

    // A wrong password fails; the right one, with next and remember me, goes to the page asked for.
    BOOST_TEST(log_in(client, account.email, "not the password at all").status == 422);
    auto logged_in = log_in(client, account.email, account.password, true, "?next=%2Fdashboard%3Ftab%3Da");
    BOOST_TEST_REQUIRE(logged_in.status == 302);
    BOOST_TEST(logged_in.header("Location") == "/dashboard?tab=a");
    BOOST_TEST(!client.cookies["session"].empty());
    std::string remember = client.cookies["remember_token"];
    BOOST_TEST_REQUIRE(!remember.empty());
    auto dashboard = client.get("/dashboard");
    BOOST_TEST(dashboard.status == 200);
    BOOST_TEST(contains(dashboard.body, account.username));
    BOOST_TEST(site.postgres.scalar("SELECT count(*) FROM authgate_session") == "1");
    BOOST_TEST(site.postgres.scalar("SELECT count(*) FROM authgate_remember") == "1");

    // Remember me: a browser that kept only the remember cookie gets a new session and a rotated cookie.
    HttpClient returning(site.server->base_url());
    returning.cookies["remember_token"] = remember;
    auto restored = returning.get("/dashboard");
    BOOST_TEST(restored.status == 200);
    BOOST_TEST(contains(restored.body, account.username));
    BOOST_TEST(!returning.cookies["session"].empty());
    BOOST_TEST(returning.cookies["remember_token"] != remember, "the validator rotates");
    BOOST_TEST(returning.cookies["remember_token"].substr(0, remember.find(':')) == remember.substr(0, remember.find(':')));

    // Log out: the session and the chain end; the protected page redirects again.
    auto out = log_out(client);
    BOOST_TEST(out.status == 302);
    BOOST_TEST(out.header("Location") == "/login");
    BOOST_TEST(count_of(client.get("/login").body, flash_html("info", "You have been logged out.")) == 1u);
    auto after = client.get("/dashboard");
    BOOST_TEST(after.status == 302);
    BOOST_TEST(after.header("Location") == "/login?next=%2Fdashboard");
    BOOST_TEST(site.postgres.scalar("SELECT count(*) FROM authgate_remember") == "0");
    HttpClient stale(site.server->base_url());
    stale.cookies["remember_token"] = returning.cookies["remember_token"];
    BOOST_TEST(stale.get("/dashboard").status == 302, "the ended chain logs no one in");
}

BOOST_AUTO_TEST_CASE(the_database_password_comes_from_a_file_and_never_reaches_the_command_line) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    PostgresServer postgres;
    const std::string password = "pg secret 'quoted' 93";
    postgres.create_password_user("site_user", password);
    TempDir files;
    std::string password_file = files.path() + "/db-password";
    write_file(password_file, password + "\n");
    chmod(password_file.c_str(), 0600);

    TestServer server(postgres_site_options(postgres.uri_as("site_user"), 1,
                                            {"--database-password-file", password_file}));
    HttpClient client(server.base_url());
    Account account = unique_account("pgpass");
    register_and_log_in(client, account);
    BOOST_TEST(contains(client.get("/dashboard").body, account.username));
    BOOST_TEST(postgres.scalar("SELECT tableowner FROM pg_tables WHERE tablename = 'user'") == "site_user");
    std::string command_line = read_file("/proc/" + std::to_string(server.authgate_pid()) + "/cmdline");
    BOOST_TEST(!contains(command_line, "pg secret"));
    BOOST_TEST(!contains(server.authgate_log(), "pg secret"));
}

BOOST_AUTO_TEST_SUITE_END()
