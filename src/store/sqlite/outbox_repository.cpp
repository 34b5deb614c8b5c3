// outbox_repository.cpp -- the mail queue in authgate_outbox.
#include "store/sqlite/mail_repositories.h"

namespace authgate::store::sqlite {

namespace {

#define AUTHGATE_OUTBOX_COLUMNS \
    "id, sender, recipient, message, user_id, created_at, attempts, next_attempt_at, claimed_until, last_error"

OutboxRecord read_outbox(Statement& row) {
    OutboxRecord record;
    record.id = row.column_int64(0);
    record.sender = row.column_text(1);
    record.recipient = row.column_text(2);
    record.message = row.column_text(3);
    if (!row.column_is_null(4)) record.user_id = row.column_int64(4);
    record.created_at = row.column_int64(5);
    record.attempts = row.column_int64(6);
    record.next_attempt_at = row.column_int64(7);
    if (!row.column_is_null(8)) record.claimed_until = row.column_int64(8);
    record.last_error = row.column_text(9);
    return record;
}

}  // namespace

std::int64_t SqliteOutboxRepository::add(const OutboxRecord& record) {
    auto insert = db_.prepare(
        "INSERT INTO authgate_outbox (sender, recipient, message, user_id, created_at, next_attempt_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, record.sender).bind(2, record.recipient).bind(3, record.message);
    if (record.user_id) insert.bind(4, *record.user_id); else insert.bind(4, nullptr);
    insert.bind(5, record.created_at).bind(6, record.next_attempt_at).run();
    return db_.last_insert_rowid();
}

std::vector<OutboxRecord> SqliteOutboxRepository::claim_due(std::int64_t now, std::int64_t claimed_until, int limit) {
    std::vector<OutboxRecord> due;
    {
        auto rows = db_.prepare("SELECT " AUTHGATE_OUTBOX_COLUMNS " FROM authgate_outbox WHERE next_attempt_at <= ? "
                                "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?");
        rows.bind(1, now).bind(2, now).bind(3, limit);
        while (rows.step()) due.push_back(read_outbox(rows));
    }
    for (auto& record : due) {
        db_.prepare("UPDATE authgate_outbox SET claimed_until = ? WHERE id = ?").bind(1, claimed_until).bind(2, record.id).run();
        record.claimed_until = claimed_until;
    }
    return due;
}

void SqliteOutboxRepository::remove(std::int64_t id) {
    db_.prepare("DELETE FROM authgate_outbox WHERE id = ?").bind(1, id).run();
}

void SqliteOutboxRepository::defer(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) {
    db_.prepare("UPDATE authgate_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
                "claimed_until = NULL WHERE id = ?")
        .bind(1, error.substr(0, 500)).bind(2, next_attempt_at).bind(3, id).run();
}

std::vector<OutboxRecord> SqliteOutboxRepository::list() {
    std::vector<OutboxRecord> all;
    auto rows = db_.prepare("SELECT " AUTHGATE_OUTBOX_COLUMNS " FROM authgate_outbox ORDER BY created_at, id");
    while (rows.step()) all.push_back(read_outbox(rows));
    return all;
}

void SqliteOutboxRepository::remove_for_user(std::int64_t user_id) {
    db_.prepare("DELETE FROM authgate_outbox WHERE user_id = ?").bind(1, user_id).run();
}

}  // namespace authgate::store::sqlite
