// user_rows.h -- the columns of a `user` row and how they are read, shared by the queries that join it.
#pragma once

#include "store/records.h"
#include "store/sqlite/connection.h"

namespace authgate::store::sqlite {

// The user columns, in the order read_user() expects them.
#define AUTHGATE_USER_COLUMNS(prefix)                                                                   \
    prefix "id, " prefix "email, " prefix "username, " prefix "password_hash, " prefix "active, " prefix \
           "email_verified, " prefix "created_at, " prefix "last_login_at"

// Reads the user columns starting at column `first` of the current row.
UserRecord read_user(Statement& row, int first = 0);

}  // namespace authgate::store::sqlite
