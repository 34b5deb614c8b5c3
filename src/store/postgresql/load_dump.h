// load_dump.h -- writes a DatabaseDump into a PostgreSQL database (for authgate-admin copy).
#pragma once

#include "store/copy_store.h"
#include "store/postgresql/connection.h"

namespace authgate::store::postgresql {

// In one transaction holding the write lock: refuses (CopyResult::refused) when the target has
// accounts and `replace` is false; otherwise empties the target when `replace`, inserts every row
// of `dump` with its ids and moves the id sequences past them. The database must be migrated.
// Throws DatabaseError / StoreUnavailable (the target is then unchanged).
CopyResult load_dump(Connection& connection, const DatabaseDump& dump, bool replace);

}  // namespace authgate::store::postgresql
