// user_repository.cpp -- accounts in the Flask-compatible "user" table.
#include "store/postgresql/repositories.h"
#include "store/postgresql/user_rows.h"

namespace authgate::store::postgresql {

UserRecord read_user(const Result& result, int row, int first) {
    UserRecord user;
    user.id = result.int64(row, first);
    user.email = result.text(row, first + 1);
    user.username = result.text(row, first + 2);
    user.password_hash = result.text(row, first + 3);
    user.active = result.int64(row, first + 4) != 0;
    user.email_verified = result.int64(row, first + 5) != 0;
    if (!result.is_null(row, first + 6)) user.created_at = result.int64(row, first + 6);
    if (!result.is_null(row, first + 7)) user.last_login_at = result.int64(row, first + 7);
    return user;
}

std::optional<UserRecord> PgUserRepository::find_by_email(const std::string& email) {
    auto found = db_.run("SELECT " AUTHGATE_PG_USER_COLUMNS("") " FROM \"user\" WHERE lower(email) = lower($1) "
                         "ORDER BY email = $1 DESC, id LIMIT 1",
                         {email});
    if (found.empty()) return std::nullopt;
    return read_user(found, 0);
}

std::optional<UserRecord> PgUserRepository::find_by_id(std::int64_t id) {
    auto found = db_.run("SELECT " AUTHGATE_PG_USER_COLUMNS("") " FROM \"user\" WHERE id = $1", {id});
    if (found.empty()) return std::nullopt;
    return read_user(found, 0);
}

bool PgUserRepository::email_taken(const std::string& email) {
    return !db_.run("SELECT 1 FROM \"user\" WHERE lower(email) = lower($1) LIMIT 1", {email}).empty();
}

bool PgUserRepository::username_taken(const std::string& username) {
    return !db_.run("SELECT 1 FROM \"user\" WHERE lower(username) = lower($1) LIMIT 1", {username}).empty();
}

std::int64_t PgUserRepository::create(const std::string& email, const std::string& username,
                                      const std::string& password_hash, std::int64_t now) {
    return db_.run("INSERT INTO \"user\" (email, username, password_hash, created_at) VALUES ($1, $2, $3, $4) "
                   "RETURNING id",
                   {email, username, password_hash, now})
        .int64(0, 0);
}

bool PgUserRepository::replace_password_hash(std::int64_t user_id, const std::string& old_hash,
                                             const std::string& new_hash) {
    return db_.run("UPDATE \"user\" SET password_hash = $1 WHERE id = $2 AND password_hash = $3",
                   {new_hash, user_id, old_hash})
               .affected() == 1;
}

void PgUserRepository::record_login(std::int64_t user_id, std::int64_t now) {
    db_.run("UPDATE \"user\" SET last_login_at = $1 WHERE id = $2", {now, user_id});
}

std::vector<std::string> PgUserRepository::password_methods() {
    std::vector<std::string> methods;
    auto rows = db_.run("SELECT DISTINCT split_part(password_hash, '$', 1) FROM \"user\" "
                        "WHERE strpos(password_hash, '$') > 0 LIMIT 64");
    for (int i = 0; i < rows.rows(); ++i) methods.push_back(rows.text(i, 0));
    return methods;
}

}  // namespace authgate::store::postgresql
