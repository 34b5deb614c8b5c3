// busy_pool_test.cpp -- when the hash pool is full, a login is refused at once with 503 and
// Retry-After (a readable page), while page views and signed-in visitors keep being served.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <curl/curl.h>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/parallel.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kBusy = "The server is busy. Please try again in a moment.";

// Two request workers, one hashing thread, a second of waiting, and hashes that take long.
ServerOptions slow_hashes() {
    ServerOptions options = with_args({"--threads", "2", "--hash-threads", "1", "--hash-wait-seconds", "1",
                                       "--password-method", "pbkdf2:sha256:3000000", "--login-free-failures", "100",
                                       "--login-address-free-failures", "100000", "--registrations-per-hour", "1000"});
    // Refused logins come back at once, so loops of them outrun the test server's form rate
    // (nginx's limit_req would answer 429 before authgate sees them).
    options.nginx_form_rate = "100000r/s";
    return options;
}

struct Answer {
    long status = 0;
    std::string retry_after;
    std::string content_type;
    std::string body;
};

Answer answer_of(const HttpResponse& response) {
    return {response.status, response.header("Retry-After"), response.header("Content-Type"), response.body};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(busy_pool)

BOOST_AUTO_TEST_CASE(parallel_logins_beyond_the_pool_get_503_with_retry_after_while_pages_are_served) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server(slow_hashes());
    const int logins = 4;
    std::vector<HttpClient> clients;
    std::vector<std::string> tokens;
    for (int i = 0; i < logins; ++i) {
        clients.emplace_back(server.base_url());
        tokens.push_back(csrf_token_of(clients.back(), "/login"));
    }
    std::vector<Answer> answers(logins);
    std::vector<long> page_views;
    std::atomic<int> logins_done{0};
    auto errors = run_at_once(logins + 1, [&](int i) {
        if (i == logins) {
            // Page views while the logins hash (and at least a few, however quickly they end).
            HttpClient viewer(server.base_url());
            while (logins_done.load() < logins || page_views.size() < 3) page_views.push_back(viewer.get("/login").status);
            return;
        }
        answers[i] = answer_of(clients[i].post("/login", {{"csrf_token", tokens[i]},
                                                          {"email", "nobody" + std::to_string(i) + "@example.com"},
                                                          {"password", "not the password"}}));
        ++logins_done;
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    int busy = 0;
    for (const auto& answer : answers) {
        BOOST_TEST((answer.status == 422 || answer.status == 503), "status " << answer.status);
        if (answer.status != 503) continue;
        ++busy;
        BOOST_TEST(!answer.retry_after.empty());
        BOOST_TEST(contains(answer.content_type, "text/html"));
        BOOST_TEST(contains(answer.body, kBusy));
    }
    BOOST_TEST(busy >= 1, "one hashing thread cannot take " << logins << " slow logins at once");
    BOOST_TEST(!page_views.empty());
    for (long status : page_views) BOOST_TEST(status == 200);
}

BOOST_AUTO_TEST_CASE(a_signed_in_visitor_is_served_without_a_5xx_during_a_login_storm) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server(slow_hashes());
    HttpClient member(server.base_url());
    Account account = unique_account("storm");
    register_and_log_in(member, account);
    BOOST_TEST_REQUIRE(member.get("/dashboard").status == 200);

    const int loops = 8;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    std::vector<std::vector<long>> login_statuses(loops);
    std::vector<long> dashboard_statuses;
    auto errors = run_at_once(loops + 1, [&](int i) {
        if (i == loops) {
            while (std::chrono::steady_clock::now() < until) dashboard_statuses.push_back(member.get("/dashboard").status);
            return;
        }
        HttpClient client(server.base_url());
        std::string token = csrf_token_of(client, "/login");
        for (int n = 0; n < 50 && std::chrono::steady_clock::now() < until; ++n)
            login_statuses[i].push_back(client.post("/login", {{"csrf_token", token},
                                                               {"email", "storm" + std::to_string(i) + "@example.com"},
                                                               {"password", "not the password"}})
                                            .status);
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    BOOST_TEST(!dashboard_statuses.empty());
    for (long status : dashboard_statuses) BOOST_TEST(status == 200);
    for (const auto& series : login_statuses)
        for (long status : series) BOOST_TEST((status == 422 || status == 503), "login status " << status);
}

BOOST_AUTO_TEST_SUITE_END()
