// session_repository.cpp -- server-side sessions of signed-in users.
#include "store/postgresql/repositories.h"
#include "store/postgresql/user_rows.h"

namespace authgate::store::postgresql {

std::int64_t PgSessionRepository::create(const NewSession& session) {
    return db_.run("INSERT INTO authgate_session (token_hash, user_id, fresh, identifier, created_at, last_seen_at, "
                   "remote_addr, user_agent, remember_selector, public_id) "
                   "VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, replace(gen_random_uuid()::text, '-', '')) RETURNING id",
                   {session.token_hash, session.user_id, session.fresh ? 1 : 0, session.identifier, session.now,
                    session.remote_addr.substr(0, 64), session.user_agent.substr(0, 512), session.remember_selector})
        .int64(0, 0);
}

std::optional<SessionWithUser> PgSessionRepository::find_with_user(const std::string& token_hash) {
    auto row = db_.run("SELECT s.id, s.user_id, s.fresh, s.identifier, s.created_at, s.last_seen_at, s.remember_selector, "
                       AUTHGATE_PG_USER_COLUMNS("u.") " FROM authgate_session s JOIN \"user\" u ON u.id = s.user_id "
                       "WHERE s.token_hash = $1",
                       {token_hash});
    if (row.empty()) return std::nullopt;
    SessionWithUser found;
    found.session.id = row.int64(0, 0);
    found.session.user_id = row.int64(0, 1);
    found.session.fresh = row.int64(0, 2) != 0;
    found.session.identifier = row.text(0, 3);
    found.session.created_at = row.int64(0, 4);
    found.session.last_seen_at = row.int64(0, 5);
    if (!row.is_null(0, 6)) found.session.remember_selector = row.text(0, 6);
    found.user = read_user(row, 0, 7);
    return found;
}

void PgSessionRepository::touch(std::int64_t session_id, std::int64_t now) {
    db_.run("UPDATE authgate_session SET last_seen_at = $1 WHERE id = $2", {now, session_id});
}

void PgSessionRepository::mark_not_fresh(std::int64_t session_id) {
    db_.run("UPDATE authgate_session SET fresh = 0 WHERE id = $1", {session_id});
}

void PgSessionRepository::remove(std::int64_t session_id) {
    db_.run("DELETE FROM authgate_session WHERE id = $1", {session_id});
}

void PgSessionRepository::remove_by_token_hash(const std::string& token_hash) {
    db_.run("DELETE FROM authgate_session WHERE token_hash = $1", {token_hash});
}

std::int64_t PgSessionRepository::remove_for_chain(const std::string& selector) {
    return db_.run("DELETE FROM authgate_session WHERE remember_selector = $1", {selector}).affected();
}

std::int64_t PgSessionRepository::remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) {
    return db_.run("DELETE FROM authgate_session WHERE last_seen_at < $1 OR created_at < $2", {idle_cutoff, absolute_cutoff})
        .affected();
}

}  // namespace authgate::store::postgresql
