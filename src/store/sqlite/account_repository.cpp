// account_repository.cpp -- address changes, a user's own sessions, and deleting an account.
#include "store/sqlite/mail_repositories.h"

namespace authgate::store::sqlite {

bool SqliteAccountRepository::set_email(std::int64_t user_id, const std::string& email, bool verified) {
    db_.prepare("UPDATE user SET email = ?, email_verified = ? WHERE id = ?")
        .bind(1, email).bind(2, verified ? 1 : 0).bind(3, user_id).run();
    return db_.changes() == 1;
}

void SqliteAccountRepository::mark_email_verified(std::int64_t user_id) {
    db_.prepare("UPDATE user SET email_verified = 1 WHERE id = ?").bind(1, user_id).run();
}

std::vector<SessionSummaryRecord> SqliteAccountRepository::sessions_of(std::int64_t user_id) {
    std::vector<SessionSummaryRecord> sessions;
    auto rows = db_.prepare("SELECT public_id, id, created_at, last_seen_at, remote_addr, user_agent FROM "
                            "authgate_session WHERE user_id = ? ORDER BY last_seen_at DESC, id DESC");
    rows.bind(1, user_id);
    while (rows.step())
        sessions.push_back({rows.column_text(0), rows.column_int64(1), rows.column_int64(2), rows.column_int64(3),
                            rows.column_text(4), rows.column_text(5)});
    return sessions;
}

std::int64_t SqliteAccountRepository::remove_session(std::int64_t user_id, const std::string& public_id) {
    std::int64_t id = 0;
    {
        auto row = db_.prepare("SELECT id FROM authgate_session WHERE public_id = ? AND user_id = ?");
        row.bind(1, public_id).bind(2, user_id);
        if (!row.step()) return 0;
        id = row.column_int64(0);
    }
    db_.prepare("DELETE FROM authgate_session WHERE id = ?").bind(1, id).run();
    return id;
}

std::int64_t SqliteAccountRepository::remove_other_sessions(std::int64_t user_id, std::int64_t keep_session_id) {
    db_.prepare("DELETE FROM authgate_session WHERE user_id = ? AND id <> ?").bind(1, user_id).bind(2, keep_session_id).run();
    std::int64_t ended = db_.changes();
    db_.prepare("DELETE FROM authgate_remember WHERE user_id = ?").bind(1, user_id).run();
    return ended;
}

void SqliteAccountRepository::remove_all_sessions(std::int64_t user_id) {
    db_.prepare("DELETE FROM authgate_session WHERE user_id = ?").bind(1, user_id).run();
    db_.prepare("DELETE FROM authgate_remember WHERE user_id = ?").bind(1, user_id).run();
}

void SqliteAccountRepository::remove_user(std::int64_t user_id) {
    // The foreign keys cascade too; explicit deletes keep this true on a database whose tables
    // were created without them.
    remove_all_sessions(user_id);
    db_.prepare("DELETE FROM authgate_token WHERE user_id = ?").bind(1, user_id).run();
    db_.prepare("DELETE FROM authgate_outbox WHERE user_id = ?").bind(1, user_id).run();
    db_.prepare("DELETE FROM user WHERE id = ?").bind(1, user_id).run();
}

}  // namespace authgate::store::sqlite
