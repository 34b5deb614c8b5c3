// outbox_repository.h -- mail waiting to be sent, written in the transaction of the change that causes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace authgate::store {

// One queued message: the envelope and the complete MIME text.
struct OutboxRecord {
    std::int64_t id = 0;
    std::string sender;     // envelope sender (MAIL FROM)
    std::string recipient;  // envelope recipient (RCPT TO)
    std::string message;    // the whole message, headers and body, CRLF line ends
    std::optional<std::int64_t> user_id;
    std::int64_t created_at = 0;
    std::int64_t attempts = 0;
    std::int64_t next_attempt_at = 0;
    std::optional<std::int64_t> claimed_until;  // a sender is working on it until then
    std::string last_error;
};

class OutboxRepository {
public:
    virtual ~OutboxRepository() = default;
    // Queues a message for sending at once; returns its id.
    virtual std::int64_t add(const OutboxRecord& record) = 0;
    // Marks up to `limit` due, unclaimed messages as claimed until `claimed_until` and returns them.
    // Called in a write transaction, so two senders never claim the same row.
    virtual std::vector<OutboxRecord> claim_due(std::int64_t now, std::int64_t claimed_until, int limit) = 0;
    // A message was delivered: it leaves the queue.
    virtual void remove(std::int64_t id) = 0;
    // A delivery failed: counts the attempt, keeps `error` and schedules the next try.
    virtual void defer(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) = 0;
    // Every queued message, oldest first (for authgate-admin mail queue).
    virtual std::vector<OutboxRecord> list() = 0;
    // Drops the queued mail of an account that is being deleted.
    virtual void remove_for_user(std::int64_t user_id) = 0;
};

}  // namespace authgate::store
