// write_lock.h -- the statements that open a PostgreSQL transaction, and the one lock every writer takes.
#pragma once

namespace authgate::store::postgresql {

// A write transaction (and the migrations) takes the transaction-level advisory lock 0x6175746867617465
// ("authgate"): one writer at a time across every host, as SQLite's BEGIN IMMEDIATE gives one writer
// at a time on one machine. READ COMMITTED is enough under the lock: every statement sees what the
// writers before it committed. Released by COMMIT or ROLLBACK (or a lost connection). Like SQLite's
// busy timeout, a writer waits at most 5 s for a lock (lock_timeout; then SQLSTATE 55P03, which the
// connection reports as StoreUnavailable), so a stuck writer elsewhere makes pages answer 503, not hang.
inline constexpr const char* begin_write_sql =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '5s'; "
    "SELECT pg_advisory_xact_lock(7022647185714017381)";

// A read transaction: one snapshot for all its statements, and writes are refused.
inline constexpr const char* begin_read_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

}  // namespace authgate::store::postgresql
