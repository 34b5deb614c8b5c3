// migrations.cpp -- schema.sql (compiled in) plus the numbered migrations that extend the Flask table.
#include "store/migrations.h"

#include <string>
#include <vector>

namespace authgate::store {

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

}  // namespace authgate::store
