// sqlite_store.h -- SQLite implementations of the repositories, one set per connection (thread).
#pragma once

#include "store/database.h"
#include "store/repositories.h"

namespace authgate::store {

class SqliteUserRepository : public UserRepository {
public:
    explicit SqliteUserRepository(Connection& connection) : db_(connection) {}
    std::optional<UserRecord> find_by_email(const std::string& email) override;
    std::optional<UserRecord> find_by_id(std::int64_t id) override;
    CreateUserResult create(const std::string& email, const std::string& username, const std::string& password_hash,
                            std::int64_t now, std::int64_t& created_id) override;
    void update_password_hash(std::int64_t user_id, const std::string& password_hash) override;
    void record_login(std::int64_t user_id, std::int64_t now) override;

private:
    Connection& db_;
};

class SqliteSessionRepository : public SessionRepository {
public:
    explicit SqliteSessionRepository(Connection& connection) : db_(connection) {}
    std::int64_t create(const NewSession& session) override;
    std::optional<SessionRecord> find_by_token_hash(const std::string& token_hash) override;
    void touch(std::int64_t session_id, std::int64_t now) override;
    void mark_not_fresh(std::int64_t session_id) override;
    void remove(std::int64_t session_id) override;
    void remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) override;
    void add_flash(std::int64_t session_id, const FlashRecord& flash) override;
    std::vector<FlashRecord> take_flashes(std::int64_t session_id) override;

private:
    Connection& db_;
};

class SqliteRememberRepository : public RememberRepository {
public:
    explicit SqliteRememberRepository(Connection& connection) : db_(connection) {}
    void create(const RememberRecord& record, std::int64_t now) override;
    std::optional<RememberRecord> find(const std::string& selector) override;
    bool rotate(const std::string& selector, const std::string& old_hash, const std::string& new_hash,
                std::int64_t expires_at) override;
    void remove(const std::string& selector) override;
    void remove_all_for_user(std::int64_t user_id) override;

private:
    Connection& db_;
};

class SqliteAttemptRepository : public AttemptRepository {
public:
    explicit SqliteAttemptRepository(Connection& connection) : db_(connection) {}
    void record(const std::string& kind, const std::string& key, std::int64_t now) override;
    AttemptStats since(const std::string& kind, const std::string& key, std::int64_t since) override;
    void clear(const std::string& kind, const std::string& key) override;
    void prune(std::int64_t before) override;

private:
    Connection& db_;
};

class SqliteMetaRepository : public MetaRepository {
public:
    explicit SqliteMetaRepository(Connection& connection) : db_(connection) {}
    std::string get_or_create(const std::string& name, const std::string& value_if_absent) override;

private:
    Connection& db_;
};

// Every repository over one connection.
struct SqliteStore {
    explicit SqliteStore(Connection& connection)
        : users(connection), sessions(connection), remember(connection), attempts(connection), meta(connection) {}
    SqliteUserRepository users;
    SqliteSessionRepository sessions;
    SqliteRememberRepository remember;
    SqliteAttemptRepository attempts;
    SqliteMetaRepository meta;
};

}  // namespace authgate::store
