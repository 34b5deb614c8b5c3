// outbox_repository.cpp -- the mail queue in authgate_outbox.
#include "store/postgresql/repositories.h"

namespace authgate::store::postgresql {

namespace {

#define AUTHGATE_PG_OUTBOX_COLUMNS \
    "id, sender, recipient, message, user_id, created_at, attempts, next_attempt_at, claimed_until, last_error"

OutboxRecord read_outbox(const Result& rows, int i) {
    OutboxRecord record;
    record.id = rows.int64(i, 0);
    record.sender = rows.text(i, 1);
    record.recipient = rows.text(i, 2);
    record.message = rows.text(i, 3);
    if (!rows.is_null(i, 4)) record.user_id = rows.int64(i, 4);
    record.created_at = rows.int64(i, 5);
    record.attempts = rows.int64(i, 6);
    record.next_attempt_at = rows.int64(i, 7);
    if (!rows.is_null(i, 8)) record.claimed_until = rows.int64(i, 8);
    record.last_error = rows.text(i, 9);
    return record;
}

}  // namespace

std::int64_t PgOutboxRepository::add(const OutboxRecord& record) {
    return db_.run("INSERT INTO authgate_outbox (sender, recipient, message, user_id, created_at, next_attempt_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                   {record.sender, record.recipient, record.message, record.user_id, record.created_at,
                    record.next_attempt_at})
        .int64(0, 0);
}

std::vector<OutboxRecord> PgOutboxRepository::claim_due(std::int64_t now, std::int64_t claimed_until, int limit) {
    // Run under the write lock (Access::write): no other host claims between the SELECT and the UPDATEs.
    std::vector<OutboxRecord> due;
    auto rows = db_.run("SELECT " AUTHGATE_PG_OUTBOX_COLUMNS " FROM authgate_outbox WHERE next_attempt_at <= $1 "
                        "AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY next_attempt_at, id LIMIT $2",
                        {now, limit});
    for (int i = 0; i < rows.rows(); ++i) due.push_back(read_outbox(rows, i));
    for (auto& record : due) {
        db_.run("UPDATE authgate_outbox SET claimed_until = $1 WHERE id = $2", {claimed_until, record.id});
        record.claimed_until = claimed_until;
    }
    return due;
}

void PgOutboxRepository::remove(std::int64_t id) {
    db_.run("DELETE FROM authgate_outbox WHERE id = $1", {id});
}

void PgOutboxRepository::defer(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) {
    db_.run("UPDATE authgate_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, "
            "claimed_until = NULL WHERE id = $3",
            {error.substr(0, 500), next_attempt_at, id});
}

std::vector<OutboxRecord> PgOutboxRepository::list() {
    std::vector<OutboxRecord> all;
    auto rows = db_.run("SELECT " AUTHGATE_PG_OUTBOX_COLUMNS " FROM authgate_outbox ORDER BY created_at, id");
    for (int i = 0; i < rows.rows(); ++i) all.push_back(read_outbox(rows, i));
    return all;
}

void PgOutboxRepository::remove_for_user(std::int64_t user_id) {
    db_.run("DELETE FROM authgate_outbox WHERE user_id = $1", {user_id});
}

}  // namespace authgate::store::postgresql
