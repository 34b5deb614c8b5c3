// postgres_store.h -- the PostgreSQL backend: repositories over one connection, and its unit of work.
#pragma once

#include <memory>
#include <string>

#include "store/postgresql/connection.h"
#include "store/postgresql/repositories.h"
#include "store/store.h"

namespace authgate::store::postgresql {

// One thread's connection with every repository over it.
class PostgresStore : public Store {
public:
    // Connects to `uri`; throws StoreUnavailable naming it (redacted) on failure.
    PostgresStore(const std::string& uri, const std::string& password);
    // read: one snapshot, no writes (begin_read_sql). write: holds the write lock from its start
    // (begin_write_sql), so a check and the writes it guards cannot race with any other thread,
    // process or host.
    // A connection found broken is opened again first (once); StoreUnavailable when that fails or
    // the connection is lost during the work (nothing of it was committed).
    void run(Access access, const std::function<void(Repositories&)>& work) override;
    Connection& connection() { return connection_; }

private:
    // Opens the transaction; on failure none is left open.
    void begin(Access access);
    // ROLLBACK when the connection still works, ignoring a failure.
    void rollback_quietly();

    Connection connection_;
    PgUserRepository users_;
    PgSessionRepository sessions_;
    PgRememberRepository remember_;
    PgAttemptRepository attempts_;
    PgMetaRepository meta_;
    PgGroupRepository groups_;
    PgAdminRepository admin_;
    PgOutboxRepository outbox_;
    PgTokenRepository tokens_;
    PgAccountRepository accounts_;
    Repositories repositories_;
};

// open_store / prepare_store for a PostgreSQL URI (store/open_store.cpp chooses the backend).
std::unique_ptr<Store> open_postgres_store(const std::string& uri, const std::string& password);
void prepare_postgres_store(const std::string& uri, const std::string& password);

}  // namespace authgate::store::postgresql
