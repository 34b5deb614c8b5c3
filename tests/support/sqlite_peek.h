// sqlite_peek.h -- reads and edits the test database directly (sqlite3 C API), to check what the
// server stored and to simulate the passing of time.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace authgate::test {

using SqlRow = std::vector<std::optional<std::string>>;  // nullopt for NULL

class SqlitePeek {
public:
    // Opens `path` (which must exist) with a busy timeout. Throws std::runtime_error on failure.
    explicit SqlitePeek(const std::string& path);
    ~SqlitePeek();
    SqlitePeek(const SqlitePeek&) = delete;
    SqlitePeek& operator=(const SqlitePeek&) = delete;

    // Every row of `sql`, each column as text. `parameters` bind to ?1, ?2, ...
    std::vector<SqlRow> rows(const std::string& sql, const std::vector<std::string>& parameters = {});
    // The first column of the first row as text; "" when there is no row or it is NULL.
    std::string scalar(const std::string& sql, const std::vector<std::string>& parameters = {});
    // The first column of the first row as an integer (0 when there is no row).
    long long integer(const std::string& sql, const std::vector<std::string>& parameters = {});
    // Runs a statement that returns nothing; returns the number of changed rows.
    int execute(const std::string& sql, const std::vector<std::string>& parameters = {});

    // Names of the tables (without sqlite's own).
    std::vector<std::string> tables();
    // Names of the columns of `table`.
    std::vector<std::string> columns(const std::string& table);
    // Row count of every table.
    std::map<std::string, long long> row_counts();

private:
    ::sqlite3* db_ = nullptr;
};

// The current time in unix seconds.
long long unix_now();

}  // namespace authgate::test
