// copy_store.cpp -- authgate-admin copy: a SQLite database read whole, written into PostgreSQL.
#include "store/copy_store.h"

#include "store/postgresql/load_dump.h"
#include "store/postgresql/migrations.h"
#include "store/sqlite/dump.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"

namespace authgate::store {

CopyResult copy_store(const std::string& from, const std::string& to, const std::string& to_password, bool replace) {
    if (is_postgresql(from)) throw StoreError("the source must be a SQLite file, not " + redacted(from));
    if (!is_postgresql(to)) throw StoreError("the target must be a postgresql:// URI, not " + to);
    if (!store_exists(from)) throw StoreError("no database at " + from);
    DatabaseDump dump;
    {
        sqlite::Connection source(from);
        sqlite::migrate(source);
        dump = sqlite::read_dump(source);
    }
    postgresql::Connection target(to, to_password);
    postgresql::migrate(target);
    return postgresql::load_dump(target, dump, replace);
}

}  // namespace authgate::store
