// auth_hash_pool_test.cpp -- the hash pool: bounded admission, dropping jobs that cannot start in
// time, never more jobs at once than threads, exceptions passed on, and inline running.
#include <boost/test/unit_test.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "auth/hash_pool.h"

namespace auth = authgate::auth;
using std::chrono::milliseconds;

namespace {

// A gate jobs wait at until the test opens it.
class Gate {
public:
    void wait() {
        std::unique_lock<std::mutex> lock(mutex_);
        ++waiting_;
        changed_.notify_all();
        changed_.wait(lock, [this] { return open_; });
    }
    void open() {
        std::lock_guard<std::mutex> lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }
    // Blocks until `n` jobs wait at the gate (false when that did not happen within 30 s).
    bool await_waiting(int n) {
        std::unique_lock<std::mutex> lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(30), [&] { return waiting_ >= n; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int waiting_ = 0;
    bool open_ = false;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_hash_pool)

BOOST_AUTO_TEST_CASE(no_more_than_max_in_login_requests_are_admitted_or_waiting) {
    auth::HashPool pool(1, 1, 1, milliseconds(50));
    auto first = pool.admit();
    BOOST_REQUIRE(first);
    BOOST_TEST(!pool.admit(), "the one place is taken and nobody may wait");
    first.reset();
    BOOST_TEST(pool.admit().has_value(), "released places are given again");
}

BOOST_AUTO_TEST_CASE(a_waiting_request_is_admitted_when_a_place_frees_up) {
    auth::HashPool pool(1, 1, 2, milliseconds(20000));
    auto first = pool.admit();
    BOOST_REQUIRE(first);
    auto waiter = std::async(std::launch::async, [&] { return pool.admit().has_value(); });
    BOOST_TEST((waiter.wait_for(milliseconds(100)) == std::future_status::timeout), "it waits while the place is held");
    first.reset();
    BOOST_TEST(waiter.get());
}

BOOST_AUTO_TEST_CASE(a_request_not_admitted_within_max_wait_is_refused) {
    auth::HashPool pool(1, 1, 3, milliseconds(100));
    auto first = pool.admit();
    BOOST_REQUIRE(first);
    BOOST_TEST(!pool.admit(), "a place for waiting, but none freed within max_wait");
    BOOST_TEST(pool.retry_after_seconds() == 1);
    BOOST_TEST(auth::HashPool(1, 1, 1, milliseconds(2500)).retry_after_seconds() == 3);
}

BOOST_AUTO_TEST_CASE(a_job_that_cannot_start_within_max_wait_is_dropped_and_never_runs) {
    std::atomic<bool> late_ran{false};
    Gate gate;
    {
        auth::HashPool pool(1, 2, 2, milliseconds(1000));
        auto blocker_admission = pool.admit();
        auto late_admission = pool.admit();
        BOOST_REQUIRE(blocker_admission && late_admission);
        auto blocker = std::async(std::launch::async, [&] { return pool.run(*blocker_admission, [&] { gate.wait(); }); });
        bool busy = gate.await_waiting(1);  // the only thread is busy
        if (busy) BOOST_TEST(!pool.run(*late_admission, [&] { late_ran = true; }));
        gate.open();
        BOOST_TEST(blocker.get());
        BOOST_TEST(busy, "the first job started");
    }  // the pool's thread has finished everything it would ever run
    BOOST_TEST(!late_ran.load());
}

BOOST_AUTO_TEST_CASE(jobs_never_run_on_more_threads_than_the_pool_has) {
    const int callers = 8;
    auth::HashPool pool(2, callers, callers, milliseconds(60000));
    std::atomic<int> running{0}, most{0}, finished{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < callers; ++i) {
        threads.emplace_back([&] {
            auto admission = pool.admit();
            if (!admission) return;
            bool ran = pool.run(*admission, [&] {
                int now = ++running;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(milliseconds(20));
                --running;
            });
            if (ran) ++finished;
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(finished.load() == callers);
    BOOST_TEST(most.load() <= 2);
    BOOST_TEST(most.load() >= 1);
}

BOOST_AUTO_TEST_CASE(an_exception_from_a_job_passes_on_to_the_caller) {
    auth::HashPool pool(1, 1, 1, milliseconds(20000));
    {
        auto admission = pool.admit();
        BOOST_REQUIRE(admission);
        BOOST_CHECK_THROW(pool.run(*admission, [] { throw std::runtime_error("hash failed"); }), std::runtime_error);
    }
    auto admission = pool.admit();
    BOOST_REQUIRE(admission);
    bool ran = false;
    BOOST_TEST(pool.run(*admission, [&] { ran = true; }), "the pool keeps working");
    BOOST_TEST(ran);
}

BOOST_AUTO_TEST_CASE(without_threads_jobs_run_inline_on_the_callers_thread) {
    auth::HashPool pool(0, 1, 1, milliseconds(10));
    auto admission = pool.admit();
    BOOST_REQUIRE(admission);
    std::thread::id ran_on;
    BOOST_TEST(pool.run(*admission, [&] { ran_on = std::this_thread::get_id(); }));
    BOOST_TEST((ran_on == std::this_thread::get_id()));
    BOOST_CHECK_THROW(pool.run(*admission, [] { throw std::logic_error("inline"); }), std::logic_error);
}

BOOST_AUTO_TEST_SUITE_END()
