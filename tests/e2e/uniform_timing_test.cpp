// uniform_timing_test.cpp -- failed logins take the same time whatever the reason (no account oracle).
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(uniform_timing)

// Each try is one POST /login through nginx. The four kinds are interleaved, so load from other
// tests running at the same time falls on all of them alike; a real difference (a skipped hash is
// 25 ms against well under 1 ms) shows in every round, noise does not, so a round is repeated at
// most twice before the check fails.
BOOST_AUTO_TEST_CASE(median_failure_times_differ_by_less_than_ten_percent) {
    TestServer server(with_args({"--login-free-failures", "100", "--login-address-free-failures", "100000"}));
    HttpClient setup(server.base_url());
    Account wrong = unique_account("t-wrong"), inactive = unique_account("t-inactive"), broken = unique_account("t-broken");
    for (const auto& account : {wrong, inactive, broken}) BOOST_REQUIRE(register_account(setup, account).status == 302);
    SqlitePeek db(server.database());
    db.execute("UPDATE user SET active = 0 WHERE email = ?1", {inactive.email});
    db.execute("UPDATE user SET password_hash = 'pbkdf2:sha256:600000$bad' WHERE email = ?1", {broken.email});
    const std::vector<std::pair<std::string, std::string>> kinds = {
        {"unknown-timing@example.com", "some password"}, {wrong.email, "not the password"},
        {inactive.email, inactive.password}, {broken.email, "whatever"}};

    HttpClient client(server.base_url());
    std::string token = csrf_token_of(client, "/login");
    double spread = 1.0;
    std::vector<double> medians;
    for (int round = 0; round < 3 && spread >= 0.10; ++round) {
        db.execute("DELETE FROM authgate_attempt");  // each round starts unthrottled
        std::vector<std::vector<double>> times(kinds.size());
        for (int attempt = 0; attempt < 50; ++attempt) {
            for (std::size_t k = 0; k < kinds.size(); ++k) {
                auto start = std::chrono::steady_clock::now();
                auto response = client.post("/login", {{"csrf_token", token}, {"email", kinds[k].first},
                                                       {"password", kinds[k].second}});
                auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
                BOOST_REQUIRE_MESSAGE(response.status == 422, "status " << response.status);
                times[k].push_back(elapsed.count());
            }
        }
        medians.clear();
        for (const auto& series : times) medians.push_back(median(series));
        auto [low, high] = std::minmax_element(medians.begin(), medians.end());
        spread = (*high - *low) / *low;
        BOOST_TEST_MESSAGE("round " << round << " medians " << medians[0] << " " << medians[1] << " " << medians[2] << " " << medians[3]);
    }
    BOOST_TEST_MESSAGE("median ms: unknown " << medians[0] << ", wrong " << medians[1] << ", inactive "
                                             << medians[2] << ", malformed " << medians[3]);
    BOOST_TEST(spread < 0.10, "medians differ by " << spread * 100 << " %");
}

BOOST_AUTO_TEST_SUITE_END()
