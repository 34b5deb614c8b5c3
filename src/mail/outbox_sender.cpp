// outbox_sender.cpp -- claim, send, settle; a down mail server delays mail, never a page.
#include "mail/outbox_sender.h"

#include <chrono>

#include "store/unix_time.h"

namespace authgate::mail {

std::int64_t retry_delay(const RetrySettings& settings, std::int64_t attempts) {
    std::int64_t delay = settings.first_delay_seconds;
    for (std::int64_t i = 1; i < attempts && delay < settings.max_delay_seconds; ++i) delay *= 2;
    return delay < settings.max_delay_seconds ? delay : settings.max_delay_seconds;
}

namespace {

Delivery deliver_batch(store::Store& store, Transport& transport, const RetrySettings& settings, std::int64_t now,
                       const std::function<void(const std::string&)>& report, bool& claimed_any) {
    auto due = store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        return repositories.outbox.claim_due(now, now + settings.claim_seconds, 20);
    });
    claimed_any = !due.empty();
    Delivery delivery;
    for (const auto& message : due) {
        std::string error;
        try {
            transport.send(message.sender, message.recipient, message.message);
        } catch (const std::exception& failure) {
            error = failure.what();
            if (error.empty()) error = "delivery failed";
        }
        store.transaction(store::Access::write, [&](store::Repositories& repositories) {
            if (error.empty())
                repositories.outbox.remove(message.id);
            else
                repositories.outbox.defer(message.id, error,
                                          store::unix_now() + retry_delay(settings, message.attempts + 1));
        });
        if (error.empty()) {
            ++delivery.delivered;
        } else {
            ++delivery.failed;
            if (report) report("message " + std::to_string(message.id) + " to " + message.recipient + ": " + error);
        }
    }
    return delivery;
}

}  // namespace

Delivery deliver_due(store::Store& store, Transport& transport, const RetrySettings& settings, std::int64_t now) {
    bool claimed_any = false;
    return deliver_batch(store, transport, settings, now, {}, claimed_any);
}

Delivery deliver_all_due(store::Store& store, Transport& transport, const RetrySettings& settings, std::int64_t now,
                         const std::function<void(const std::string&)>& report) {
    Delivery total;
    for (bool claimed_any = true; claimed_any;) {
        Delivery batch = deliver_batch(store, transport, settings, now, report, claimed_any);
        total.delivered += batch.delivered;
        total.failed += batch.failed;
    }
    return total;
}

OutboxSender::OutboxSender(std::string database, Transport& transport, RetrySettings settings,
                           std::function<void(const std::string&)> log, std::string database_password)
    : database_(std::move(database)),
      database_password_(std::move(database_password)),
      transport_(transport),
      settings_(settings),
      log_(std::move(log)) {}

OutboxSender::~OutboxSender() {
    stop();
}

void OutboxSender::start() {
    thread_ = std::thread([this] { run(); });
}

void OutboxSender::wake() {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
    wakeup_.notify_one();
}

void OutboxSender::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        wakeup_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
}

void OutboxSender::run() {
    std::unique_ptr<store::Store> store;
    bool reported = false;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wakeup_.wait_for(lock, std::chrono::seconds(settings_.poll_seconds), [this] { return stopping_ || woken_; });
            if (stopping_) return;
            woken_ = false;
        }
        try {
            if (!store) store = store::open_store(database_, database_password_);
            deliver_due(*store, transport_, settings_, store::unix_now());
            reported = false;
        } catch (const std::exception& error) {
            store.reset();
            if (!reported) log_(std::string("outbox: ") + error.what());
            reported = true;
        }
    }
}

}  // namespace authgate::mail
