// admin_repository.cpp -- the operator's listings, account changes, counts and health checks.
#include "store/postgresql/migrations.h"
#include "store/postgresql/repositories.h"
#include "store/postgresql/user_rows.h"

namespace authgate::store::postgresql {

namespace {

#define AUTHGATE_PG_SESSION_INFO_SELECT                                                                 \
    "SELECT s.id, s.user_id, coalesce(u.email, ''), coalesce(u.username, ''), s.created_at, "         \
    "s.last_seen_at, s.remote_addr, s.user_agent, (s.remember_selector IS NOT NULL)::int "             \
    "FROM authgate_session s LEFT JOIN \"user\" u ON u.id = s.user_id "

SessionInfo read_session_info(const Result& rows, int i) {
    SessionInfo info;
    info.id = rows.int64(i, 0);
    if (!rows.is_null(i, 1)) info.user_id = rows.int64(i, 1);
    info.email = rows.text(i, 2);
    info.username = rows.text(i, 3);
    info.created_at = rows.int64(i, 4);
    info.last_seen_at = rows.int64(i, 5);
    info.remote_addr = rows.text(i, 6);
    info.user_agent = rows.text(i, 7);
    info.remembered = rows.int64(i, 8) != 0;
    return info;
}

}  // namespace

bool PgAdminRepository::has_table(const std::string& name) {
    return db_.run("SELECT to_regclass($1) IS NOT NULL", {name}).text(0, 0) == "t";
}

std::int64_t PgAdminRepository::count(const std::string& sql, std::int64_t parameter) {
    auto row = sql.find("$1") != std::string::npos ? db_.run(sql, {parameter}) : db_.run(sql);
    return row.empty() ? 0 : row.int64(0, 0);
}

std::optional<UserRecord> PgAdminRepository::find_by_username(const std::string& username) {
    auto found = db_.run("SELECT " AUTHGATE_PG_USER_COLUMNS("") " FROM \"user\" WHERE lower(username) = lower($1) "
                         "ORDER BY username = $1 DESC, id LIMIT 1",
                         {username});
    if (found.empty()) return std::nullopt;
    return read_user(found, 0);
}

std::vector<UserRecord> PgAdminRepository::list_users() {
    std::vector<UserRecord> users;
    auto rows = db_.run("SELECT " AUTHGATE_PG_USER_COLUMNS("") " FROM \"user\" ORDER BY id");
    for (int i = 0; i < rows.rows(); ++i) users.push_back(read_user(rows, i));
    return users;
}

bool PgAdminRepository::set_active(std::int64_t user_id, bool active) {
    return db_.run("UPDATE \"user\" SET active = $1 WHERE id = $2", {active ? 1 : 0, user_id}).affected() == 1;
}

bool PgAdminRepository::set_email_verified(std::int64_t user_id, bool verified) {
    return db_.run("UPDATE \"user\" SET email_verified = $1 WHERE id = $2", {verified ? 1 : 0, user_id}).affected() == 1;
}

bool PgAdminRepository::delete_user(std::int64_t user_id) {
    end_sessions_of(user_id);
    db_.run("DELETE FROM authgate_group_member WHERE user_id = $1", {user_id});
    return db_.run("DELETE FROM \"user\" WHERE id = $1", {user_id}).affected() == 1;
}

UserFootprint PgAdminRepository::footprint(std::int64_t user_id) {
    UserFootprint footprint;
    footprint.sessions = count("SELECT count(*) FROM authgate_session WHERE user_id = $1", user_id);
    footprint.remember_chains = count("SELECT count(*) FROM authgate_remember WHERE user_id = $1", user_id);
    auto rows = db_.run("SELECT group_name FROM authgate_group_member WHERE user_id = $1 ORDER BY group_name", {user_id});
    for (int i = 0; i < rows.rows(); ++i) footprint.groups.push_back(rows.text(i, 0));
    return footprint;
}

UserFootprint PgAdminRepository::end_sessions_of(std::int64_t user_id) {
    UserFootprint ended;
    ended.sessions = db_.run("DELETE FROM authgate_session WHERE user_id = $1", {user_id}).affected();
    ended.remember_chains = db_.run("DELETE FROM authgate_remember WHERE user_id = $1", {user_id}).affected();
    return ended;
}

std::vector<SessionInfo> PgAdminRepository::list_sessions(const std::optional<std::int64_t>& user_id) {
    std::vector<SessionInfo> sessions;
    auto rows = db_.run(AUTHGATE_PG_SESSION_INFO_SELECT "WHERE $1::bigint IS NULL OR s.user_id = $1 ORDER BY s.id DESC",
                        {user_id});
    for (int i = 0; i < rows.rows(); ++i) sessions.push_back(read_session_info(rows, i));
    return sessions;
}

std::optional<SessionInfo> PgAdminRepository::find_session(std::int64_t session_id) {
    auto row = db_.run(AUTHGATE_PG_SESSION_INFO_SELECT "WHERE s.id = $1", {session_id});
    if (row.empty()) return std::nullopt;
    return read_session_info(row, 0);
}

StoreCounts PgAdminRepository::counts(std::int64_t attempts_since) {
    StoreCounts counts;
    auto users = db_.run("SELECT count(*), count(*) FILTER (WHERE active <> 0), count(*) FILTER (WHERE email_verified <> 0) "
                         "FROM \"user\"");
    counts.users = users.int64(0, 0);
    counts.active_users = users.int64(0, 1);
    counts.verified_users = users.int64(0, 2);
    counts.sessions = count("SELECT count(*) FROM authgate_session", 0);
    counts.remember_chains = count("SELECT count(*) FROM authgate_remember", 0);
    counts.recent_attempts = count("SELECT count(*) FROM authgate_attempt WHERE at >= $1", attempts_since);
    counts.database_bytes = count("SELECT pg_database_size(current_database())", 0);
    return counts;
}

StoreHealth PgAdminRepository::health() {
    StoreHealth health;
    // PostgreSQL has no integrity_check: report the indexes it marked invalid (a failed concurrent
    // build) on authgate's tables, or "ok".
    auto invalid = db_.run("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                           "JOIN pg_class t ON t.oid = i.indrelid WHERE NOT i.indisvalid "
                           "AND (t.relname = 'user' OR t.relname LIKE 'authgate%') ORDER BY c.relname");
    for (int i = 0; i < invalid.rows(); ++i) health.integrity.push_back("invalid index " + invalid.text(i, 0));
    if (health.integrity.empty()) health.integrity.push_back("ok");
    health.schema_version = schema_version(db_);
    health.build_schema_version = current_schema_version();
    // The database may predate this build (check does not migrate): count only the tables it has.
    if (has_table("authgate_session"))
        health.orphans.sessions = count("SELECT count(*) FROM authgate_session s WHERE s.user_id IS NULL "
                                        "OR NOT EXISTS (SELECT 1 FROM \"user\" u WHERE u.id = s.user_id)", 0);
    if (has_table("authgate_remember"))
        health.orphans.remember_chains = count("SELECT count(*) FROM authgate_remember r "
                                               "WHERE NOT EXISTS (SELECT 1 FROM \"user\" u WHERE u.id = r.user_id)", 0);
    if (has_table("authgate_group_member"))
        health.orphans.group_members = count("SELECT count(*) FROM authgate_group_member g "
                                             "WHERE NOT EXISTS (SELECT 1 FROM \"user\" u WHERE u.id = g.user_id)", 0);
    return health;
}

}  // namespace authgate::store::postgresql
