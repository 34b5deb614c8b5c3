// sqlite_store.cpp -- the SQLite unit of work, opening and migrating a SQLite store.
#include "store/sqlite/sqlite_store.h"

#include "store/sqlite/migrations.h"

namespace authgate::store::sqlite {

SqliteStore::SqliteStore(const std::string& path)
    : connection_(path),
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

void SqliteStore::run(Access access, const std::function<void(Repositories&)>& work) {
    Transaction transaction(connection_, access);
    work(repositories_);
    transaction.commit();
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
    return std::make_unique<SqliteStore>(path);
}

void prepare_sqlite_store(const std::string& path) {
    Connection connection(path);
    migrate(connection);
}

}  // namespace authgate::store::sqlite
