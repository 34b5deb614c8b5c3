// account_repository.cpp -- address changes, a user's own sessions, and deleting an account.
#include "store/postgresql/repositories.h"

namespace authgate::store::postgresql {

bool PgAccountRepository::set_email(std::int64_t user_id, const std::string& email, bool verified) {
    return db_.run("UPDATE \"user\" SET email = $1, email_verified = $2 WHERE id = $3", {email, verified ? 1 : 0, user_id})
               .affected() == 1;
}

void PgAccountRepository::mark_email_verified(std::int64_t user_id) {
    db_.run("UPDATE \"user\" SET email_verified = 1 WHERE id = $1", {user_id});
}

std::vector<SessionSummaryRecord> PgAccountRepository::sessions_of(std::int64_t user_id) {
    std::vector<SessionSummaryRecord> sessions;
    auto rows = db_.run("SELECT public_id, id, created_at, last_seen_at, remote_addr, user_agent FROM authgate_session "
                        "WHERE user_id = $1 ORDER BY last_seen_at DESC, id DESC",
                        {user_id});
    for (int i = 0; i < rows.rows(); ++i)
        sessions.push_back({rows.text(i, 0), rows.int64(i, 1), rows.int64(i, 2), rows.int64(i, 3), rows.text(i, 4),
                            rows.text(i, 5)});
    return sessions;
}

std::int64_t PgAccountRepository::remove_session(std::int64_t user_id, const std::string& public_id) {
    auto removed = db_.run("DELETE FROM authgate_session WHERE public_id = $1 AND user_id = $2 RETURNING id",
                           {public_id, user_id});
    return removed.empty() ? 0 : removed.int64(0, 0);
}

std::int64_t PgAccountRepository::remove_other_sessions(std::int64_t user_id, std::int64_t keep_session_id) {
    std::int64_t ended =
        db_.run("DELETE FROM authgate_session WHERE user_id = $1 AND id <> $2", {user_id, keep_session_id}).affected();
    db_.run("DELETE FROM authgate_remember WHERE user_id = $1", {user_id});
    return ended;
}

void PgAccountRepository::remove_all_sessions(std::int64_t user_id) {
    db_.run("DELETE FROM authgate_session WHERE user_id = $1", {user_id});
    db_.run("DELETE FROM authgate_remember WHERE user_id = $1", {user_id});
}

void PgAccountRepository::remove_user(std::int64_t user_id) {
    remove_all_sessions(user_id);
    db_.run("DELETE FROM authgate_token WHERE user_id = $1", {user_id});
    db_.run("DELETE FROM authgate_outbox WHERE user_id = $1", {user_id});
    db_.run("DELETE FROM authgate_group_member WHERE user_id = $1", {user_id});
    db_.run("DELETE FROM \"user\" WHERE id = $1", {user_id});
}

}  // namespace authgate::store::postgresql
