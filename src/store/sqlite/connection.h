// connection.h -- one SQLite connection (per worker thread) with cached prepared statements.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace authgate::store::sqlite {

// A failed SQLite call; `code` is the extended result code (2067 = UNIQUE violation).
class DatabaseError : public StoreError {
public:
    DatabaseError(const std::string& what, int code) : StoreError(what), code(code) {}
    int code;
    // True for a UNIQUE or PRIMARY KEY constraint violation.
    bool is_unique_violation() const override;
    // True for SQLITE_BUSY and SQLITE_LOCKED (any extended code).
    bool is_busy() const;
    // A busy database (is_busy) may be tried again.
    bool may_retry() const override { return is_busy(); }
};

// A prepared statement borrowed from a Connection's cache; reset and unbound when destroyed.
class Statement {
public:
    explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
    Statement(Statement&& other) noexcept : statement_(other.statement_) { other.statement_ = nullptr; }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binds parameter `index` (1-based). Each returns *this so calls can be chained.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }

    // Runs one step: true when a row is available, false when done. Throws DatabaseError.
    bool step();
    // Runs to completion, ignoring rows.
    void run();

    std::int64_t column_int64(int column) const;
    std::string column_text(int column) const;
    bool column_is_null(int column) const;

private:
    sqlite3_stmt* statement_;
};

class Connection {
public:
    // Opens (creating if needed) the database at `path` with WAL, synchronous=NORMAL,
    // foreign_keys=ON and a busy timeout. Throws DatabaseError naming the path on failure.
    explicit Connection(const std::string& path);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more SQL statements without parameters (schema, pragmas, BEGIN/COMMIT).
    void exec(const std::string& sql);
    // A prepared statement for `sql`, compiled once per connection and then reused.
    Statement prepare(const std::string& sql);
    // The same for SQL text at `sql` (a string literal, as the repositories pass it): found again by
    // its address, confirmed against the statement's own text, without building a std::string.
    Statement prepare(const char* sql);
    std::int64_t last_insert_rowid() const;
    int changes() const;
    const std::string& path() const { return path_; }

private:
    // Puts the file in WAL mode unless it already is, retrying while another connection is busy.
    void use_wal();
    // The cached statement for `sql`, compiled on first use. Throws DatabaseError.
    sqlite3_stmt* compiled(const std::string& sql);

    std::string path_;
    sqlite3* db_ = nullptr;
    std::map<std::string, sqlite3_stmt*> statements_;               // owns the statements
    std::unordered_map<const char*, sqlite3_stmt*> by_address_;     // shortcuts into statements_
};

// BEGIN IMMEDIATE (write) or BEGIN (read) on construction; ROLLBACK on destruction unless
// commit() was called.
class Transaction {
public:
    explicit Transaction(Connection& connection, Access access = Access::write);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    // Commits; afterwards the destructor does nothing.
    void commit();

private:
    Connection& connection_;
    bool done_ = false;
};

}  // namespace authgate::store::sqlite
