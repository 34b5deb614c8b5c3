// session_repository.cpp -- server-side sessions of signed-in users.
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/user_rows.h"

namespace authgate::store::sqlite {

std::int64_t SqliteSessionRepository::create(const NewSession& session) {
    db_.prepare("INSERT INTO authgate_session (token_hash, user_id, fresh, identifier, created_at, last_seen_at, "
                "remote_addr, user_agent, remember_selector, public_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, lower(hex(randomblob(16))))")
        .bind(1, session.token_hash).bind(2, session.user_id).bind(3, session.fresh ? 1 : 0)
        .bind(4, session.identifier).bind(5, session.now).bind(6, session.now)
        .bind(7, session.remote_addr.substr(0, 64)).bind(8, session.user_agent.substr(0, 512))
        .bind(9, session.remember_selector).run();
    return db_.last_insert_rowid();
}

std::optional<SessionWithUser> SqliteSessionRepository::find_with_user(const std::string& token_hash) {
    auto row = db_.prepare(
        "SELECT s.id, s.user_id, s.fresh, s.identifier, s.created_at, s.last_seen_at, s.remember_selector, "
        AUTHGATE_USER_COLUMNS("u.") " FROM authgate_session s JOIN user u ON u.id = s.user_id WHERE s.token_hash = ?");
    row.bind(1, token_hash);
    if (!row.step()) return std::nullopt;
    SessionWithUser found;
    found.session.id = row.column_int64(0);
    found.session.user_id = row.column_int64(1);
    found.session.fresh = row.column_int64(2) != 0;
    found.session.identifier = row.column_text(3);
    found.session.created_at = row.column_int64(4);
    found.session.last_seen_at = row.column_int64(5);
    if (!row.column_is_null(6)) found.session.remember_selector = row.column_text(6);
    found.user = read_user(row, 7);
    return found;
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

void SqliteSessionRepository::remove_by_token_hash(const std::string& token_hash) {
    db_.prepare("DELETE FROM authgate_session WHERE token_hash = ?").bind(1, token_hash).run();
}

std::int64_t SqliteSessionRepository::remove_for_chain(const std::string& selector) {
    db_.prepare("DELETE FROM authgate_session WHERE remember_selector = ?").bind(1, selector).run();
    return db_.changes();
}

std::int64_t SqliteSessionRepository::remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) {
    db_.prepare("DELETE FROM authgate_session WHERE last_seen_at < ? OR created_at < ?")
        .bind(1, idle_cutoff).bind(2, absolute_cutoff).run();
    return db_.changes();
}

}  // namespace authgate::store::sqlite
