// outbox_sender.h -- the background thread that delivers the outbox, with retries and exponential backoff.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "mail/transport.h"
#include "store/store.h"

namespace authgate::mail {

// The defaults here are the only place they are declared.
struct RetrySettings {
    std::int64_t first_delay_seconds = 30;  // after the first failure; doubles per failure
    std::int64_t max_delay_seconds = 3600;
    std::int64_t claim_seconds = 300;       // a claimed message is retried by others after this
    int poll_seconds = 1;                   // how often the outbox is looked at
};

// The next try after `attempts` failures (1 for the first): first_delay * 2^(attempts-1), capped.
std::int64_t retry_delay(const RetrySettings& settings, std::int64_t attempts);

// Claims due messages in a write transaction (so that no other thread or process sends them
// too), sends each outside any transaction, then removes it or schedules its next try. Returns
// how many were delivered.
int deliver_due(store::Store& store, Transport& transport, const RetrySettings& settings, std::int64_t now);

class OutboxSender {
public:
    // Opens its own store on `database` (with `database_password`, see store::open_store) when
    // started, and again after a store failure.
    OutboxSender(std::string database, Transport& transport, RetrySettings settings,
                 std::function<void(const std::string&)> log, std::string database_password = {});
    ~OutboxSender();
    OutboxSender(const OutboxSender&) = delete;
    OutboxSender& operator=(const OutboxSender&) = delete;

    void start();
    // Asks the thread to look at the outbox now (after a request queued mail).
    void wake();
    // Stops and joins the thread (a message being sent is finished first).
    void stop();

private:
    void run();

    std::string database_;
    std::string database_password_;
    Transport& transport_;
    RetrySettings settings_;
    std::function<void(const std::string&)> log_;
    std::mutex mutex_;
    std::condition_variable wakeup_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace authgate::mail
