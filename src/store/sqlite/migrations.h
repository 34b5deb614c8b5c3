// migrations.h -- brings a database (new, authgate's, or a Flask app's users.db) to the current schema.
#pragma once

#include "store/sqlite/connection.h"

namespace authgate::store::sqlite {

// The user_version this build's schema has.
int current_schema_version();

// Applies schema.sql and then every numbered migration above the database's user_version, all in
// one BEGIN IMMEDIATE transaction. Safe to run at every start and from several processes.
// Throws DatabaseError when the database is newer than this build or a step fails.
void migrate(Connection& connection);

}  // namespace authgate::store::sqlite
