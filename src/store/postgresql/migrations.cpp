// migrations.cpp -- the PostgreSQL schema: the Flask-SQLAlchemy `user` table plus numbered migrations.
#include "store/postgresql/migrations.h"

#include <vector>

#include "store/postgresql/write_lock.h"

namespace authgate::store::postgresql {

namespace {

// What Flask-SQLAlchemy creates on PostgreSQL for the tutorial's model (tests/flask_app/app.py),
// and authgate's own tables as schema.sql has them for SQLite. Every statement is idempotent.
// Integers that SQLite stores as INTEGER are BIGINT here (times, row ids), except the `user` id
// (SERIAL, as Flask makes it) and the columns that refer to it.
const char* const base_schema =
    "CREATE TABLE IF NOT EXISTS \"user\" ("
    " id SERIAL NOT NULL,"
    " email VARCHAR(120) NOT NULL,"
    " username VARCHAR(80) NOT NULL,"
    " password_hash VARCHAR(256) NOT NULL,"
    " PRIMARY KEY (id),"
    " UNIQUE (email),"
    " UNIQUE (username));"
    "CREATE TABLE IF NOT EXISTS authgate_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS authgate_session ("
    " id BIGSERIAL PRIMARY KEY,"
    " token_hash TEXT NOT NULL UNIQUE,"
    " user_id INTEGER REFERENCES \"user\"(id) ON DELETE CASCADE,"
    " fresh INTEGER NOT NULL DEFAULT 0,"
    " identifier TEXT NOT NULL DEFAULT '',"
    " created_at BIGINT NOT NULL,"
    " last_seen_at BIGINT NOT NULL,"
    " remote_addr TEXT NOT NULL DEFAULT '',"
    " user_agent TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX IF NOT EXISTS authgate_session_user ON authgate_session(user_id);"
    "CREATE INDEX IF NOT EXISTS authgate_session_seen ON authgate_session(last_seen_at);"
    "CREATE TABLE IF NOT EXISTS authgate_remember ("
    " selector TEXT PRIMARY KEY,"
    " validator_hash TEXT NOT NULL,"
    " user_id INTEGER NOT NULL REFERENCES \"user\"(id) ON DELETE CASCADE,"
    " created_at BIGINT NOT NULL,"
    " expires_at BIGINT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS authgate_remember_user ON authgate_remember(user_id);"
    "CREATE TABLE IF NOT EXISTS authgate_attempt ("
    " id BIGSERIAL PRIMARY KEY,"
    " kind TEXT NOT NULL,"
    " key TEXT NOT NULL,"
    " at BIGINT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS authgate_attempt_key ON authgate_attempt(kind, key, at);"
    "CREATE INDEX IF NOT EXISTS authgate_attempt_at ON authgate_attempt(at);";

struct Migration {
    int version;
    const char* sql;
};

// The same steps as store/sqlite/migrations.cpp, in PostgreSQL's dialect. Each only adds, and every
// added `user` column has a default, so the Flask app's INSERTs keep working.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1,
         "ALTER TABLE \"user\" ADD COLUMN IF NOT EXISTS active INTEGER NOT NULL DEFAULT 1;"
         "ALTER TABLE \"user\" ADD COLUMN IF NOT EXISTS created_at BIGINT;"
         "ALTER TABLE \"user\" ADD COLUMN IF NOT EXISTS last_login_at BIGINT;"
         "ALTER TABLE \"user\" ADD COLUMN IF NOT EXISTS email_verified INTEGER NOT NULL DEFAULT 0;"},
        // Case-insensitive lookups of email and username use these expression indexes.
        {2,
         "CREATE INDEX IF NOT EXISTS authgate_user_email_lower ON \"user\" (lower(email));"
         "CREATE INDEX IF NOT EXISTS authgate_user_username_lower ON \"user\" (lower(username));"},
        {3,
         "ALTER TABLE authgate_remember ADD COLUMN IF NOT EXISTS previous_validator_hash TEXT;"
         "ALTER TABLE authgate_remember ADD COLUMN IF NOT EXISTS rotated_at BIGINT;"
         "ALTER TABLE authgate_session ADD COLUMN IF NOT EXISTS remember_selector TEXT;"
         "CREATE INDEX IF NOT EXISTS authgate_session_chain ON authgate_session(remember_selector);"
         "DELETE FROM authgate_session WHERE user_id IS NULL;"},
        {4,
         "CREATE TABLE IF NOT EXISTS authgate_group_member ("
         " user_id INTEGER NOT NULL REFERENCES \"user\"(id) ON DELETE CASCADE,"
         " group_name TEXT NOT NULL,"
         " PRIMARY KEY (user_id, group_name));"
         "CREATE INDEX IF NOT EXISTS authgate_group_member_name ON authgate_group_member(group_name);"},
        {5,
         "CREATE TABLE IF NOT EXISTS authgate_outbox ("
         " id BIGSERIAL PRIMARY KEY, sender TEXT NOT NULL, recipient TEXT NOT NULL, message TEXT NOT NULL,"
         " user_id INTEGER, created_at BIGINT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0,"
         " next_attempt_at BIGINT NOT NULL, claimed_until BIGINT, last_error TEXT NOT NULL DEFAULT '');"
         "CREATE INDEX IF NOT EXISTS authgate_outbox_due ON authgate_outbox(next_attempt_at);"
         "CREATE TABLE IF NOT EXISTS authgate_token ("
         " token_hash TEXT PRIMARY KEY, purpose TEXT NOT NULL,"
         " user_id INTEGER NOT NULL REFERENCES \"user\"(id) ON DELETE CASCADE,"
         " email TEXT NOT NULL, password_hash TEXT NOT NULL, new_email TEXT NOT NULL DEFAULT '',"
         " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);"
         "CREATE INDEX IF NOT EXISTS authgate_token_user ON authgate_token(user_id, purpose);"
         "ALTER TABLE authgate_session ADD COLUMN IF NOT EXISTS public_id TEXT;"
         "UPDATE authgate_session SET public_id = replace(gen_random_uuid()::text, '-', '') WHERE public_id IS NULL;"
         "CREATE UNIQUE INDEX IF NOT EXISTS authgate_session_public ON authgate_session(public_id);"},
    };
    return list;
}

const char* const version_table =
    "CREATE TABLE IF NOT EXISTS authgate_schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)";

}  // namespace

int current_schema_version() {
    return migrations().back().version;
}

int schema_version(Connection& connection) {
    if (connection.run("SELECT to_regclass('authgate_schema_version') IS NOT NULL").text(0, 0) != "t") return 0;
    return static_cast<int>(connection.run("SELECT coalesce(max(version), 0) FROM authgate_schema_version").int64(0, 0));
}

void migrate(Connection& connection) {
    // The common case, every start of a CGI request among them: one read, nothing to do.
    if (schema_version(connection) == current_schema_version()) return;
    try {
        connection.exec(begin_write_sql);
        connection.exec(version_table);
        int version = schema_version(connection);
        if (version > current_schema_version())
            throw DatabaseError("database " + connection.name() + " has schema version " + std::to_string(version) +
                                    ", newer than this authgate (" + std::to_string(current_schema_version()) + ")",
                                "");
        if (version < current_schema_version()) {
            connection.exec(base_schema);
            for (const auto& migration : migrations()) {
                if (migration.version <= version) continue;
                connection.exec(migration.sql);
                connection.run("INSERT INTO authgate_schema_version (version, applied_at) "
                               "VALUES ($1, extract(epoch FROM now())::bigint)",
                               {migration.version});
            }
        }
        connection.exec("COMMIT");
    } catch (...) {
        if (connection.usable()) {
            try {
                connection.exec("ROLLBACK");
            } catch (...) {
                // Already gone with the connection.
            }
        }
        throw;
    }
}

}  // namespace authgate::store::postgresql
