// load_dump.cpp -- inserting a whole DatabaseDump into PostgreSQL, ids and hashes as they were.
#include "store/postgresql/load_dump.h"

#include "store/postgresql/write_lock.h"

namespace authgate::store::postgresql {

namespace {

void empty_target(Connection& db) {
    db.exec("DELETE FROM authgate_group_member; DELETE FROM authgate_token; DELETE FROM authgate_outbox;"
            "DELETE FROM authgate_session; DELETE FROM authgate_remember; DELETE FROM authgate_attempt;"
            "DELETE FROM authgate_meta; DELETE FROM \"user\"");
}

void write_users(Connection& db, const DatabaseDump& dump, CopyCounts& counts) {
    for (const UserRecord& user : dump.users) {
        db.run("INSERT INTO \"user\" (id, email, username, password_hash, active, email_verified, created_at, "
               "last_login_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
               {user.id, user.email, user.username, user.password_hash, user.active ? 1 : 0, user.email_verified ? 1 : 0,
                user.created_at, user.last_login_at});
        ++counts.users;
    }
    for (const auto& [user_id, group] : dump.group_members) {
        db.run("INSERT INTO authgate_group_member (user_id, group_name) VALUES ($1, $2)", {user_id, group});
        ++counts.group_members;
    }
}

void write_sessions(Connection& db, const DatabaseDump& dump, CopyCounts& counts) {
    for (const SessionRow& session : dump.sessions) {
        db.run("INSERT INTO authgate_session (id, token_hash, user_id, fresh, identifier, created_at, last_seen_at, "
               "remote_addr, user_agent, remember_selector, public_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
               "coalesce(nullif($11, ''), replace(gen_random_uuid()::text, '-', '')))",
               {session.id, session.token_hash, session.user_id, session.fresh ? 1 : 0, session.identifier,
                session.created_at, session.last_seen_at, session.remote_addr, session.user_agent,
                session.remember_selector, session.public_id});
        ++counts.sessions;
    }
    for (const RememberRow& row : dump.remember_chains) {
        const RememberRecord& chain = row.chain;
        db.run("INSERT INTO authgate_remember (selector, validator_hash, user_id, created_at, expires_at, "
               "previous_validator_hash, rotated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
               {chain.selector, chain.validator_hash, chain.user_id, row.created_at, chain.expires_at,
                chain.previous_validator_hash, chain.rotated_at});
        ++counts.remember_chains;
    }
}

void write_mail(Connection& db, const DatabaseDump& dump, CopyCounts& counts) {
    for (const TokenRecord& token : dump.tokens) {
        db.run("INSERT INTO authgate_token (token_hash, purpose, user_id, email, password_hash, new_email, created_at, "
               "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
               {token.token_hash, token.purpose, token.user_id, token.email, token.password_hash, token.new_email,
                token.created_at, token.expires_at});
        ++counts.tokens;
    }
    for (const OutboxRecord& mail : dump.outbox) {
        db.run("INSERT INTO authgate_outbox (id, sender, recipient, message, user_id, created_at, attempts, "
               "next_attempt_at, claimed_until, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
               {mail.id, mail.sender, mail.recipient, mail.message, mail.user_id, mail.created_at, mail.attempts,
                mail.next_attempt_at, mail.claimed_until, mail.last_error});
        ++counts.outbox;
    }
    for (const auto& [name, value] : dump.meta) {
        db.run("INSERT INTO authgate_meta (name, value) VALUES ($1, $2) "
               "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
               {name, value});
        ++counts.meta;
    }
}

// New rows get ids after the copied ones.
void advance_sequences(Connection& db) {
    db.exec("SELECT setval(pg_get_serial_sequence('\"user\"', 'id'), coalesce(max(id), 0) + 1, false) FROM \"user\";"
            "SELECT setval(pg_get_serial_sequence('authgate_session', 'id'), coalesce(max(id), 0) + 1, false) "
            "FROM authgate_session;"
            "SELECT setval(pg_get_serial_sequence('authgate_outbox', 'id'), coalesce(max(id), 0) + 1, false) "
            "FROM authgate_outbox");
}

CopyResult load_locked(Connection& db, const DatabaseDump& dump, bool replace) {
    CopyResult result;
    std::int64_t existing = db.run("SELECT count(*) FROM \"user\"").int64(0, 0);
    if (existing > 0 && !replace) {
        result.refused = true;
        result.target_users = existing;
        return result;
    }
    if (replace) empty_target(db);
    write_users(db, dump, result.copied);
    write_sessions(db, dump, result.copied);
    write_mail(db, dump, result.copied);
    advance_sequences(db);
    return result;
}

}  // namespace

CopyResult load_dump(Connection& connection, const DatabaseDump& dump, bool replace) {
    try {
        connection.exec(begin_write_sql);
        CopyResult result = load_locked(connection, dump, replace);
        connection.exec(result.refused ? "ROLLBACK" : "COMMIT");
        return result;
    } catch (...) {
        if (connection.usable()) {
            try {
                connection.exec("ROLLBACK");
            } catch (...) {
                // Gone with the connection: the server rolls back.
            }
        }
        throw;
    }
}

}  // namespace authgate::store::postgresql
