// sqlite_session_repository.cpp -- server-side sessions and their flash messages.
#include "store/sqlite_store.h"

namespace authgate::store {

std::int64_t SqliteSessionRepository::create(const NewSession& session) {
    auto insert = db_.prepare(
        "INSERT INTO authgate_session (token_hash, user_id, fresh, identifier, created_at, last_seen_at, "
        "remote_addr, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, session.token_hash);
    if (session.user_id) insert.bind(2, *session.user_id);
    else insert.bind(2, nullptr);
    insert.bind(3, session.fresh ? 1 : 0).bind(4, session.identifier).bind(5, session.now).bind(6, session.now);
    insert.bind(7, session.remote_addr.substr(0, 64)).bind(8, session.user_agent.substr(0, 512));
    insert.run();
    return db_.last_insert_rowid();
}

std::optional<SessionRecord> SqliteSessionRepository::find_by_token_hash(const std::string& token_hash) {
    auto row = db_.prepare(
        "SELECT id, user_id, fresh, identifier, created_at, last_seen_at, "
        "EXISTS (SELECT 1 FROM authgate_flash WHERE session_id = authgate_session.id) "
        "FROM authgate_session WHERE token_hash = ?");
    row.bind(1, token_hash);
    if (!row.step()) return std::nullopt;
    SessionRecord session;
    session.id = row.column_int64(0);
    if (!row.column_is_null(1)) session.user_id = row.column_int64(1);
    session.fresh = row.column_int64(2) != 0;
    session.identifier = row.column_text(3);
    session.created_at = row.column_int64(4);
    session.last_seen_at = row.column_int64(5);
    session.has_flashes = row.column_int64(6) != 0;
    return session;
}

void SqliteSessionRepository::touch(std::int64_t session_id, std::int64_t now) {
    db_.prepare("UPDATE authgate_session SET last_seen_at = ? WHERE id = ?").bind(1, now).bind(2, session_id).run();
}

void SqliteSessionRepository::mark_not_fresh(std::int64_t session_id) {
    db_.prepare("UPDATE authgate_session SET fresh = 0 WHERE id = ?").bind(1, session_id).run();
}

void SqliteSessionRepository::remove(std::int64_t session_id) {
    db_.prepare("DELETE FROM authgate_session WHERE id = ?").bind(1, session_id).run();
}

void SqliteSessionRepository::remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) {
    db_.prepare("DELETE FROM authgate_session WHERE last_seen_at < ? OR created_at < ?")
        .bind(1, idle_cutoff).bind(2, absolute_cutoff).run();
}

void SqliteSessionRepository::add_flash(std::int64_t session_id, const FlashRecord& flash) {
    db_.prepare("INSERT INTO authgate_flash (session_id, category, message) VALUES (?, ?, ?)")
        .bind(1, session_id).bind(2, flash.category).bind(3, flash.message).run();
}

std::vector<FlashRecord> SqliteSessionRepository::take_flashes(std::int64_t session_id) {
    std::vector<FlashRecord> flashes;
    {
        auto rows = db_.prepare("SELECT category, message FROM authgate_flash WHERE session_id = ? ORDER BY id");
        rows.bind(1, session_id);
        while (rows.step()) flashes.push_back({rows.column_text(0), rows.column_text(1)});
    }
    if (!flashes.empty()) db_.prepare("DELETE FROM authgate_flash WHERE session_id = ?").bind(1, session_id).run();
    return flashes;
}

}  // namespace authgate::store
