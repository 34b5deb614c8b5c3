// admin_repository.cpp -- the operator's listings, account changes, counts and health checks.
#include "store/sqlite/admin_repositories.h"

#include "store/sqlite/migrations.h"
#include "store/sqlite/user_rows.h"

namespace authgate::store::sqlite {

namespace {

#define AUTHGATE_SESSION_INFO_SELECT                                                                  \
    "SELECT s.id, s.user_id, coalesce(u.email, ''), coalesce(u.username, ''), s.created_at, "       \
    "s.last_seen_at, s.remote_addr, s.user_agent, s.remember_selector IS NOT NULL "                  \
    "FROM authgate_session s LEFT JOIN user u ON u.id = s.user_id "

SessionInfo read_session_info(Statement& row) {
    SessionInfo info;
    info.id = row.column_int64(0);
    if (!row.column_is_null(1)) info.user_id = row.column_int64(1);
    info.email = row.column_text(2);
    info.username = row.column_text(3);
    info.created_at = row.column_int64(4);
    info.last_seen_at = row.column_int64(5);
    info.remote_addr = row.column_text(6);
    info.user_agent = row.column_text(7);
    info.remembered = row.column_int64(8) != 0;
    return info;
}

}  // namespace

bool SqliteAdminRepository::has_table(const char* name) {
    auto row = db_.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    row.bind(1, name);
    return row.step();
}

std::int64_t SqliteAdminRepository::count(const char* sql, std::int64_t parameter) {
    auto row = db_.prepare(sql);
    if (std::string(sql).find('?') != std::string::npos) row.bind(1, parameter);
    return row.step() ? row.column_int64(0) : 0;
}

std::optional<UserRecord> SqliteAdminRepository::find_by_username(const std::string& username) {
    auto row = db_.prepare("SELECT " AUTHGATE_USER_COLUMNS("") " FROM user WHERE username = ?1 COLLATE NOCASE "
                           "ORDER BY username = ?1 DESC, id LIMIT 1");
    row.bind(1, username);
    if (!row.step()) return std::nullopt;
    return read_user(row);
}

std::vector<UserRecord> SqliteAdminRepository::list_users() {
    std::vector<UserRecord> users;
    auto rows = db_.prepare("SELECT " AUTHGATE_USER_COLUMNS("") " FROM user ORDER BY id");
    while (rows.step()) users.push_back(read_user(rows));
    return users;
}

bool SqliteAdminRepository::set_active(std::int64_t user_id, bool active) {
    db_.prepare("UPDATE user SET active = ? WHERE id = ?").bind(1, active ? 1 : 0).bind(2, user_id).run();
    return db_.changes() == 1;
}

bool SqliteAdminRepository::set_email_verified(std::int64_t user_id, bool verified) {
    db_.prepare("UPDATE user SET email_verified = ? WHERE id = ?").bind(1, verified ? 1 : 0).bind(2, user_id).run();
    return db_.changes() == 1;
}

bool SqliteAdminRepository::delete_user(std::int64_t user_id) {
    end_sessions_of(user_id);
    db_.prepare("DELETE FROM authgate_group_member WHERE user_id = ?").bind(1, user_id).run();
    db_.prepare("DELETE FROM user WHERE id = ?").bind(1, user_id).run();
    return db_.changes() == 1;
}

UserFootprint SqliteAdminRepository::footprint(std::int64_t user_id) {
    UserFootprint footprint;
    footprint.sessions = count("SELECT count(*) FROM authgate_session WHERE user_id = ?", user_id);
    footprint.remember_chains = count("SELECT count(*) FROM authgate_remember WHERE user_id = ?", user_id);
    auto rows = db_.prepare("SELECT group_name FROM authgate_group_member WHERE user_id = ? ORDER BY group_name");
    rows.bind(1, user_id);
    while (rows.step()) footprint.groups.push_back(rows.column_text(0));
    return footprint;
}

UserFootprint SqliteAdminRepository::end_sessions_of(std::int64_t user_id) {
    UserFootprint ended;
    db_.prepare("DELETE FROM authgate_session WHERE user_id = ?").bind(1, user_id).run();
    ended.sessions = db_.changes();
    db_.prepare("DELETE FROM authgate_remember WHERE user_id = ?").bind(1, user_id).run();
    ended.remember_chains = db_.changes();
    return ended;
}

std::vector<SessionInfo> SqliteAdminRepository::list_sessions(const std::optional<std::int64_t>& user_id) {
    std::vector<SessionInfo> sessions;
    auto rows = db_.prepare(AUTHGATE_SESSION_INFO_SELECT "WHERE ?1 IS NULL OR s.user_id = ?1 ORDER BY s.id DESC");
    if (user_id) rows.bind(1, *user_id);
    else rows.bind(1, nullptr);
    while (rows.step()) sessions.push_back(read_session_info(rows));
    return sessions;
}

std::optional<SessionInfo> SqliteAdminRepository::find_session(std::int64_t session_id) {
    auto row = db_.prepare(AUTHGATE_SESSION_INFO_SELECT "WHERE s.id = ?");
    row.bind(1, session_id);
    if (!row.step()) return std::nullopt;
    return read_session_info(row);
}

StoreCounts SqliteAdminRepository::counts(std::int64_t attempts_since) {
    StoreCounts counts;
    auto users = db_.prepare("SELECT count(*), coalesce(sum(active != 0), 0), coalesce(sum(email_verified != 0), 0) "
                             "FROM user");
    if (users.step()) {
        counts.users = users.column_int64(0);
        counts.active_users = users.column_int64(1);
        counts.verified_users = users.column_int64(2);
    }
    counts.sessions = count("SELECT count(*) FROM authgate_session", 0);
    counts.remember_chains = count("SELECT count(*) FROM authgate_remember", 0);
    counts.recent_attempts = count("SELECT count(*) FROM authgate_attempt WHERE at >= ?", attempts_since);
    counts.database_bytes = count("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", 0);
    return counts;
}

StoreHealth SqliteAdminRepository::health() {
    StoreHealth health;
    auto integrity = db_.prepare("PRAGMA integrity_check");
    while (integrity.step()) health.integrity.push_back(integrity.column_text(0));
    health.schema_version = static_cast<int>(count("PRAGMA user_version", 0));
    health.build_schema_version = current_schema_version();
    // The database may predate this build (check does not migrate): count only the tables it has.
    if (has_table("authgate_session"))
        health.orphans.sessions = count(
        "SELECT count(*) FROM authgate_session s WHERE s.user_id IS NULL "
        "OR NOT EXISTS (SELECT 1 FROM user u WHERE u.id = s.user_id)", 0);
    if (has_table("authgate_remember"))
        health.orphans.remember_chains = count(
        "SELECT count(*) FROM authgate_remember r WHERE NOT EXISTS (SELECT 1 FROM user u WHERE u.id = r.user_id)", 0);
    if (has_table("authgate_group_member"))
        health.orphans.group_members = count(
        "SELECT count(*) FROM authgate_group_member g "
        "WHERE NOT EXISTS (SELECT 1 FROM user u WHERE u.id = g.user_id)", 0);
    return health;
}

}  // namespace authgate::store::sqlite
