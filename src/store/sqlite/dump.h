// dump.h -- reads every row worth keeping out of a SQLite database (for authgate-admin copy).
#pragma once

#include "store/copy_store.h"
#include "store/sqlite/connection.h"

namespace authgate::store::sqlite {

// Reads the dump in one read transaction. The database must be at this build's schema.
DatabaseDump read_dump(Connection& connection);

}  // namespace authgate::store::sqlite
