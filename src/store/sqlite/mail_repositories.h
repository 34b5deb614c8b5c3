// mail_repositories.h -- the SQLite outbox, token and account-change repositories.
#pragma once

#include "store/account_repository.h"
#include "store/outbox_repository.h"
#include "store/sqlite/connection.h"
#include "store/token_repository.h"

namespace authgate::store::sqlite {

class SqliteOutboxRepository : public OutboxRepository {
public:
    explicit SqliteOutboxRepository(Connection& connection) : db_(connection) {}
    std::int64_t add(const OutboxRecord& record) override;
    std::vector<OutboxRecord> claim_due(std::int64_t now, std::int64_t claimed_until, int limit) override;
    void remove(std::int64_t id) override;
    void defer(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) override;
    std::vector<OutboxRecord> list() override;
    void remove_for_user(std::int64_t user_id) override;

private:
    Connection& db_;
};

class SqliteTokenRepository : public TokenRepository {
public:
    explicit SqliteTokenRepository(Connection& connection) : db_(connection) {}
    void create(const TokenRecord& record) override;
    std::optional<TokenRecord> find(const std::string& token_hash) override;
    void remove(const std::string& token_hash) override;
    void remove_for_user(std::int64_t user_id, const std::string& purpose) override;
    void remove_expired(std::int64_t now) override;

private:
    Connection& db_;
};

class SqliteAccountRepository : public AccountRepository {
public:
    explicit SqliteAccountRepository(Connection& connection) : db_(connection) {}
    bool set_email(std::int64_t user_id, const std::string& email, bool verified) override;
    void mark_email_verified(std::int64_t user_id) override;
    std::vector<SessionSummaryRecord> sessions_of(std::int64_t user_id) override;
    std::int64_t remove_session(std::int64_t user_id, const std::string& public_id) override;
    std::int64_t remove_other_sessions(std::int64_t user_id, std::int64_t keep_session_id) override;
    void remove_all_sessions(std::int64_t user_id) override;
    void remove_user(std::int64_t user_id) override;

private:
    Connection& db_;
};

}  // namespace authgate::store::sqlite
