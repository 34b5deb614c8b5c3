// mail_test.cpp -- the outbox (each mail claimed by one sender only, even from two connections at
// once), single-use mailed tokens and the meta table, on both backends.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>

#include "backend.h"
#include "support/parallel.h"

namespace store = authgate::store;
using authgate::test::run_at_once;
using store::Access;
using store::Repositories;

namespace {

store::OutboxRecord mail_to(const std::string& recipient, std::int64_t now) {
    store::OutboxRecord record;
    record.sender = "noreply@example.test";
    record.recipient = recipient;
    record.message = "Subject: hello\r\n\r\nbody for " + recipient + "\r\n";
    record.created_at = now;
    record.next_attempt_at = now;
    return record;
}

}  // namespace

AUTHGATE_STORE_CASE(queued_mail_is_claimed_deferred_and_removed) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        auto user = r.users.create("m@x.io", "max", "x$y$z", 1);
        auto first = r.outbox.add(mail_to("one@x.io", 100));
        auto with_user = mail_to("two@x.io", 100);
        with_user.user_id = user;
        auto second = r.outbox.add(with_user);
        r.outbox.add(mail_to("later@x.io", 500));  // not due before 500

        auto claimed = r.outbox.claim_due(200, 260, 10);
        BOOST_TEST_REQUIRE(claimed.size() == 2u);
        BOOST_TEST(claimed[0].id == first);
        BOOST_TEST(claimed[0].message == "Subject: hello\r\n\r\nbody for one@x.io\r\n");
        BOOST_TEST(claimed[0].sender == "noreply@example.test");
        BOOST_TEST(claimed[0].claimed_until.value_or(0) == 260);
        BOOST_TEST(claimed[1].user_id.value_or(0) == user);
        BOOST_TEST(r.outbox.claim_due(210, 270, 10).empty(), "claimed rows are not claimed again");
        r.outbox.defer(first, "421 try later", 300);
        r.outbox.remove(second);
        auto listed = r.outbox.list();
        BOOST_TEST_REQUIRE(listed.size() == 2u);
        BOOST_TEST(listed[0].id == first);
        BOOST_TEST(listed[0].attempts == 1);
        BOOST_TEST(listed[0].last_error == "421 try later");
        BOOST_TEST(listed[0].next_attempt_at == 300);
        BOOST_TEST(!listed[0].claimed_until.has_value());
        BOOST_TEST(r.outbox.claim_due(299, 400, 10).empty());
        BOOST_TEST(r.outbox.claim_due(300, 400, 10).size() == 1u);
        auto mine = mail_to("three@x.io", 100);
        mine.user_id = user;
        r.outbox.add(mine);
        r.outbox.remove_for_user(user);
        BOOST_TEST(r.outbox.list().size() == 2u);
    });
}

AUTHGATE_STORE_CASE(two_senders_claiming_at_once_never_claim_the_same_mail) {
    constexpr int kMails = 60;
    auto setup = backend.open();
    setup->transaction(Access::write, [](Repositories& r) {
        for (int i = 0; i < kMails; ++i) r.outbox.add(mail_to("r" + std::to_string(i) + "@x.io", 100));
    });
    std::vector<std::unique_ptr<store::Store>> senders;
    senders.push_back(backend.open());
    senders.push_back(backend.open());
    std::mutex mutex;
    std::vector<std::int64_t> claimed_ids;
    std::vector<int> claimed_by(2, 0);
    auto errors = run_at_once(2, [&](int sender) {
        for (;;) {
            auto batch = senders[sender]->transaction(Access::write, [](Repositories& r) {
                return r.outbox.claim_due(200, 10'000, 3);
            });
            if (batch.empty()) return;
            std::lock_guard<std::mutex> lock(mutex);
            for (const auto& record : batch) claimed_ids.push_back(record.id);
            claimed_by[sender] += static_cast<int>(batch.size());
        }
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    std::set<std::int64_t> distinct(claimed_ids.begin(), claimed_ids.end());
    BOOST_TEST(claimed_ids.size() == static_cast<std::size_t>(kMails), "every mail claimed once in all");
    BOOST_TEST(distinct.size() == static_cast<std::size_t>(kMails), "no mail claimed twice");
    BOOST_TEST_MESSAGE("claimed by sender 0: " << claimed_by[0] << ", by sender 1: " << claimed_by[1]);
}

AUTHGATE_STORE_CASE(a_mailed_token_is_found_once_and_removed_by_user_and_expiry) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        auto user = r.users.create("t@x.io", "tom", "hash$1$1", 1);
        r.tokens.create({"reset-hash", "reset", user, "t@x.io", "hash$1$1", "", 100, 1000});
        r.tokens.create({"verify-hash", "verify", user, "t@x.io", "hash$1$1", "", 100, 1000});
        r.tokens.create({"change-hash", "email_change", user, "t@x.io", "hash$1$1", "new@x.io", 100, 150});
        auto found = r.tokens.find("reset-hash");
        BOOST_TEST_REQUIRE(found.has_value());
        BOOST_TEST(found->purpose == "reset");
        BOOST_TEST(found->user_id == user);
        BOOST_TEST(found->email == "t@x.io");
        BOOST_TEST(found->password_hash == "hash$1$1");
        BOOST_TEST(found->expires_at == 1000);
        BOOST_TEST(r.tokens.find("change-hash")->new_email == "new@x.io");
        r.tokens.remove("reset-hash");
        BOOST_TEST(!r.tokens.find("reset-hash").has_value(), "single use");
        r.tokens.remove_expired(200);
        BOOST_TEST(!r.tokens.find("change-hash").has_value());
        BOOST_TEST(r.tokens.find("verify-hash").has_value());
        r.tokens.create({"reset-2", "reset", user, "t@x.io", "hash$1$1", "", 100, 1000});
        r.tokens.remove_for_user(user, "reset");
        BOOST_TEST(!r.tokens.find("reset-2").has_value());
        BOOST_TEST(r.tokens.find("verify-hash").has_value(), "another purpose stays");
        r.tokens.remove_for_user(user, "");
        BOOST_TEST(!r.tokens.find("verify-hash").has_value());
    });
}

AUTHGATE_STORE_CASE(a_token_used_from_two_hosts_at_once_is_taken_by_one) {
    auto setup = backend.open();
    setup->transaction(Access::write, [](Repositories& r) {
        auto user = r.users.create("t@x.io", "tom", "hash$1$1", 1);
        r.tokens.create({"once", "reset", user, "t@x.io", "hash$1$1", "", 100, 1000});
    });
    std::vector<std::unique_ptr<store::Store>> hosts;
    hosts.push_back(backend.open());
    hosts.push_back(backend.open());
    std::atomic<int> used{0};
    auto errors = run_at_once(2, [&](int host) {
        bool took = hosts[host]->transaction(Access::write, [](Repositories& r) {
            if (!r.tokens.find("once")) return false;
            r.tokens.remove("once");
            return true;
        });
        if (took) ++used;
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    BOOST_TEST(used.load() == 1);
}

AUTHGATE_STORE_CASE(meta_get_or_create_keeps_the_first_value_even_from_hosts_starting_together) {
    auto opened = backend.open();
    BOOST_TEST(opened->transaction(Access::write, [](Repositories& r) { return r.meta.get_or_create("k", "first"); }) ==
               "first");
    BOOST_TEST(opened->transaction(Access::write, [](Repositories& r) { return r.meta.get_or_create("k", "second"); }) ==
               "first");
    constexpr int kHosts = 4;
    std::vector<std::unique_ptr<store::Store>> hosts;
    for (int i = 0; i < kHosts; ++i) hosts.push_back(backend.open());
    std::vector<std::string> seen(kHosts);
    auto errors = run_at_once(kHosts, [&](int host) {
        seen[host] = hosts[host]->transaction(Access::write, [&](Repositories& r) {
            return r.meta.get_or_create("csrf_key", "key-of-host-" + std::to_string(host));
        });
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    for (int i = 1; i < kHosts; ++i) BOOST_TEST(seen[i] == seen[0]);
    BOOST_TEST(seen[0].rfind("key-of-host-", 0) == 0u);
}
