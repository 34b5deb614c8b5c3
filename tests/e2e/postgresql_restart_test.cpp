// postgresql_restart_test.cpp -- PostgreSQL restarted under a running authgate: while it is down,
// pages that need it answer 503 at once instead of hanging; afterwards service resumes by itself
// and nothing committed before is lost.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <curl/curl.h>
#include <thread>

#include "postgres_site.h"
#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

using namespace std::chrono_literals;

// A client that gives up after 20 s: a request that hangs fails the test by exception, not by a
// timing assertion.
HttpClient impatient(const TestServer& server) {
    HttpClient client(server.base_url());
    client.timeout_seconds = 20;
    return client;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_restart, *boost::unit_test::precondition(postgres_available))

BOOST_AUTO_TEST_CASE(while_postgresql_restarts_pages_answer_503_and_then_service_resumes_with_nothing_lost) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    constexpr int kWorkers = 4;
    PostgresSite site(1, {"--threads", std::to_string(kWorkers)});
    const TestServer& server = *site.server;
    Account account = unique_account("pgrestart");
    HttpClient browser = impatient(server);
    register_and_log_in(browser, account, true);
    BOOST_TEST_REQUIRE(browser.get("/dashboard").status == 200);
    HttpClient second = impatient(server);
    std::string login_token = csrf_token_of(second, "/login");
    BOOST_TEST_REQUIRE(!login_token.empty());

    site.postgres.stop();
    // More requests than workers, so that every worker meets the lost connection.
    for (int i = 0; i < 3 * kWorkers; ++i) {
        BOOST_TEST_CONTEXT("request " << i << " while PostgreSQL is down") {
            auto dashboard = browser.get("/dashboard");
            BOOST_TEST(dashboard.status == 503);
            BOOST_TEST(!contains(dashboard.body, account.username));
            auto login = second.post("/login", {{"csrf_token", login_token}, {"email", account.email},
                                                {"password", account.password}});
            BOOST_TEST(login.status == 503);
        }
    }
    BOOST_TEST(server.authgate_pid() > 0);

    site.postgres.start();
    // Service comes back without a restart of authgate: wait (bounded) for the first good answer,
    // then every worker must answer normally.
    int status = 0;
    for (int tries = 0; tries < 100 && status != 200; ++tries) {
        status = static_cast<int>(browser.get("/dashboard").status);
        if (status != 200) std::this_thread::sleep_for(200ms);
    }
    BOOST_TEST_REQUIRE(status == 200, "no 200 after PostgreSQL came back: " << server.authgate_log());
    for (int i = 0; i < 3 * kWorkers; ++i) {
        auto dashboard = browser.get("/dashboard");
        BOOST_TEST(dashboard.status == 200, "request " << i << " after the restart");
        BOOST_TEST(contains(dashboard.body, account.username), "the session made before the restart");
    }
    // The account made before logs in, its remember chain still works, and new writes commit.
    HttpClient fresh = impatient(server);
    BOOST_TEST(log_in(fresh, account.email, account.password).status == 302);
    BOOST_TEST(fresh.get("/dashboard").status == 200);
    HttpClient returning = impatient(server);
    returning.cookies["remember_token"] = browser.cookies["remember_token"];
    BOOST_TEST(returning.get("/dashboard").status == 200);
    HttpClient newcomer = impatient(server);
    Account later = unique_account("pgafter");
    BOOST_TEST(register_account(newcomer, later).status == 302);
    BOOST_TEST(site.postgres.scalar("SELECT count(*) FROM \"user\"") == "2");
}

BOOST_AUTO_TEST_SUITE_END()
