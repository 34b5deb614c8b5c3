// attempt_repository.cpp -- recent login attempts and registrations, for throttling.
#include "store/sqlite/sqlite_store.h"

namespace authgate::store::sqlite {

std::int64_t SqliteAttemptRepository::record(const std::string& kind, const std::string& key, std::int64_t now) {
    db_.prepare("INSERT INTO authgate_attempt (kind, key, at) VALUES (?, ?, ?)")
        .bind(1, kind).bind(2, key).bind(3, now).run();
    return db_.last_insert_rowid();
}

AttemptStats SqliteAttemptRepository::since(const std::string& kind, const std::string& key, std::int64_t since) {
    auto row = db_.prepare("SELECT count(*), coalesce(max(at), 0) FROM authgate_attempt WHERE kind = ? AND key = ? AND at >= ?");
    row.bind(1, kind).bind(2, key).bind(3, since);
    if (!row.step()) return {};
    return {row.column_int64(0), row.column_int64(1)};
}

void SqliteAttemptRepository::remove(std::int64_t attempt_id) {
    db_.prepare("DELETE FROM authgate_attempt WHERE id = ?").bind(1, attempt_id).run();
}

void SqliteAttemptRepository::clear(const std::string& kind, const std::string& key) {
    db_.prepare("DELETE FROM authgate_attempt WHERE kind = ? AND key = ?").bind(1, kind).bind(2, key).run();
}

std::int64_t SqliteAttemptRepository::prune(std::int64_t before) {
    db_.prepare("DELETE FROM authgate_attempt WHERE at < ?").bind(1, before).run();
    return db_.changes();
}

}  // namespace authgate::store::sqlite
