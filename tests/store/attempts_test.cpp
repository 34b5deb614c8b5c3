// attempts_test.cpp -- throttle counts on both backends: counting since a time, pruning, and a
// check-then-insert in write transactions from many threads and two hosts that never passes its limit.
#include <boost/test/unit_test.hpp>
#include <atomic>

#include "backend.h"
#include "support/parallel.h"

namespace store = authgate::store;
using authgate::test::run_at_once;
using store::Access;
using store::Repositories;

AUTHGATE_STORE_CASE(attempts_are_counted_since_a_time_forgotten_and_pruned) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        r.attempts.record("login_account", "a@x.io", 100);
        auto second = r.attempts.record("login_account", "a@x.io", 200);
        r.attempts.record("login_account", "a@x.io", 300);
        r.attempts.record("login_address", "192.0.2.1", 250);
        r.attempts.record("login_account", "b@x.io", 400);
        auto all = r.attempts.since("login_account", "a@x.io", 0);
        BOOST_TEST(all.count == 3);
        BOOST_TEST(all.last_at == 300);
        auto recent = r.attempts.since("login_account", "a@x.io", 200);
        BOOST_TEST(recent.count == 2, "at or after `since`");
        BOOST_TEST(r.attempts.since("login_account", "a@x.io", 301).count == 0);
        BOOST_TEST(r.attempts.since("login_address", "192.0.2.1", 0).count == 1);
        BOOST_TEST(r.attempts.since("register_address", "192.0.2.1", 0).count == 0);
        r.attempts.remove(second);
        BOOST_TEST(r.attempts.since("login_account", "a@x.io", 0).count == 2);
        BOOST_TEST(r.attempts.prune(260) == 2, "the attempts at 100 and 250");
        BOOST_TEST(r.attempts.since("login_account", "a@x.io", 0).count == 1);
        r.attempts.clear("login_account", "a@x.io");
        BOOST_TEST(r.attempts.since("login_account", "a@x.io", 0).count == 0);
        BOOST_TEST(r.attempts.since("login_account", "b@x.io", 0).count == 1, "another key stays");
    });
}

AUTHGATE_STORE_CASE(check_then_insert_from_eight_threads_on_two_hosts_never_passes_the_limit) {
    constexpr int kThreads = 8;
    constexpr int kTriesEach = 15;
    constexpr std::int64_t kLimit = 25;
    // Each thread has its own store (connection), as each worker of each host has; even threads
    // play host A and odd ones host B, which makes no difference to the database.
    std::vector<std::unique_ptr<store::Store>> stores;
    for (int i = 0; i < kThreads; ++i) stores.push_back(backend.open());
    std::atomic<int> granted{0};
    auto errors = run_at_once(kThreads, [&](int thread) {
        for (int attempt = 0; attempt < kTriesEach; ++attempt) {
            bool got = stores[thread]->transaction(Access::write, [&](Repositories& r) {
                if (r.attempts.since("login_account", "shared@x.io", 0).count >= kLimit) return false;
                r.attempts.record("login_account", "shared@x.io", 1000 + attempt);
                return true;
            });
            if (got) ++granted;
        }
    });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    auto stored = stores[0]->transaction(Access::read, [](Repositories& r) {
        return r.attempts.since("login_account", "shared@x.io", 0).count;
    });
    BOOST_TEST(stored == kLimit, "rows recorded");
    BOOST_TEST(granted.load() == kLimit, "transactions that saw room");
}
