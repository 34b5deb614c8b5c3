// postgresql_hosts_test.cpp -- two authgate hosts on one PostgreSQL database behind one nginx
// upstream (round robin): a login made on one host is seen on the other, a logout on either ends it
// on both, session limits and a remember chain's theft detection hold across hosts, and parallel wrong
// logins spread over both hosts are throttled as on one.
#include <boost/test/unit_test.hpp>
#include <curl/curl.h>
#include <set>

#include "postgres_site.h"
#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/parallel.h"
#include "support/test_server.h"
#include "support/text_util.h"

using namespace authgate::test;

namespace {

using Cookies = std::map<std::string, std::string>;

// Logs in on one host's socket: the login form (and its CSRF token) from `form_host`, the POST to
// `post_host`; both must accept it, since the CSRF key is shared.
DirectAnswer direct_log_in(const TestServer& server, int form_host, int post_host, Cookies& cookies,
                           const Account& account) {
    auto form = direct_request(server.socket_path(form_host), "GET", "/login", cookies);
    BOOST_TEST_REQUIRE(form.status == 200);
    std::string token = input_value(form.body, "csrf_token");
    BOOST_TEST_REQUIRE(!token.empty());
    return direct_request(server.socket_path(post_host), "POST", "/login", cookies,
                          {{"email", account.email}, {"password", account.password}, {"csrf_token", token}});
}

DirectAnswer direct_log_out(const TestServer& server, int host, Cookies& cookies) {
    auto form = direct_request(server.socket_path(host), "GET", "/logout", cookies);
    BOOST_TEST_REQUIRE(form.status == 200);
    return direct_request(server.socket_path(host), "POST", "/logout", cookies,
                          {{"csrf_token", input_value(form.body, "csrf_token")}});
}

// The sockets that answered `count` GETs of `path` through nginx, checking each answer with `check`.
std::multiset<std::string> upstreams_of(HttpClient& client, const std::string& path, int count,
                                        const std::function<void(const HttpResponse&)>& check) {
    std::multiset<std::string> seen;
    for (int i = 0; i < count; ++i) {
        auto response = client.get(path);
        check(response);
        seen.insert(response.header("X-Upstream"));
    }
    return seen;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_hosts, *boost::unit_test::precondition(postgres_available))

BOOST_AUTO_TEST_CASE(a_login_on_one_host_is_seen_on_the_other_and_a_logout_on_either_ends_it_on_both) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    PostgresSite site(2);
    const TestServer& server = *site.server;
    const std::set<std::string> both = {"unix:" + server.socket_path(0), "unix:" + server.socket_path(1)};
    Account account = unique_account("twohosts");
    HttpClient registrar(server.base_url());
    BOOST_TEST_REQUIRE(register_account(registrar, account).status == 302);

    for (int out_host : {1, 0}) {
        int in_host = 1 - out_host;
        BOOST_TEST_CONTEXT("log in on host " << in_host << ", log out on host " << out_host) {
            Cookies cookies;
            auto logged_in = direct_log_in(server, out_host, in_host, cookies, account);
            BOOST_TEST_REQUIRE(logged_in.status == 302);
            BOOST_TEST(logged_in.location == "/dashboard");
            BOOST_TEST_REQUIRE(!cookies["session"].empty());

            // Each host, asked directly, shows the dashboard of this session.
            for (int host : {0, 1}) {
                auto dashboard = direct_request(server.socket_path(host), "GET", "/dashboard", cookies);
                BOOST_TEST(dashboard.status == 200, "host " << host);
                BOOST_TEST(contains(dashboard.body, account.username), "host " << host);
            }
            // Through nginx, round robin reaches both hosts, and every page is the user's.
            HttpClient browser(server.base_url());
            browser.cookies = cookies;
            auto seen = upstreams_of(browser, "/profile", 6, [&](const HttpResponse& response) {
                BOOST_TEST(response.status == 200);
                BOOST_TEST(contains(response.body, account.username));
            });
            BOOST_TEST(std::set<std::string>(seen.begin(), seen.end()) == both);
            cookies = browser.cookies;

            auto out = direct_log_out(server, out_host, cookies);
            BOOST_TEST(out.status == 302);
            BOOST_TEST(out.location == "/login");
            // The flash travels in a cookie signed with the shared key: the other host shows it.
            auto login_page = direct_request(server.socket_path(in_host), "GET", "/login", cookies);
            BOOST_TEST(count_of(login_page.body, flash_html("info", "You have been logged out.")) == 1u);

            // Both hosts, directly and through nginx, see the session ended (the old cookie too).
            Cookies old_cookies = {{"session", browser.cookies["session"]}};
            for (int host : {0, 1}) {
                for (Cookies* jar : {&cookies, &old_cookies}) {
                    auto dashboard = direct_request(server.socket_path(host), "GET", "/dashboard", *jar);
                    BOOST_TEST(dashboard.status == 302, "host " << host);
                    BOOST_TEST(dashboard.location == "/login?next=%2Fdashboard", "host " << host);
                }
            }
            HttpClient after(server.base_url());
            after.cookies = old_cookies;
            seen = upstreams_of(after, "/dashboard", 4, [](const HttpResponse& response) {
                BOOST_TEST(response.status == 302);
                BOOST_TEST(response.header("Location") == "/login?next=%2Fdashboard");
            });
            BOOST_TEST(std::set<std::string>(seen.begin(), seen.end()) == both);
        }
    }
    BOOST_TEST(site.postgres.scalar("SELECT count(*) FROM authgate_session") == "0");
}

BOOST_AUTO_TEST_CASE(parallel_wrong_logins_over_both_hosts_are_throttled_as_on_one) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    constexpr int kFree = 4;       // --login-free-failures
    constexpr int kParallel = 12;  // wrong logins at once, spread over both hosts by nginx
    // Eight workers per host, so that every request of the burst may wait for the hash pool.
    PostgresSite site(2, {"--login-free-failures", std::to_string(kFree), "--login-address-free-failures", "1000",
                          "--threads", "8", "--hash-wait-seconds", "30"});
    const TestServer& server = *site.server;
    Account account = unique_account("pgthrottle");
    HttpClient registrar(server.base_url());
    BOOST_TEST_REQUIRE(register_account(registrar, account).status == 302);

    std::vector<HttpClient> clients;
    std::vector<std::string> tokens;
    for (int i = 0; i < kParallel; ++i) {
        clients.emplace_back(server.base_url());
        tokens.push_back(csrf_token_of(clients.back(), "/login"));
        BOOST_TEST_REQUIRE(!tokens.back().empty());
    }
    std::vector<HttpResponse> answers(kParallel);
    auto errors = run_at_once(kParallel, [&](int i) {
        answers[i] = clients[i].post(
            "/login", {{"csrf_token", tokens[i]}, {"email", account.email}, {"password", "not-the-password-at-all"}});
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);

    int evaluated = 0, throttled = 0, busy = 0;
    std::set<std::string> hosts_used;
    for (const auto& answer : answers) {
        hosts_used.insert(answer.header("X-Upstream"));
        if (answer.status == 422) {
            ++evaluated;
            BOOST_TEST(contains(answer.body, flash_html("error", "Invalid email or password")));
            continue;
        }
        BOOST_TEST((answer.status == 429 || answer.status == 503), "status " << answer.status);
        BOOST_TEST(!answer.header("Retry-After").empty(), "status " << answer.status << " without Retry-After");
        (answer.status == 429 ? throttled : busy) += 1;
    }
    BOOST_TEST_MESSAGE("evaluated " << evaluated << ", throttled " << throttled << ", busy " << busy);
    BOOST_TEST(hosts_used.size() == 2u, "both hosts answered part of the burst");
    // The free failures, and at most one more at the same moment, as on one host (see
    // throttle_race_test); a busy answer is uncounted and may take the place of a free one.
    BOOST_TEST(evaluated <= kFree + 1);
    BOOST_TEST(evaluated + busy >= kFree, "a free failure was throttled");
    BOOST_TEST(site.postgres.scalar("SELECT count(*) FROM authgate_attempt WHERE kind = 'login_account' AND key = :'p1'",
                                    {lower(account.email)}) == std::to_string(evaluated));
    std::size_t failures = count_of(server.authgate_log(0), "event=login_failure ") +
                           count_of(server.authgate_log(1), "event=login_failure ");
    BOOST_TEST(failures == static_cast<std::size_t>(evaluated));
}

BOOST_AUTO_TEST_CASE(a_remember_chain_rotated_on_one_host_detects_theft_on_the_other) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    PostgresSite site(2);
    const TestServer& server = *site.server;
    Account account = unique_account("pgtheft");
    HttpClient registrar(server.base_url());
    BOOST_TEST_REQUIRE(register_account(registrar, account).status == 302);
    Cookies laptop;
    auto form = direct_request(server.socket_path(0), "GET", "/login", laptop);
    auto logged_in = direct_request(server.socket_path(0), "POST", "/login", laptop,
                                    {{"email", account.email}, {"password", account.password}, {"remember", "on"},
                                     {"csrf_token", input_value(form.body, "csrf_token")}});
    BOOST_TEST_REQUIRE(logged_in.status == 302);
    const std::string old_value = laptop["remember_token"];
    BOOST_TEST_REQUIRE(!old_value.empty());
    const std::string selector = old_value.substr(0, old_value.find(':'));

    // The owner comes back on host 1: a new session, the validator rotated.
    Cookies owner = {{"remember_token", old_value}};
    BOOST_TEST_REQUIRE(direct_request(server.socket_path(1), "GET", "/dashboard", owner).status == 200);
    BOOST_TEST(owner["remember_token"] != old_value);
    // The old value on host 0 within the grace window (a second tab): let in, no alarm.
    Cookies tab = {{"remember_token", old_value}};
    BOOST_TEST(direct_request(server.socket_path(0), "GET", "/dashboard", tab).status == 200);
    // After the grace window the old value is theft, whichever host sees it.
    site.postgres.query("UPDATE authgate_remember SET rotated_at = rotated_at - 3600 WHERE selector = :'p1'", {selector});
    Cookies thief = {{"remember_token", old_value}};
    auto stolen = direct_request(server.socket_path(0), "GET", "/dashboard", thief);
    BOOST_TEST(stolen.status == 302);
    BOOST_TEST(stolen.location == "/login?next=%2Fdashboard");
    BOOST_TEST(contains(server.authgate_log(0) + server.authgate_log(1), "event=remember_token_theft"));
    BOOST_TEST(site.postgres.scalar("SELECT count(*) FROM authgate_remember WHERE selector = :'p1'", {selector}) == "0");
    // The sessions opened from the chain ended on every host: the owner's (host 1) and the tab's.
    Cookies owner_session = {{"session", owner["session"]}};
    Cookies tab_session = {{"session", tab["session"]}};
    for (int host : {0, 1}) {
        BOOST_TEST(direct_request(server.socket_path(host), "GET", "/dashboard", owner_session).status == 302);
        BOOST_TEST(direct_request(server.socket_path(host), "GET", "/dashboard", tab_session).status == 302);
    }
}

BOOST_AUTO_TEST_CASE(the_idle_and_absolute_session_limits_hold_on_both_hosts) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    PostgresSite site(2, {"--session-idle-minutes", "1", "--session-absolute-hours", "1"});
    const TestServer& server = *site.server;
    Account account = unique_account("pglimits");
    HttpClient registrar(server.base_url());
    BOOST_TEST_REQUIRE(register_account(registrar, account).status == 302);
    const std::string now = "extract(epoch from now())::bigint";
    for (const char* limit : {"idle", "absolute"}) {
        BOOST_TEST_CONTEXT("the " << limit << " limit") {
            Cookies cookies;
            BOOST_TEST_REQUIRE(direct_log_in(server, 0, 0, cookies, account).status == 302);
            std::string hash = sha256_hex(cookies["session"]);
            bool idle = std::string(limit) == "idle";
            // Within the limit on host 1, then past it on host 0.
            std::string within = idle ? "UPDATE authgate_session SET last_seen_at = " + now + " - 30"
                                      : "UPDATE authgate_session SET created_at = " + now + " - 3000, last_seen_at = " + now;
            std::string past = idle ? "UPDATE authgate_session SET last_seen_at = " + now + " - 90"
                                    : "UPDATE authgate_session SET created_at = " + now + " - 3700, last_seen_at = " + now;
            BOOST_TEST_REQUIRE(site.postgres.scalar(within + " WHERE token_hash = :'p1' RETURNING 1", {hash}) == "1");
            BOOST_TEST(direct_request(server.socket_path(1), "GET", "/dashboard", cookies).status == 200);
            BOOST_TEST_REQUIRE(site.postgres.scalar(past + " WHERE token_hash = :'p1' RETURNING 1", {hash}) == "1");
            auto expired = direct_request(server.socket_path(0), "GET", "/dashboard", cookies);
            BOOST_TEST(expired.status == 302);
            BOOST_TEST(expired.location == "/login?next=%2Fdashboard");
            BOOST_TEST(direct_request(server.socket_path(1), "GET", "/dashboard", cookies).status == 302);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
