// uniform_timing_test.cpp -- failed logins take the same time whatever the reason (no account oracle).
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <dirent.h>
#include <fstream>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

// CPU time (ns) the authgate process has used so far, summed over its threads from
// /proc/PID/task/*/schedstat. Unlike wall time it does not grow when other processes load the
// machine, so it measures the work each request made the server do.
double server_cpu_ns(pid_t pid) {
    double total = 0;
    std::string tasks = "/proc/" + std::to_string(pid) + "/task";
    DIR* dir = opendir(tasks.c_str());
    if (!dir) throw std::runtime_error("cannot read " + tasks);
    while (dirent* entry = readdir(dir)) {
        if (entry->d_name[0] == '.') continue;
        std::ifstream stat(tasks + "/" + entry->d_name + "/schedstat");
        double on_cpu = 0;
        if (stat >> on_cpu) total += on_cpu;
    }
    closedir(dir);
    return total;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(uniform_timing)

// Each try is one POST /login through nginx; what is compared is the CPU time the server spent on
// it (a skipped hash would be tens of milliseconds against well under one), which other load on
// the machine does not inflate the way it inflates wall time. The four kinds are interleaved, and a
// round is repeated at most twice before the check fails. Wall-clock medians are reported too.
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
        std::vector<std::vector<double>> times(kinds.size()), walls(kinds.size());
        for (int attempt = 0; attempt < 50; ++attempt) {
            for (std::size_t k = 0; k < kinds.size(); ++k) {
                double cpu_before = server_cpu_ns(server.authgate_pid());
                auto start = std::chrono::steady_clock::now();
                auto response = client.post("/login", {{"csrf_token", token}, {"email", kinds[k].first},
                                                       {"password", kinds[k].second}});
                auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
                double cpu_ms = (server_cpu_ns(server.authgate_pid()) - cpu_before) / 1e6;
                BOOST_REQUIRE_MESSAGE(response.status == 422, "status " << response.status);
                times[k].push_back(cpu_ms);
                walls[k].push_back(elapsed.count());
            }
        }
        medians.clear();
        for (const auto& series : times) medians.push_back(median(series));
        auto [low, high] = std::minmax_element(medians.begin(), medians.end());
        spread = (*high - *low) / *low;
        BOOST_TEST_MESSAGE("round " << round << ": server CPU medians (ms) " << medians[0] << " " << medians[1] << " "
                                     << medians[2] << " " << medians[3] << "; wall medians (ms) " << median(walls[0])
                                     << " " << median(walls[1]) << " " << median(walls[2]) << " " << median(walls[3]));
    }
    BOOST_TEST_MESSAGE("server CPU median ms: unknown " << medians[0] << ", wrong " << medians[1] << ", inactive "
                                                       << medians[2] << ", malformed " << medians[3]);
    BOOST_TEST(spread < 0.10, "medians differ by " << spread * 100 << " %");
}

BOOST_AUTO_TEST_SUITE_END()
