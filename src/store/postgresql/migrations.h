// migrations.h -- brings a PostgreSQL database (empty, authgate's, or a Flask app's) to the current schema.
#pragma once

#include "store/postgresql/connection.h"

namespace authgate::store::postgresql {

// The schema version this build migrates to (the same numbers as the SQLite migrations).
int current_schema_version();

// The database's schema version: the highest row of authgate_schema_version (0 without the table).
int schema_version(Connection& connection);

// Creates the base tables (the Flask-SQLAlchemy `user` table among them, when missing) and applies
// every numbered migration above the database's version, in one transaction holding the write lock
// (pg_advisory_xact_lock), so hosts starting together migrate once. Each applied version is a row
// of authgate_schema_version. Throws DatabaseError when the database is newer than this build or a
// step fails, StoreUnavailable when the server cannot be reached.
void migrate(Connection& connection);

}  // namespace authgate::store::postgresql
