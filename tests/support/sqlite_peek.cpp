// sqlite_peek.cpp -- the sqlite3 C API behind SqlitePeek.
#include "support/sqlite_peek.h"

#include <chrono>
#include <sqlite3.h>
#include <stdexcept>

namespace authgate::test {

namespace {

class Statement {
public:
    Statement(sqlite3* db, const std::string& sql, const std::vector<std::string>& parameters) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot prepare \"" + sql + "\": " + sqlite3_errmsg(db));
        for (std::size_t i = 0; i < parameters.size(); ++i)
            sqlite3_bind_text(statement_, static_cast<int>(i + 1), parameters[i].c_str(),
                              static_cast<int>(parameters[i].size()), SQLITE_TRANSIENT);
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return statement_; }

private:
    sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

SqlitePeek::SqlitePeek(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw std::runtime_error("cannot open " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
}

SqlitePeek::~SqlitePeek() {
    sqlite3_close(db_);
}

std::vector<SqlRow> SqlitePeek::rows(const std::string& sql, const std::vector<std::string>& parameters) {
    Statement statement(db_, sql, parameters);
    std::vector<SqlRow> result;
    for (;;) {
        int rc = sqlite3_step(statement.get());
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) throw std::runtime_error("\"" + sql + "\" failed: " + sqlite3_errmsg(db_));
        SqlRow row;
        int count = sqlite3_column_count(statement.get());
        for (int column = 0; column < count; ++column) {
            if (sqlite3_column_type(statement.get(), column) == SQLITE_NULL) {
                row.emplace_back(std::nullopt);
            } else {
                const unsigned char* text = sqlite3_column_text(statement.get(), column);
                int size = sqlite3_column_bytes(statement.get(), column);
                row.emplace_back(std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)));
            }
        }
        result.push_back(std::move(row));
    }
    return result;
}

std::string SqlitePeek::scalar(const std::string& sql, const std::vector<std::string>& parameters) {
    auto result = rows(sql, parameters);
    if (result.empty() || result.front().empty() || !result.front().front()) return "";
    return *result.front().front();
}

long long SqlitePeek::integer(const std::string& sql, const std::vector<std::string>& parameters) {
    std::string text = scalar(sql, parameters);
    return text.empty() ? 0 : std::stoll(text);
}

int SqlitePeek::execute(const std::string& sql, const std::vector<std::string>& parameters) {
    Statement statement(db_, sql, parameters);
    int rc = sqlite3_step(statement.get());
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error("\"" + sql + "\" failed: " + sqlite3_errmsg(db_));
    return sqlite3_changes(db_);
}

std::vector<std::string> SqlitePeek::tables() {
    std::vector<std::string> names;
    for (const auto& row : rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "ORDER BY name"))
        names.push_back(row.at(0).value_or(""));
    return names;
}

std::vector<std::string> SqlitePeek::columns(const std::string& table) {
    std::vector<std::string> names;
    for (const auto& row : rows("SELECT name FROM pragma_table_info(?1)", {table})) names.push_back(row.at(0).value_or(""));
    return names;
}

std::map<std::string, long long> SqlitePeek::row_counts() {
    std::map<std::string, long long> counts;
    for (const auto& table : tables()) counts[table] = integer("SELECT count(*) FROM \"" + table + "\"");
    return counts;
}

long long unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace authgate::test
