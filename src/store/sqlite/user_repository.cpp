// user_repository.cpp -- accounts in the Flask-compatible `user` table.
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/user_rows.h"

namespace authgate::store::sqlite {

UserRecord read_user(Statement& row, int first) {
    UserRecord user;
    user.id = row.column_int64(first);
    user.email = row.column_text(first + 1);
    user.username = row.column_text(first + 2);
    user.password_hash = row.column_text(first + 3);
    user.active = row.column_int64(first + 4) != 0;
    user.email_verified = row.column_int64(first + 5) != 0;
    if (!row.column_is_null(first + 6)) user.created_at = row.column_int64(first + 6);
    if (!row.column_is_null(first + 7)) user.last_login_at = row.column_int64(first + 7);
    return user;
}

std::optional<UserRecord> SqliteUserRepository::find_by_email(const std::string& email) {
    auto row = db_.prepare("SELECT " AUTHGATE_USER_COLUMNS("")
                           " FROM user WHERE email = ?1 COLLATE NOCASE ORDER BY email = ?1 DESC, id LIMIT 1");
    row.bind(1, email);
    if (!row.step()) return std::nullopt;
    return read_user(row);
}

std::optional<UserRecord> SqliteUserRepository::find_by_id(std::int64_t id) {
    auto row = db_.prepare("SELECT " AUTHGATE_USER_COLUMNS("") " FROM user WHERE id = ?");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return read_user(row);
}

bool SqliteUserRepository::email_taken(const std::string& email) {
    auto taken = db_.prepare("SELECT 1 FROM user WHERE email = ? COLLATE NOCASE LIMIT 1");
    taken.bind(1, email);
    return taken.step();
}

bool SqliteUserRepository::username_taken(const std::string& username) {
    auto taken = db_.prepare("SELECT 1 FROM user WHERE username = ? COLLATE NOCASE LIMIT 1");
    taken.bind(1, username);
    return taken.step();
}

std::int64_t SqliteUserRepository::create(const std::string& email, const std::string& username,
                                          const std::string& password_hash, std::int64_t now) {
    db_.prepare("INSERT INTO user (email, username, password_hash, created_at) VALUES (?, ?, ?, ?)")
        .bind(1, email).bind(2, username).bind(3, password_hash).bind(4, now).run();
    return db_.last_insert_rowid();
}

bool SqliteUserRepository::replace_password_hash(std::int64_t user_id, const std::string& old_hash,
                                                 const std::string& new_hash) {
    db_.prepare("UPDATE user SET password_hash = ? WHERE id = ? AND password_hash = ?")
        .bind(1, new_hash).bind(2, user_id).bind(3, old_hash).run();
    return db_.changes() == 1;
}

void SqliteUserRepository::record_login(std::int64_t user_id, std::int64_t now) {
    db_.prepare("UPDATE user SET last_login_at = ? WHERE id = ?").bind(1, now).bind(2, user_id).run();
}

std::vector<std::string> SqliteUserRepository::password_methods() {
    std::vector<std::string> methods;
    auto rows = db_.prepare(
        "SELECT DISTINCT substr(password_hash, 1, instr(password_hash, '$') - 1) FROM user "
        "WHERE instr(password_hash, '$') > 0 LIMIT 64");
    while (rows.step()) methods.push_back(rows.column_text(0));
    return methods;
}

}  // namespace authgate::store::sqlite
