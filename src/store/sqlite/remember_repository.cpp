// remember_repository.cpp -- "remember me" chains (selector + SHA-256 of the current and previous validator).
#include "store/sqlite/sqlite_store.h"

namespace authgate::store::sqlite {

void SqliteRememberRepository::create(const RememberRecord& record, std::int64_t now) {
    db_.prepare("INSERT INTO authgate_remember (selector, validator_hash, user_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)")
        .bind(1, record.selector).bind(2, record.validator_hash).bind(3, record.user_id).bind(4, now)
        .bind(5, record.expires_at).run();
}

std::optional<RememberRecord> SqliteRememberRepository::find(const std::string& selector) {
    auto row = db_.prepare(
        "SELECT selector, validator_hash, user_id, expires_at, previous_validator_hash, rotated_at "
        "FROM authgate_remember WHERE selector = ?");
    row.bind(1, selector);
    if (!row.step()) return std::nullopt;
    RememberRecord record{row.column_text(0), row.column_text(1), row.column_int64(2), row.column_int64(3),
                          std::nullopt, std::nullopt};
    if (!row.column_is_null(4)) record.previous_validator_hash = row.column_text(4);
    if (!row.column_is_null(5)) record.rotated_at = row.column_int64(5);
    return record;
}

bool SqliteRememberRepository::rotate(const std::string& selector, const std::string& old_hash,
                                      const std::string& new_hash, std::int64_t now) {
    db_.prepare("UPDATE authgate_remember SET validator_hash = ?, previous_validator_hash = validator_hash, "
                "rotated_at = ? WHERE selector = ? AND validator_hash = ?")
        .bind(1, new_hash).bind(2, now).bind(3, selector).bind(4, old_hash).run();
    return db_.changes() == 1;
}

void SqliteRememberRepository::remove(const std::string& selector) {
    db_.prepare("DELETE FROM authgate_remember WHERE selector = ?").bind(1, selector).run();
}

void SqliteRememberRepository::remove_all_for_user(std::int64_t user_id) {
    db_.prepare("DELETE FROM authgate_remember WHERE user_id = ?").bind(1, user_id).run();
}

std::int64_t SqliteRememberRepository::remove_expired(std::int64_t now) {
    db_.prepare("DELETE FROM authgate_remember WHERE expires_at <= ?").bind(1, now).run();
    return db_.changes();
}

}  // namespace authgate::store::sqlite
