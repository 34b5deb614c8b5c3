// hash_pool.h -- password hashing on a few low-priority threads, with bounded admission and waiting.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace authgate::auth {

// CPU-heavy hashing runs here, never on more threads than the pool has, and at a lower CPU priority
// than the request workers: page views keep flowing while logins hash. A request that wants to hash
// is first admitted (at most `max_in_flight` at once, counted until its answer is ready, padding
// included; a request waits up to `max_wait` for admission, but never more than `max_in_login`
// requests are admitted or waiting, so the other request workers stay free for pages), then queued;
// a job that cannot start within `max_wait` is dropped unstarted.
class HashPool {
public:
    // `threads` hashing threads (0: jobs run on the caller's thread, as a one-request CGI process
    // wants); 1 <= `max_in_flight` <= `max_in_login`.
    HashPool(unsigned threads, unsigned max_in_flight, unsigned max_in_login, std::chrono::milliseconds max_wait);
    ~HashPool();
    HashPool(const HashPool&) = delete;
    HashPool& operator=(const HashPool&) = delete;

    // Counts one request as in flight for its lifetime.
    class Admission {
    public:
        explicit Admission(HashPool& pool) : pool_(&pool) {}
        Admission(Admission&& other) noexcept : pool_(other.pool_) { other.pool_ = nullptr; }
        Admission(const Admission&) = delete;
        Admission& operator=(const Admission&) = delete;
        Admission& operator=(Admission&&) = delete;
        ~Admission();

    private:
        HashPool* pool_;
    };

    // An admission, waiting up to max_wait for one; nullopt when none came, or at once when
    // max_in_login requests are already admitted or waiting.
    std::optional<Admission> admit();

    // Runs `job` on a hashing thread and waits for it to finish. False (and `job` never runs) when it
    // could not start within max_wait. An exception from `job` passes on to the caller.
    bool run(const Admission& admission, const std::function<void()>& job);

    // Seconds a refused client should wait before trying again.
    long retry_after_seconds() const;

private:
    struct Task;
    void work();

    std::chrono::milliseconds max_wait_;
    unsigned max_in_flight_;
    unsigned max_in_login_;
    std::mutex mutex_;
    std::condition_variable queued_;
    std::condition_variable admitted_;
    unsigned waiting_ = 0;
    std::deque<std::shared_ptr<Task>> queue_;
    unsigned in_flight_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace authgate::auth
