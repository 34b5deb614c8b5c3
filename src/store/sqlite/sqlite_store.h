// sqlite_store.h -- the SQLite backend: repositories over one connection, and its unit of work.
#pragma once

#include "store/sqlite/admin_repositories.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/mail_repositories.h"
#include "store/store.h"

namespace authgate::store::sqlite {

class SqliteUserRepository : public UserRepository {
public:
    explicit SqliteUserRepository(Connection& connection) : db_(connection) {}
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

class SqliteSessionRepository : public SessionRepository {
public:
    explicit SqliteSessionRepository(Connection& connection) : db_(connection) {}
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

class SqliteRememberRepository : public RememberRepository {
public:
    explicit SqliteRememberRepository(Connection& connection) : db_(connection) {}
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

class SqliteAttemptRepository : public AttemptRepository {
public:
    explicit SqliteAttemptRepository(Connection& connection) : db_(connection) {}
    std::int64_t record(const std::string& kind, const std::string& key, std::int64_t now) override;
    AttemptStats since(const std::string& kind, const std::string& key, std::int64_t since) override;
    void remove(std::int64_t attempt_id) override;
    void clear(const std::string& kind, const std::string& key) override;
    std::int64_t prune(std::int64_t before) override;

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

// One thread's connection with every repository over it.
class SqliteStore : public Store {
public:
    // Opens `path`; throws DatabaseError naming it on failure.
    explicit SqliteStore(const std::string& path);
    void run(Access access, const std::function<void(Repositories&)>& work) override;
    Connection& connection() { return connection_; }

private:
    Connection connection_;
    SqliteUserRepository users_;
    SqliteSessionRepository sessions_;
    SqliteRememberRepository remember_;
    SqliteAttemptRepository attempts_;
    SqliteMetaRepository meta_;
    SqliteGroupRepository groups_;
    SqliteAdminRepository admin_;
    SqliteOutboxRepository outbox_;
    SqliteTokenRepository tokens_;
    SqliteAccountRepository accounts_;
    Repositories repositories_;
};

// open_store / prepare_store for a SQLite file (store/open_store.cpp chooses the backend).
std::unique_ptr<Store> open_sqlite_store(const std::string& path);
void prepare_sqlite_store(const std::string& path);

}  // namespace authgate::store::sqlite
