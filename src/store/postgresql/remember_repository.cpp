// remember_repository.cpp -- "remember me" chains (selector + SHA-256 of the current and previous validator).
#include "store/postgresql/repositories.h"

namespace authgate::store::postgresql {

void PgRememberRepository::create(const RememberRecord& record, std::int64_t now) {
    db_.run("INSERT INTO authgate_remember (selector, validator_hash, user_id, created_at, expires_at) "
            "VALUES ($1, $2, $3, $4, $5)",
            {record.selector, record.validator_hash, record.user_id, now, record.expires_at});
}

std::optional<RememberRecord> PgRememberRepository::find(const std::string& selector) {
    auto row = db_.run("SELECT selector, validator_hash, user_id, expires_at, previous_validator_hash, rotated_at "
                       "FROM authgate_remember WHERE selector = $1",
                       {selector});
    if (row.empty()) return std::nullopt;
    RememberRecord record{row.text(0, 0), row.text(0, 1), row.int64(0, 2), row.int64(0, 3), std::nullopt, std::nullopt};
    if (!row.is_null(0, 4)) record.previous_validator_hash = row.text(0, 4);
    if (!row.is_null(0, 5)) record.rotated_at = row.int64(0, 5);
    return record;
}

bool PgRememberRepository::rotate(const std::string& selector, const std::string& old_hash, const std::string& new_hash,
                                  std::int64_t now) {
    return db_.run("UPDATE authgate_remember SET validator_hash = $1, previous_validator_hash = validator_hash, "
                   "rotated_at = $2 WHERE selector = $3 AND validator_hash = $4",
                   {new_hash, now, selector, old_hash})
               .affected() == 1;
}

void PgRememberRepository::remove(const std::string& selector) {
    db_.run("DELETE FROM authgate_remember WHERE selector = $1", {selector});
}

void PgRememberRepository::remove_all_for_user(std::int64_t user_id) {
    db_.run("DELETE FROM authgate_remember WHERE user_id = $1", {user_id});
}

std::int64_t PgRememberRepository::remove_expired(std::int64_t now) {
    return db_.run("DELETE FROM authgate_remember WHERE expires_at <= $1", {now}).affected();
}

}  // namespace authgate::store::postgresql
