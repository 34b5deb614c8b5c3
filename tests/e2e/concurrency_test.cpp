// concurrency_test.cpp -- many registrations of the same email or username at the same moment:
// exactly one account, everybody else a 422 with the duplicate message, never a 500.
#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <functional>
#include <curl/curl.h>
#include <mutex>
#include <thread>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/parallel.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 3;

// kRounds * kThreads registrations from one address are above the default registration throttle, and
// eight hashes at once may wait longer than the default hash wait on a loaded or sanitized build.
// authgate's default 16 workers admit eight password checks at once (the test server starts 4).
ServerOptions unthrottled() {
    return with_args({"--registrations-per-hour", "1000", "--hash-wait-seconds", "30", "--threads", "16"});
}

struct Outcome {
    long status = 0;
    std::string location;
    std::string body;
    std::string error;
};

// Runs kThreads registrations at once; `account_of(i)` gives the fields thread i submits.
std::vector<Outcome> register_at_once(const TestServer& server, const std::function<Account(int)>& account_of) {
    std::vector<HttpClient> clients;
    std::vector<std::string> tokens;
    for (int i = 0; i < kThreads; ++i) {
        clients.emplace_back(server.base_url());
        tokens.push_back(csrf_token_of(clients.back(), "/register"));
    }
    std::vector<Outcome> outcomes(kThreads);
    StartLine start(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            Account account = account_of(i);
            start.arrive_and_wait();
            try {
                auto response = clients[i].post("/register", {{"email", account.email},
                                                              {"username", account.username},
                                                              {"password", account.password},
                                                              {"password_confirm", account.password},
                                                              {"csrf_token", tokens[i]}});
                outcomes[i] = {response.status, response.header("Location"), response.body, ""};
            } catch (const std::exception& error) {
                outcomes[i].error = error.what();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    return outcomes;
}

// Exactly one success; every other answer is a 422 showing one of `messages`.
void check_one_winner(const std::vector<Outcome>& outcomes, const std::vector<std::string>& messages) {
    int created = 0;
    for (const auto& outcome : outcomes) {
        BOOST_TEST(outcome.error.empty(), outcome.error);
        if (outcome.status == 302) {
            ++created;
            BOOST_TEST(outcome.location == "/login");
            continue;
        }
        BOOST_TEST(outcome.status == 422);
        bool explained = false;
        for (const auto& message : messages) explained = explained || contains(outcome.body, flash_html("error", message));
        BOOST_TEST(explained, "status " << outcome.status << " without a duplicate message");
    }
    BOOST_TEST(created == 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(concurrency)

BOOST_AUTO_TEST_CASE(concurrent_registrations_of_the_same_email_and_username_create_one_account) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server(unthrottled());
    for (int round = 0; round < kRounds; ++round) {
        BOOST_TEST_CONTEXT("round " << round) {
            std::string id = "same" + std::to_string(round);
            auto outcomes = register_at_once(server, [&](int i) {
                return Account{id + "@example.com", id, "plum-kettle-orbit-93-" + std::to_string(i)};
            });
            check_one_winner(outcomes, {"Email already registered", "Username already taken"});
            SqlitePeek db(server.database());
            BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE email = ?1", {id + "@example.com"}) == 1);
        }
    }
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user") == kRounds);
}

BOOST_AUTO_TEST_CASE(concurrent_registrations_of_one_email_in_different_cases_create_one_account) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server(unthrottled());
    for (int round = 0; round < kRounds; ++round) {
        BOOST_TEST_CONTEXT("round " << round) {
            auto outcomes = register_at_once(server, [&](int i) {
                std::string local = "Case" + std::to_string(round);
                if (i % 2) local = "case" + std::to_string(round);
                std::string domain = i % 3 ? "Example.com" : "EXAMPLE.com";
                return Account{local + "@" + domain, "user_r" + std::to_string(round) + "_t" + std::to_string(i),
                               "plum-kettle-orbit-93-" + std::to_string(i)};
            });
            check_one_winner(outcomes, {"Email already registered"});
            SqlitePeek db(server.database());
            BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE lower(email) = ?1",
                                  {"case" + std::to_string(round) + "@example.com"}) == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(concurrent_registrations_of_one_username_in_different_cases_create_one_account) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TestServer server(unthrottled());
    for (int round = 0; round < kRounds; ++round) {
        BOOST_TEST_CONTEXT("round " << round) {
            auto outcomes = register_at_once(server, [&](int i) {
                std::string name = (i % 2 ? "Shared.Name" : "shared.name") + std::to_string(round);
                return Account{"r" + std::to_string(round) + "t" + std::to_string(i) + "@example.com", name,
                               "plum-kettle-orbit-93-" + std::to_string(i)};
            });
            check_one_winner(outcomes, {"Username already taken"});
            SqlitePeek db(server.database());
            BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE lower(username) = ?1",
                                  {"shared.name" + std::to_string(round)}) == 1);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
