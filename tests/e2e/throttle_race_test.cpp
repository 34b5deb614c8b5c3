// throttle_race_test.cpp -- the login throttle holds when many attempts arrive at the same moment:
// its check and its count are one step, so no more attempts are evaluated than it allows.
#include <boost/test/unit_test.hpp>
#include <curl/curl.h>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/parallel.h"
#include "support/text_util.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

constexpr int kParallel = 10;

struct Answer {
    long status = 0;
    std::string retry_after;
    std::string body;
};

// kParallel wrong-password POST /login at once, thread i for `email_of(i)`, each from its own client.
std::vector<Answer> wrong_logins_at_once(const TestServer& server, const std::function<std::string(int)>& email_of) {
    std::vector<HttpClient> clients;
    std::vector<std::string> tokens;
    for (int i = 0; i < kParallel; ++i) {
        clients.emplace_back(server.base_url());
        tokens.push_back(csrf_token_of(clients.back(), "/login"));
        BOOST_REQUIRE(!tokens.back().empty());
    }
    std::vector<Answer> answers(kParallel);
    auto errors = run_at_once(kParallel, [&](int i) {
        auto response = clients[i].post(
            "/login", {{"csrf_token", tokens[i]}, {"email", email_of(i)}, {"password", "not-the-password-at-all"}});
        answers[i] = {response.status, response.header("Retry-After"), response.body};
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    return answers;
}

// Checks every answer is a failure page (evaluated) or a refusal with Retry-After; returns how
// many were evaluated.
int evaluated_among(const std::vector<Answer>& answers) {
    int evaluated = 0;
    for (const auto& answer : answers) {
        if (answer.status == 422) {
            ++evaluated;
            BOOST_TEST(contains(answer.body, flash_html("error", "Invalid email or password")));
            continue;
        }
        BOOST_TEST((answer.status == 429 || answer.status == 503), "status " << answer.status);
        BOOST_TEST(!answer.retry_after.empty(), "status " << answer.status << " without Retry-After");
        if (!answer.retry_after.empty()) BOOST_TEST(std::stol(answer.retry_after) >= 1);
    }
    return evaluated;
}

std::size_t failures_in_audit_log(const TestServer& server) {
    return count_of(server.authgate_log(), "event=login_failure ");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(throttle_race)

BOOST_AUTO_TEST_CASE(ten_simultaneous_wrong_logins_after_the_free_failures_evaluate_at_most_one) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server(with_args({"--login-address-free-failures", "1000"}));
    HttpClient setup(server.base_url());
    Account account = unique_account("race");
    BOOST_REQUIRE(register_account(setup, account).status == 302);
    for (int i = 0; i < 5; ++i) BOOST_REQUIRE(log_in(setup, account.email, "not-the-password-at-all").status == 422);
    BOOST_REQUIRE(failures_in_audit_log(server) == 5u);

    auto answers = wrong_logins_at_once(server, [&](int) { return account.email; });
    int evaluated = evaluated_among(answers);
    BOOST_TEST(evaluated <= 1);
    BOOST_TEST(failures_in_audit_log(server) <= 6u);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_attempt WHERE kind = 'login_account' AND key = ?1",
                          {lower(account.email)}) <= 6);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_attempt WHERE kind = 'login_account' AND key = ?1",
                          {lower(account.email)}) == 5 + evaluated);
}

BOOST_AUTO_TEST_CASE(ten_simultaneous_wrong_logins_for_different_emails_after_the_address_budget_evaluate_at_most_one) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server(with_args({"--login-address-free-failures", "3", "--login-free-failures", "100"}));
    HttpClient setup(server.base_url());
    for (int i = 0; i < 3; ++i)
        BOOST_REQUIRE(log_in(setup, "sprayed" + std::to_string(i) + "@example.com", "not-the-password-at-all").status ==
                      422);
    BOOST_REQUIRE(failures_in_audit_log(server) == 3u);

    auto answers = wrong_logins_at_once(server, [](int i) { return "parallel" + std::to_string(i) + "@example.com"; });
    int evaluated = evaluated_among(answers);
    BOOST_TEST(evaluated <= 1);
    BOOST_TEST(failures_in_audit_log(server) <= 4u);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_attempt WHERE kind = 'login_address'") == 3 + evaluated);
}

BOOST_AUTO_TEST_SUITE_END()
