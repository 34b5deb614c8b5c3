// user_rows.h -- the columns of a `user` row and how they are read, shared by the queries that join it.
#pragma once

#include "store/postgresql/connection.h"
#include "store/records.h"

namespace authgate::store::postgresql {

// The user columns, in the order read_user() expects them.
#define AUTHGATE_PG_USER_COLUMNS(prefix)                                                                \
    prefix "id, " prefix "email, " prefix "username, " prefix "password_hash, " prefix "active, " prefix \
           "email_verified, " prefix "created_at, " prefix "last_login_at"

// Reads the user columns of row `row` starting at column `first`.
UserRecord read_user(const Result& result, int row, int first = 0);

}  // namespace authgate::store::postgresql
