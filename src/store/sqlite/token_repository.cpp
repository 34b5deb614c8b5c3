// token_repository.cpp -- mailed single-use tokens in authgate_token.
#include "store/sqlite/mail_repositories.h"

namespace authgate::store::sqlite {

void SqliteTokenRepository::create(const TokenRecord& record) {
    db_.prepare("INSERT INTO authgate_token (token_hash, purpose, user_id, email, password_hash, new_email, "
                "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, record.token_hash).bind(2, record.purpose).bind(3, record.user_id).bind(4, record.email)
        .bind(5, record.password_hash).bind(6, record.new_email).bind(7, record.created_at)
        .bind(8, record.expires_at).run();
}

std::optional<TokenRecord> SqliteTokenRepository::find(const std::string& token_hash) {
    auto row = db_.prepare("SELECT token_hash, purpose, user_id, email, password_hash, new_email, created_at, "
                           "expires_at FROM authgate_token WHERE token_hash = ?");
    row.bind(1, token_hash);
    if (!row.step()) return std::nullopt;
    TokenRecord record;
    record.token_hash = row.column_text(0);
    record.purpose = row.column_text(1);
    record.user_id = row.column_int64(2);
    record.email = row.column_text(3);
    record.password_hash = row.column_text(4);
    record.new_email = row.column_text(5);
    record.created_at = row.column_int64(6);
    record.expires_at = row.column_int64(7);
    return record;
}

void SqliteTokenRepository::remove(const std::string& token_hash) {
    db_.prepare("DELETE FROM authgate_token WHERE token_hash = ?").bind(1, token_hash).run();
}

void SqliteTokenRepository::remove_for_user(std::int64_t user_id, const std::string& purpose) {
    db_.prepare("DELETE FROM authgate_token WHERE user_id = ?1 AND (?2 = '' OR purpose = ?2)")
        .bind(1, user_id).bind(2, purpose).run();
}

void SqliteTokenRepository::remove_expired(std::int64_t now) {
    db_.prepare("DELETE FROM authgate_token WHERE expires_at < ?").bind(1, now).run();
}

}  // namespace authgate::store::sqlite
