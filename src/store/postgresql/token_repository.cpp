// token_repository.cpp -- mailed single-use tokens in authgate_token.
#include "store/postgresql/repositories.h"

namespace authgate::store::postgresql {

void PgTokenRepository::create(const TokenRecord& record) {
    db_.run("INSERT INTO authgate_token (token_hash, purpose, user_id, email, password_hash, new_email, created_at, "
            "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            {record.token_hash, record.purpose, record.user_id, record.email, record.password_hash, record.new_email,
             record.created_at, record.expires_at});
}

std::optional<TokenRecord> PgTokenRepository::find(const std::string& token_hash) {
    auto row = db_.run("SELECT token_hash, purpose, user_id, email, password_hash, new_email, created_at, expires_at "
                       "FROM authgate_token WHERE token_hash = $1",
                       {token_hash});
    if (row.empty()) return std::nullopt;
    TokenRecord record;
    record.token_hash = row.text(0, 0);
    record.purpose = row.text(0, 1);
    record.user_id = row.int64(0, 2);
    record.email = row.text(0, 3);
    record.password_hash = row.text(0, 4);
    record.new_email = row.text(0, 5);
    record.created_at = row.int64(0, 6);
    record.expires_at = row.int64(0, 7);
    return record;
}

void PgTokenRepository::remove(const std::string& token_hash) {
    db_.run("DELETE FROM authgate_token WHERE token_hash = $1", {token_hash});
}

void PgTokenRepository::remove_for_user(std::int64_t user_id, const std::string& purpose) {
    db_.run("DELETE FROM authgate_token WHERE user_id = $1 AND ($2::text = '' OR purpose = $2)", {user_id, purpose});
}

void PgTokenRepository::remove_expired(std::int64_t now) {
    db_.run("DELETE FROM authgate_token WHERE expires_at < $1", {now});
}

}  // namespace authgate::store::postgresql
