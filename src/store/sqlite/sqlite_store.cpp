// sqlite_store.cpp -- the SQLite unit of work, and opening a store by its name.
#include "store/sqlite/sqlite_store.h"

#include "store/sqlite/migrations.h"

namespace authgate::store {

namespace sqlite {

SqliteStore::SqliteStore(const std::string& path)
    : connection_(path),
      users_(connection_),
      sessions_(connection_),
      remember_(connection_),
      attempts_(connection_),
      meta_(connection_),
      groups_(connection_),
      repositories_{users_, sessions_, remember_, attempts_, meta_, groups_} {}

void SqliteStore::run(Access access, const std::function<void(Repositories&)>& work) {
    Transaction transaction(connection_, access);
    work(repositories_);
    transaction.commit();
}

}  // namespace sqlite

std::unique_ptr<Store> open_store(const std::string& database) {
    return std::make_unique<sqlite::SqliteStore>(database);
}

void prepare_store(const std::string& database) {
    sqlite::Connection connection(database);
    sqlite::migrate(connection);
}

}  // namespace authgate::store
