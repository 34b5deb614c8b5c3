// anonymous_writes_test.cpp -- a visitor without a session never makes the server write: many
// anonymous page views at once leave every table as it was, and the "please log in" notice
// still reaches the login page (in a signed cookie) exactly once.
#include <boost/test/unit_test.hpp>
#include <curl/curl.h>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/parallel.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kLoginRequired = "Please log in to access this page.";

std::map<std::string, long long> counts_of_every_table(const TestServer& server) {
    SqlitePeek db(server.database());
    auto counts = db.row_counts();
    for (const char* table : {"authgate_session", "authgate_remember", "authgate_attempt", "authgate_meta", "user"})
        BOOST_TEST_REQUIRE(counts.count(table) == 1u, "table " << table);
    return counts;
}

// Every row of the tables a visit could touch, as one text.
std::string contents_of(const TestServer& server) {
    SqlitePeek db(server.database());
    std::string text;
    for (const char* table : {"authgate_session", "authgate_remember", "authgate_attempt", "authgate_meta", "user"})
        for (const auto& row : db.rows(std::string("SELECT * FROM ") + table)) {
            text += table;
            for (const auto& column : row) text += "|" + column.value_or("NULL");
            text += "\n";
        }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(anonymous_writes)

BOOST_AUTO_TEST_CASE(eighty_parallel_anonymous_page_views_change_no_table) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server;
    {
        HttpClient setup(server.base_url());
        register_and_log_in(setup, unique_account("present"), true);  // some rows of every kind
        BOOST_REQUIRE(setup.get("/dashboard").status == 200);
    }
    auto before = counts_of_every_table(server);
    std::string contents = contents_of(server);

    const std::vector<std::string> paths = {"/dashboard", "/profile", "/settings", "/login",
                                            "/register",  "/",        "/logout",   "/no-such-page"};
    const int runners = 8;
    const int rounds = 10;  // 80 requests
    std::vector<std::vector<long>> statuses(runners);
    auto errors = run_at_once(runners, [&](int i) {
        for (int round = 0; round < rounds; ++round) {
            HttpClient client(server.base_url());  // a new visitor each time: no cookies at all
            statuses[i].push_back(client.get(paths[(i + round) % paths.size()]).status);
        }
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    for (const auto& series : statuses) {
        BOOST_TEST(series.size() == static_cast<std::size_t>(rounds));
        for (long status : series) BOOST_TEST((status == 200 || status == 302 || status == 404), "status " << status);
    }
    auto after = counts_of_every_table(server);
    for (const auto& [table, count] : before) BOOST_TEST(after[table] == count, "rows of " << table);
    BOOST_TEST(contents_of(server) == contents, "no row changed either");
}

BOOST_AUTO_TEST_CASE(the_login_required_notice_is_shown_once_after_the_redirect_without_a_row) {
    TestServer server;
    auto before = counts_of_every_table(server);
    HttpClient client(server.base_url());
    auto dashboard = client.get("/dashboard");
    BOOST_TEST_REQUIRE(dashboard.status == 302);
    std::string location = dashboard.header("Location");
    BOOST_TEST(location == "/login?next=%2Fdashboard");
    auto login = client.get(location);
    BOOST_TEST(login.status == 200);
    BOOST_TEST(count_of(login.body, flash_html("info", kLoginRequired)) == 1u);
    auto next = client.get("/login");
    BOOST_TEST(next.status == 200);
    BOOST_TEST(count_of(next.body, kLoginRequired) == 0u, "shown once only");
    auto after = counts_of_every_table(server);
    for (const auto& [table, count] : before) BOOST_TEST(after[table] == count, "rows of " << table);
}

BOOST_AUTO_TEST_SUITE_END()
