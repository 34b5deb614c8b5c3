// postgresql_mail_test.cpp -- two authgate hosts on one PostgreSQL database share one outbox: every
// mail queued by either host is delivered exactly once, by one of them.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <curl/curl.h>
#include <dirent.h>
#include <map>
#include <set>
#include <sys/stat.h>
#include <thread>

#include "postgres_site.h"
#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/parallel.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

using namespace std::chrono_literals;

// A sendmail stand-in: each run (`-i -f FROM -- RECIPIENT`, the message on stdin) leaves one file
// in `dir` whose first line is the recipient. Returns its path.
std::string write_sendmail(const std::string& dir) {
    std::string path = dir + "/sendmail";
    write_file(path, "#!/bin/sh\n"
                     "# sendmail of the test: one file per delivery, the recipient on its first line\n"
                     "out=$(mktemp " + dir + "/delivered-XXXXXX)\n"
                     "{ printf '%s\\n' \"$5\"; cat; } > \"$out\"\n");
    chmod(path.c_str(), 0755);
    return path;
}

// The recipients of the deliveries so far, one entry per delivery.
std::vector<std::string> deliveries(const std::string& dir) {
    std::vector<std::string> recipients;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* entry = readdir(d)) {
            std::string name = entry->d_name;
            if (name.rfind("delivered-", 0) != 0) continue;
            std::string text = read_file(dir + "/" + name);
            recipients.push_back(text.substr(0, text.find('\n')));
        }
        closedir(d);
    }
    return recipients;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_mail, *boost::unit_test::precondition(postgres_available))

BOOST_AUTO_TEST_CASE(mail_queued_on_two_hosts_is_delivered_once_each) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    constexpr int kAccounts = 10;
    TempDir mail;
    std::string sendmail = write_sendmail(mail.path());
    PostgresSite site(2, {"--public-url", "https://auth.example.test", "--mail-from", "noreply@example.test",
                          "--sendmail", sendmail, "--mail-retry-seconds", "1", "--threads", "8",
                          "--hash-wait-seconds", "30"});
    const TestServer& server = *site.server;

    // Registrations at once, spread over both hosts by nginx: each queues a verification mail.
    std::vector<Account> accounts;
    for (int i = 0; i < kAccounts; ++i) accounts.push_back(unique_account("pgmail"));
    std::vector<long> statuses(kAccounts);
    std::vector<std::string> hosts(kAccounts);
    auto errors = run_at_once(kAccounts, [&](int i) {
        HttpClient client(server.base_url());
        auto response = register_account(client, accounts[i]);
        statuses[i] = response.status;
        hosts[i] = response.header("X-Upstream");
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    for (int i = 0; i < kAccounts; ++i) BOOST_TEST(statuses[i] == 302, accounts[i].email);
    BOOST_TEST(std::set<std::string>(hosts.begin(), hosts.end()).size() == 2u, "both hosts registered accounts");

    // Wait (bounded) until the shared outbox is empty: both senders are then done with it.
    std::string queued;
    for (int tries = 0; tries < 300; ++tries) {
        queued = site.postgres.scalar("SELECT count(*) FROM authgate_outbox");
        if (queued == "0" && deliveries(mail.path()).size() >= static_cast<std::size_t>(kAccounts)) break;
        std::this_thread::sleep_for(100ms);
    }
    BOOST_TEST_REQUIRE(queued == "0", "mail still queued: " << server.authgate_log(0) << server.authgate_log(1));
    std::this_thread::sleep_for(1500ms);  // a sender that claimed a row twice would have delivered by now
    std::map<std::string, int> per_recipient;
    for (const auto& recipient : deliveries(mail.path())) ++per_recipient[recipient];
    for (const auto& account : accounts)
        BOOST_TEST(per_recipient[account.email] == 1, account.email << " got " << per_recipient[account.email]);
    BOOST_TEST(per_recipient.size() == static_cast<std::size_t>(kAccounts));
}

BOOST_AUTO_TEST_SUITE_END()
