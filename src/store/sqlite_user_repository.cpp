// sqlite_user_repository.cpp -- accounts in the Flask-compatible `user` table.
#include "store/sqlite_store.h"

namespace authgate::store {

namespace {

const char* const user_columns = "SELECT id, email, username, password_hash, active, created_at, last_login_at FROM user ";

UserRecord read_user(Statement& row) {
    UserRecord user;
    user.id = row.column_int64(0);
    user.email = row.column_text(1);
    user.username = row.column_text(2);
    user.password_hash = row.column_text(3);
    user.active = row.column_int64(4) != 0;
    if (!row.column_is_null(5)) user.created_at = row.column_int64(5);
    if (!row.column_is_null(6)) user.last_login_at = row.column_int64(6);
    return user;
}

}  // namespace

std::optional<UserRecord> SqliteUserRepository::find_by_email(const std::string& email) {
    auto row = db_.prepare(std::string(user_columns) +
                           "WHERE email = ?1 COLLATE NOCASE ORDER BY email = ?1 DESC, id LIMIT 1");
    row.bind(1, email);
    if (!row.step()) return std::nullopt;
    return read_user(row);
}

std::optional<UserRecord> SqliteUserRepository::find_by_id(std::int64_t id) {
    auto row = db_.prepare(std::string(user_columns) + "WHERE id = ?");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return read_user(row);
}

CreateUserResult SqliteUserRepository::create(const std::string& email, const std::string& username,
                                              const std::string& password_hash, std::int64_t now,
                                              std::int64_t& created_id) {
    Transaction transaction(db_);
    {
        auto taken = db_.prepare("SELECT 1 FROM user WHERE email = ? COLLATE NOCASE LIMIT 1");
        taken.bind(1, email);
        if (taken.step()) return CreateUserResult::duplicate_email;
    }
    {
        auto taken = db_.prepare("SELECT 1 FROM user WHERE username = ? COLLATE NOCASE LIMIT 1");
        taken.bind(1, username);
        if (taken.step()) return CreateUserResult::duplicate_username;
    }
    try {
        db_.prepare("INSERT INTO user (email, username, password_hash, created_at) VALUES (?, ?, ?, ?)")
            .bind(1, email).bind(2, username).bind(3, password_hash).bind(4, now).run();
    } catch (const DatabaseError& error) {
        if (!error.is_unique_violation()) throw;
        return std::string(error.what()).find("email") != std::string::npos ? CreateUserResult::duplicate_email
                                                                             : CreateUserResult::duplicate_username;
    }
    created_id = db_.last_insert_rowid();
    transaction.commit();
    return CreateUserResult::created;
}

void SqliteUserRepository::update_password_hash(std::int64_t user_id, const std::string& password_hash) {
    db_.prepare("UPDATE user SET password_hash = ? WHERE id = ?").bind(1, password_hash).bind(2, user_id).run();
}

void SqliteUserRepository::record_login(std::int64_t user_id, std::int64_t now) {
    db_.prepare("UPDATE user SET last_login_at = ? WHERE id = ?").bind(1, now).bind(2, user_id).run();
}

}  // namespace authgate::store
