// migrations.cpp -- schema.sql (compiled in) plus the numbered migrations that extend the Flask table.
#include "store/sqlite/migrations.h"

#include <string>
#include <vector>

namespace authgate::store::sqlite {

namespace {

const char* const schema_sql =
#include "store/schema_sql.inc"
    ;

struct Migration {
    int version;
    const char* sql;
};

// Each step only adds: the Flask app keeps working on the same file, because its INSERTs name
// their columns and every added column has a default.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1,
         "ALTER TABLE user ADD COLUMN active INTEGER NOT NULL DEFAULT 1;"
         "ALTER TABLE user ADD COLUMN created_at INTEGER;"
         "ALTER TABLE user ADD COLUMN last_login_at INTEGER;"
         "ALTER TABLE user ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 0;"},
        // Case-insensitive lookups of email and username (uniqueness ignoring case is enforced by
        // the registration transaction, so a Flask database with case variants still opens).
        {2,
         "CREATE INDEX IF NOT EXISTS authgate_user_email_nocase ON user(email COLLATE NOCASE);"
         "CREATE INDEX IF NOT EXISTS authgate_user_username_nocase ON user(username COLLATE NOCASE);"},
        // Remember chains keep their previous validator (a grace window for two tabs presenting the
        // same cookie at once) and sessions name the chain they came from (theft ends them all).
        // Flash messages moved into a signed cookie: an anonymous visitor never writes a row.
        {3,
         "ALTER TABLE authgate_remember ADD COLUMN previous_validator_hash TEXT;"
         "ALTER TABLE authgate_remember ADD COLUMN rotated_at INTEGER;"
         "ALTER TABLE authgate_session ADD COLUMN remember_selector TEXT;"
         "CREATE INDEX IF NOT EXISTS authgate_session_chain ON authgate_session(remember_selector);"
         "DELETE FROM authgate_session WHERE user_id IS NULL;"
         "DROP TABLE IF EXISTS authgate_flash;"},
        // Group membership, for the gate's groups= rule and the admin CLI.
        {4,
         "CREATE TABLE IF NOT EXISTS authgate_group_member ("
         " user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
         " group_name TEXT NOT NULL,"
         " PRIMARY KEY (user_id, group_name)) STRICT;"},
    };
    return list;
}

int read_user_version(Connection& connection) {
    auto statement = connection.prepare("PRAGMA user_version");
    return statement.step() ? static_cast<int>(statement.column_int64(0)) : 0;
}

}  // namespace

int current_schema_version() {
    return migrations().back().version;
}

void migrate(Connection& connection) {
    // The common case, every start of a CGI request among them: one read, nothing to do.
    if (read_user_version(connection) == current_schema_version()) return;
    Transaction transaction(connection);
    int version = read_user_version(connection);
    if (version > current_schema_version())
        throw DatabaseError("database " + connection.path() + " has schema version " + std::to_string(version) +
                                ", newer than this authgate (" + std::to_string(current_schema_version()) + ")",
                            0);
    connection.exec(schema_sql);
    for (const auto& migration : migrations()) {
        if (migration.version <= version) continue;
        connection.exec(migration.sql);
        connection.exec("PRAGMA user_version = " + std::to_string(migration.version));
    }
    transaction.commit();
}

}  // namespace authgate::store::sqlite
