// postgres_store.cpp -- the PostgreSQL unit of work, opening and migrating a PostgreSQL store.
#include "store/postgresql/postgres_store.h"

#include "store/postgresql/migrations.h"
#include "store/postgresql/write_lock.h"

namespace authgate::store::postgresql {

namespace {

const char* begin_sql(Access access) {
    return access == Access::write ? begin_write_sql : begin_read_sql;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& uri, const std::string& password)
    : connection_(uri, password),
      users_(connection_),
      sessions_(connection_),
      remember_(connection_),
      attempts_(connection_),
      meta_(connection_),
      groups_(connection_),
      admin_(connection_),
      outbox_(connection_),
      tokens_(connection_),
      accounts_(connection_),
      repositories_{users_, sessions_, remember_, attempts_, meta_, groups_, admin_, outbox_, tokens_, accounts_} {}

void PostgresStore::rollback_quietly() {
    if (!connection_.usable()) return;  // the server rolls back a lost connection's transaction itself
    try {
        connection_.exec("ROLLBACK");
    } catch (...) {
        // The connection broke meanwhile: the same.
    }
}

void PostgresStore::begin(Access access) {
    if (!connection_.usable()) connection_.reconnect();
    try {
        connection_.exec(begin_sql(access));
    } catch (const StoreUnavailable&) {
        // A lock wait that timed out: the connection is fine, the transaction is given up.
        if (connection_.usable()) {
            rollback_quietly();
            throw;
        }
        // The server restarted since this connection's last use: nothing has run yet, so one new
        // connection and one more try are safe.
        connection_.reconnect();
        try {
            connection_.exec(begin_sql(access));
        } catch (...) {
            rollback_quietly();
            throw;
        }
    } catch (...) {
        rollback_quietly();
        throw;
    }
}

void PostgresStore::run(Access access, const std::function<void(Repositories&)>& work) {
    begin(access);
    try {
        work(repositories_);
        connection_.exec("COMMIT");
    } catch (...) {
        rollback_quietly();
        throw;
    }
}

std::unique_ptr<Store> open_postgres_store(const std::string& uri, const std::string& password) {
    return std::make_unique<PostgresStore>(uri, password);
}

void prepare_postgres_store(const std::string& uri, const std::string& password) {
    Connection connection(uri, password);
    migrate(connection);
}

}  // namespace authgate::store::postgresql
