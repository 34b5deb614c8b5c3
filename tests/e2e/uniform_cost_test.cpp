// uniform_cost_test.cpp -- on a database holding hashes of several methods (as a Flask app's
// users.db may), a failed login for the cheapest one costs as much as a check of the slowest, and
// every failure gives the same answer: nothing tells which accounts exist or how they are hashed.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <sstream>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kPassword = "Mixed-hashes-pass-1";

struct MixedDatabase {
    std::vector<std::pair<std::string, std::string>> accounts;  // email, method
    double slowest_seconds = 0;                                   // one check of the slowest, measured here
};

MixedDatabase make_mixed_database(const std::string& path) {
    auto result = run_command({required_env("SYSTEM_PYTHON3"),
                               required_env("AUTHGATE_SRCDIR") + "/tests/e2e/mixed_hash_db.py", path, kPassword});
    if (result.status != 0) throw std::runtime_error("mixed_hash_db.py failed: " + result.err);
    MixedDatabase database;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::string first = line.substr(0, tab), second = line.substr(tab + 1);
        if (first == "slowest")
            database.slowest_seconds = std::stod(second);
        else
            database.accounts.emplace_back(first, second);
    }
    if (database.accounts.size() != 4u || database.slowest_seconds <= 0)
        throw std::runtime_error("mixed_hash_db.py said: " + result.out);
    return database;
}

ServerOptions on_database(const std::string& path) {
    ServerOptions options = with_args({"--login-free-failures", "100", "--login-address-free-failures", "1000"});
    options.database = path;
    return options;
}

// The page with its CSRF token and the submitted email (echoed in the form) replaced.
std::string normalized(const HttpResponse& response, const std::string& email) {
    std::string body = replace_all_of(response.body, input_value(response.body, "csrf_token"), "TOKEN");
    return replace_all_of(body, html_escape(email), "EMAIL");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(uniform_cost)

// No upper bound on any time is asserted: the check is one-sided. The cheapest hash checks in well
// under a millisecond, so a failure for it that takes half a check of the slowest stored hash
// (timed here, with an independent implementation) can only come from the padding.
BOOST_AUTO_TEST_CASE(a_wrong_password_for_the_cheapest_hash_takes_as_long_as_checking_the_slowest) {
    TempDir dir;
    std::string path = dir.path() + "/users.db";
    MixedDatabase database = make_mixed_database(path);
    TestServer server(on_database(path));
    HttpClient client(server.base_url());
    std::string token = csrf_token_of(client, "/login");
    double shortest = 1e9;
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto start = std::chrono::steady_clock::now();
        auto response = client.post("/login", {{"csrf_token", token},
                                               {"email", "cheap-sha1@example.com"},
                                               {"password", "not the password"}});
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        BOOST_TEST_REQUIRE(response.status == 422);
        shortest = std::min(shortest, seconds);
    }
    BOOST_TEST_MESSAGE("slowest stored hash checks in " << database.slowest_seconds
                                                        << " s here; the cheapest failure took at least " << shortest
                                                        << " s");
    BOOST_TEST(shortest >= 0.5 * database.slowest_seconds);
    // The right password still logs in (and the cheap hash is upgraded).
    BOOST_TEST(log_in(client, "cheap-sha1@example.com", kPassword).status == 302);
}

BOOST_AUTO_TEST_CASE(every_failure_on_a_mixed_database_gives_the_same_answer) {
    TempDir dir;
    std::string path = dir.path() + "/users.db";
    MixedDatabase database = make_mixed_database(path);
    TestServer server(on_database(path));
    {
        SqlitePeek db(server.database());
        BOOST_TEST_REQUIRE(db.execute("UPDATE user SET active = 0 WHERE email = 'scrypt@example.com'") == 1);
    }
    std::vector<std::pair<std::string, std::string>> tries;
    for (const auto& [email, method] : database.accounts) tries.emplace_back(email, "not the password");
    tries.emplace_back("scrypt@example.com", kPassword);  // disabled: refused only after the password matched
    tries.emplace_back("nobody-here@example.com", "not the password");
    std::string reference;
    long reference_status = 0;
    for (const auto& [email, password] : tries) {
        BOOST_TEST_CONTEXT(email) {
            HttpClient client(server.base_url());
            std::string token = csrf_token_of(client, "/login");
            auto response = client.post("/login", {{"csrf_token", token}, {"email", email}, {"password", password}});
            BOOST_TEST(response.status == 422);
            BOOST_TEST(contains(response.body, flash_html("error", "Invalid email or password")));
            std::string body = normalized(response, email);
            if (reference.empty()) {
                reference = body;
                reference_status = response.status;
                continue;
            }
            BOOST_TEST(response.status == reference_status);
            BOOST_TEST((body == reference), "the page differs from the first failure's");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
