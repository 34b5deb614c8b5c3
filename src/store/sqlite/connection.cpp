// connection.cpp -- SQLite connection, statement cache and transactions.
#include "store/sqlite/connection.h"

#include <sqlite3.h>

#include <cstring>

namespace authgate::store::sqlite {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& context, int code) {
    std::string message = context + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    throw DatabaseError(message, db ? sqlite3_extended_errcode(db) : code);
}

}  // namespace

bool DatabaseError::is_unique_violation() const {
    return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
}

bool DatabaseError::is_busy() const {
    int primary = code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

Statement::~Statement() {
    if (statement_) {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(statement_, index, value);
    if (rc != SQLITE_OK) fail(sqlite3_db_handle(statement_), "bind", rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    int rc = sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(sqlite3_db_handle(statement_), "bind", rc);
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    int rc = sqlite3_bind_null(statement_, index);
    if (rc != SQLITE_OK) fail(sqlite3_db_handle(statement_), "bind", rc);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bind(index, nullptr);
}

bool Statement::step() {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(sqlite3_db_handle(statement_), "step", rc);
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::column_int64(int column) const {
    return sqlite3_column_int64(statement_, column);
}

std::string Statement::column_text(int column) const {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    int size = sqlite3_column_bytes(statement_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size)) : std::string();
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

namespace {

// Turns SQLite's memory statistics off before the library initialises. Debian builds SQLite with
// them on: every sqlite3_malloc and sqlite3_free then takes one process-wide mutex, which the
// workers' connections fight over on every statement. authgate never reads the statistics
// (sqlite3_memory_used and sqlite3_status report 0 without them). Returns false when SQLite was
// initialised already (then the setting stays as it was).
bool configure_sqlite_library() {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

}  // namespace

Connection::Connection(const std::string& path) : path_(path) {
    static const bool library_configured = configure_sqlite_library();  // once, before the first open
    (void)library_configured;
    int rc = sqlite3_open_v2(path.c_str(), &db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open database " + path + ": " +
                              (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw DatabaseError(message, rc);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    try {
        use_wal();
        exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    } catch (const DatabaseError& error) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw DatabaseError("cannot use database " + path + ": " + error.what(), error.code);
    }
}

void Connection::use_wal() {
    // WAL is a property of the file: once set, every later open finds it and changes nothing.
    {
        auto mode = prepare("PRAGMA journal_mode");
        if (mode.step() && mode.column_text(0) == "wal") return;
    }
    // Switching needs a moment of exclusive access, and SQLite answers SQLITE_BUSY at once (without
    // the busy handler) when another connection opens the new file at the same time: retry, up to
    // the busy timeout.
    for (int attempt = 0;; ++attempt) {
        try {
            exec("PRAGMA journal_mode=WAL");
            return;
        } catch (const DatabaseError& error) {
            if (!error.is_busy() || attempt >= 500) throw;
        }
        sqlite3_sleep(10);
    }
}

Connection::~Connection() {
    for (auto& entry : statements_) sqlite3_finalize(entry.second);
    sqlite3_close(db_);
}

void Connection::exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw DatabaseError(message, sqlite3_extended_errcode(db_));
    }
}

sqlite3_stmt* Connection::compiled(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &statement, nullptr);
    if (rc != SQLITE_OK) fail(db_, "prepare", rc);
    statements_.emplace(sql, statement);
    return statement;
}

Statement Connection::prepare(const std::string& sql) {
    return Statement(compiled(sql));
}

Statement Connection::prepare(const char* sql) {
    auto known = by_address_.find(sql);
    // The text is compared too: the same address may hold other SQL by now if it was not a literal.
    if (known != by_address_.end() && std::strcmp(sqlite3_sql(known->second), sql) == 0)
        return Statement(known->second);
    sqlite3_stmt* statement = compiled(sql);
    by_address_[sql] = statement;
    return Statement(statement);
}

std::int64_t Connection::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_);
}

int Connection::changes() const {
    return sqlite3_changes(db_);
}

Transaction::Transaction(Connection& connection, Access access) : connection_(connection) {
    connection_.prepare(access == Access::write ? "BEGIN IMMEDIATE" : "BEGIN").run();
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        connection_.prepare("ROLLBACK").run();
    } catch (...) {
        // The transaction is already gone (SQLite rolled it back itself).
    }
}

void Transaction::commit() {
    connection_.prepare("COMMIT").run();
    done_ = true;
}

}  // namespace authgate::store::sqlite
