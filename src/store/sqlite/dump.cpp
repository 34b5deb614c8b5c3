// dump.cpp -- reading a whole SQLite database into a DatabaseDump.
#include "store/sqlite/dump.h"

#include "store/sqlite/user_rows.h"

namespace authgate::store::sqlite {

namespace {

std::optional<std::string> optional_text(Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return row.column_text(column);
}

std::optional<std::int64_t> optional_int(Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return row.column_int64(column);
}

// Rows of accounts that are gone are left out: PostgreSQL's foreign keys would refuse them.
#define AUTHGATE_OWNED_BY_A_USER(table) " WHERE " table ".user_id IN (SELECT id FROM user)"

void read_users(Connection& db, DatabaseDump& dump) {
    auto rows = db.prepare("SELECT " AUTHGATE_USER_COLUMNS("") " FROM user ORDER BY id");
    while (rows.step()) dump.users.push_back(read_user(rows));
    auto members = db.prepare("SELECT g.user_id, g.group_name FROM authgate_group_member g"
                              AUTHGATE_OWNED_BY_A_USER("g") " ORDER BY g.user_id, g.group_name");
    while (members.step()) dump.group_members.emplace_back(members.column_int64(0), members.column_text(1));
}

void read_sessions(Connection& db, DatabaseDump& dump) {
    auto rows = db.prepare("SELECT s.id, s.token_hash, s.user_id, s.fresh, s.identifier, s.created_at, s.last_seen_at, "
                           "s.remote_addr, s.user_agent, s.remember_selector, coalesce(s.public_id, '') "
                           "FROM authgate_session s" AUTHGATE_OWNED_BY_A_USER("s") " ORDER BY s.id");
    while (rows.step()) {
        SessionRow session;
        session.id = rows.column_int64(0);
        session.token_hash = rows.column_text(1);
        session.user_id = rows.column_int64(2);
        session.fresh = rows.column_int64(3) != 0;
        session.identifier = rows.column_text(4);
        session.created_at = rows.column_int64(5);
        session.last_seen_at = rows.column_int64(6);
        session.remote_addr = rows.column_text(7);
        session.user_agent = rows.column_text(8);
        session.remember_selector = optional_text(rows, 9);
        session.public_id = rows.column_text(10);
        dump.sessions.push_back(std::move(session));
    }
    auto chains = db.prepare("SELECT r.selector, r.validator_hash, r.user_id, r.expires_at, r.previous_validator_hash, "
                             "r.rotated_at, r.created_at FROM authgate_remember r"
                             AUTHGATE_OWNED_BY_A_USER("r") " ORDER BY r.selector");
    while (chains.step()) {
        RememberRow chain;
        chain.chain = {chains.column_text(0), chains.column_text(1), chains.column_int64(2), chains.column_int64(3),
                       optional_text(chains, 4), optional_int(chains, 5)};
        chain.created_at = chains.column_int64(6);
        dump.remember_chains.push_back(std::move(chain));
    }
}

void read_mail(Connection& db, DatabaseDump& dump) {
    auto tokens = db.prepare("SELECT t.token_hash, t.purpose, t.user_id, t.email, t.password_hash, t.new_email, "
                             "t.created_at, t.expires_at FROM authgate_token t"
                             AUTHGATE_OWNED_BY_A_USER("t") " ORDER BY t.token_hash");
    while (tokens.step())
        dump.tokens.push_back({tokens.column_text(0), tokens.column_text(1), tokens.column_int64(2),
                               tokens.column_text(3), tokens.column_text(4), tokens.column_text(5),
                               tokens.column_int64(6), tokens.column_int64(7)});
    auto mail = db.prepare("SELECT id, sender, recipient, message, user_id, created_at, attempts, next_attempt_at, "
                           "claimed_until, last_error FROM authgate_outbox ORDER BY id");
    while (mail.step()) {
        OutboxRecord record;
        record.id = mail.column_int64(0);
        record.sender = mail.column_text(1);
        record.recipient = mail.column_text(2);
        record.message = mail.column_text(3);
        record.user_id = optional_int(mail, 4);
        record.created_at = mail.column_int64(5);
        record.attempts = mail.column_int64(6);
        record.next_attempt_at = mail.column_int64(7);
        record.claimed_until = optional_int(mail, 8);
        record.last_error = mail.column_text(9);
        dump.outbox.push_back(std::move(record));
    }
    auto meta = db.prepare("SELECT name, value FROM authgate_meta ORDER BY name");
    while (meta.step()) dump.meta.emplace_back(meta.column_text(0), meta.column_text(1));
}

}  // namespace

DatabaseDump read_dump(Connection& connection) {
    Transaction transaction(connection, Access::read);
    DatabaseDump dump;
    read_users(connection, dump);
    read_sessions(connection, dump);
    read_mail(connection, dump);
    transaction.commit();
    return dump;
}

}  // namespace authgate::store::sqlite
