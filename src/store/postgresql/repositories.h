// repositories.h -- the PostgreSQL implementations of every repository in store/*.h, over one Connection.
#pragma once

#include "store/account_repository.h"
#include "store/admin_repository.h"
#include "store/group_repository.h"
#include "store/outbox_repository.h"
#include "store/postgresql/connection.h"
#include "store/repositories.h"
#include "store/token_repository.h"

namespace authgate::store::postgresql {

class PgUserRepository : public UserRepository {
public:
    explicit PgUserRepository(Connection& connection) : db_(connection) {}
    std::optional<UserRecord> find_by_email(const std::string& email) override;
    std::optional<UserRecord> find_by_id(std::int64_t id) override;
    bool email_taken(const std::string& email) override;
    bool username_taken(const std::string& username) override;
    std::int64_t create(const std::string& email, const std::string& username, const std::string& password_hash,
                        std::int64_t now) override;
    bool replace_password_hash(std::int64_t user_id, const std::string& old_hash,
                               const std::string& new_hash) override;
    void record_login(std::int64_t user_id, std::int64_t now) override;
    std::vector<std::string> password_methods() override;

private:
    Connection& db_;
};

class PgSessionRepository : public SessionRepository {
public:
    explicit PgSessionRepository(Connection& connection) : db_(connection) {}
    std::int64_t create(const NewSession& session) override;
    std::optional<SessionWithUser> find_with_user(const std::string& token_hash) override;
    void touch(std::int64_t session_id, std::int64_t now) override;
    void mark_not_fresh(std::int64_t session_id) override;
    void remove(std::int64_t session_id) override;
    void remove_by_token_hash(const std::string& token_hash) override;
    std::int64_t remove_for_chain(const std::string& selector) override;
    std::int64_t remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) override;

private:
    Connection& db_;
};

class PgRememberRepository : public RememberRepository {
public:
    explicit PgRememberRepository(Connection& connection) : db_(connection) {}
    void create(const RememberRecord& record, std::int64_t now) override;
    std::optional<RememberRecord> find(const std::string& selector) override;
    bool rotate(const std::string& selector, const std::string& old_hash, const std::string& new_hash,
                std::int64_t now) override;
    void remove(const std::string& selector) override;
    void remove_all_for_user(std::int64_t user_id) override;
    std::int64_t remove_expired(std::int64_t now) override;

private:
    Connection& db_;
};

class PgAttemptRepository : public AttemptRepository {
public:
    explicit PgAttemptRepository(Connection& connection) : db_(connection) {}
    std::int64_t record(const std::string& kind, const std::string& key, std::int64_t now) override;
    AttemptStats since(const std::string& kind, const std::string& key, std::int64_t since) override;
    void remove(std::int64_t attempt_id) override;
    void clear(const std::string& kind, const std::string& key) override;
    std::int64_t prune(std::int64_t before) override;

private:
    Connection& db_;
};

class PgMetaRepository : public MetaRepository {
public:
    explicit PgMetaRepository(Connection& connection) : db_(connection) {}
    std::string get_or_create(const std::string& name, const std::string& value_if_absent) override;

private:
    Connection& db_;
};

class PgAdminRepository : public AdminRepository {
public:
    explicit PgAdminRepository(Connection& connection) : db_(connection) {}
    std::optional<UserRecord> find_by_username(const std::string& username) override;
    std::vector<UserRecord> list_users() override;
    bool set_active(std::int64_t user_id, bool active) override;
    bool set_email_verified(std::int64_t user_id, bool verified) override;
    bool delete_user(std::int64_t user_id) override;
    UserFootprint footprint(std::int64_t user_id) override;
    UserFootprint end_sessions_of(std::int64_t user_id) override;
    std::vector<SessionInfo> list_sessions(const std::optional<std::int64_t>& user_id) override;
    std::optional<SessionInfo> find_session(std::int64_t session_id) override;
    StoreCounts counts(std::int64_t attempts_since) override;
    StoreHealth health() override;

private:
    // The first column of `sql`'s first row (0 without a row); `parameter` binds to its $1, if any.
    std::int64_t count(const std::string& sql, std::int64_t parameter);
    bool has_table(const std::string& name);
    Connection& db_;
};

class PgGroupRepository : public GroupRepository {
public:
    explicit PgGroupRepository(Connection& connection) : db_(connection) {}
    bool add(std::int64_t user_id, const std::string& group) override;
    bool remove(std::int64_t user_id, const std::string& group) override;
    std::vector<std::string> groups_of(std::int64_t user_id) override;
    std::vector<GroupMember> members(const std::optional<std::string>& group) override;

private:
    Connection& db_;
};

class PgOutboxRepository : public OutboxRepository {
public:
    explicit PgOutboxRepository(Connection& connection) : db_(connection) {}
    std::int64_t add(const OutboxRecord& record) override;
    std::vector<OutboxRecord> claim_due(std::int64_t now, std::int64_t claimed_until, int limit) override;
    void remove(std::int64_t id) override;
    void defer(std::int64_t id, const std::string& error, std::int64_t next_attempt_at) override;
    std::vector<OutboxRecord> list() override;
    void remove_for_user(std::int64_t user_id) override;

private:
    Connection& db_;
};

class PgTokenRepository : public TokenRepository {
public:
    explicit PgTokenRepository(Connection& connection) : db_(connection) {}
    void create(const TokenRecord& record) override;
    std::optional<TokenRecord> find(const std::string& token_hash) override;
    void remove(const std::string& token_hash) override;
    void remove_for_user(std::int64_t user_id, const std::string& purpose) override;
    void remove_expired(std::int64_t now) override;

private:
    Connection& db_;
};

class PgAccountRepository : public AccountRepository {
public:
    explicit PgAccountRepository(Connection& connection) : db_(connection) {}
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

}  // namespace authgate::store::postgresql
