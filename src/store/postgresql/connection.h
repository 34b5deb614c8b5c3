// connection.h -- one libpq connection (per worker thread) with named prepared statements and RAII results.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "store/store.h"

struct pg_conn;
struct pg_result;

namespace authgate::store::postgresql {

// A failed statement; `sqlstate` is PostgreSQL's five-character error code ("23505" = unique_violation).
class DatabaseError : public StoreError {
public:
    DatabaseError(const std::string& what, std::string sqlstate) : StoreError(what), sqlstate(std::move(sqlstate)) {}
    std::string sqlstate;
    // True for a UNIQUE or PRIMARY KEY constraint violation (SQLSTATE 23505).
    bool is_unique_violation() const override;
};

// One statement parameter in libpq's text format; nullopt is SQL NULL.
class Param {
public:
    Param(std::int64_t value) : text_(std::to_string(value)) {}
    Param(int value) : text_(std::to_string(value)) {}
    Param(const std::string& value) : text_(value) {}
    Param(const char* value) : text_(std::string(value)) {}
    Param(std::nullptr_t) {}
    Param(const std::optional<std::string>& value) : text_(value) {}
    Param(const std::optional<std::int64_t>& value) {
        if (value) text_ = std::to_string(*value);
    }
    const std::optional<std::string>& text() const { return text_; }

private:
    std::optional<std::string> text_;
};

// The rows of one statement, freed when destroyed. Columns are read from libpq's text format.
class Result {
public:
    explicit Result(pg_result* result);
    Result(Result&&) noexcept = default;
    Result& operator=(Result&&) noexcept = default;
    ~Result();

    int rows() const;
    bool empty() const { return rows() == 0; }
    // The value at `row`, `column` (0-based): an integer (0 for NULL), text ("" for NULL), or whether it is NULL.
    std::int64_t int64(int row, int column) const;
    std::string text(int row, int column) const;
    bool is_null(int row, int column) const;
    // Rows an INSERT, UPDATE or DELETE touched.
    std::int64_t affected() const;

private:
    struct Free {
        void operator()(pg_result* result) const;
    };
    std::unique_ptr<pg_result, Free> result_;
};

class Connection {
public:
    // Connects to `uri` (any libpq connection URI or key=value string) with `password` (empty:
    // libpq finds one itself: the URI, PGPASSWORD, PGPASSFILE). connect_timeout, TCP keepalives and
    // tcp_user_timeout default to a few seconds unless the URI sets them. Throws StoreUnavailable
    // (naming the redacted URI) when the server cannot be reached or refuses the login.
    Connection(std::string uri, std::string password);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs `sql` ($1, $2... placeholders) as a named prepared statement, prepared on this connection at
    // its first use. Throws StoreUnavailable when the connection is lost, the server is shutting
    // down or a lock wait timed out; DatabaseError otherwise.
    Result run(const std::string& sql, std::initializer_list<Param> params = {});
    // Runs one or more statements without parameters (schema, BEGIN/COMMIT); throws as run() does.
    void exec(const std::string& sql);
    // False once the connection is known to be broken (the server went away).
    bool usable() const;
    // Drops the broken connection and opens a new one (prepared statements are prepared again as used).
    // Throws StoreUnavailable when the server still cannot be reached.
    void reconnect();
    // The URI for messages, password redacted.
    const std::string& name() const { return name_; }

private:
    void connect();
    // Throws the right error for a failed `result` of `context` ("prepare", "run", ...).
    [[noreturn]] void fail(pg_result* result, const std::string& context);

    std::string uri_;
    std::string password_;
    std::string name_;
    pg_conn* conn_ = nullptr;
    std::map<std::string, std::string> statements_;  // SQL text -> prepared statement name
};

}  // namespace authgate::store::postgresql
