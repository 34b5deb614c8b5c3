// open_store.cpp -- chooses the backend by the database's name: a PostgreSQL URI or a SQLite file.
#include "store/store.h"

#include <sys/stat.h>

#include "store/postgresql/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace authgate::store {

namespace {

bool starts_with(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

// Replaces the value of every "password=" parameter in `text` (a URI's query, from `from` on).
void redact_password_parameters(std::string& text, std::size_t from) {
    const std::string key = "password=";
    for (std::size_t at = text.find(key, from); at != std::string::npos; at = text.find(key, at + 1)) {
        if (at > from && text[at - 1] != '?' && text[at - 1] != '&') continue;
        std::size_t value = at + key.size();
        std::size_t end = text.find('&', value);
        text.replace(value, end == std::string::npos ? std::string::npos : end - value, "***");
    }
}

}  // namespace

bool is_postgresql(const std::string& database) {
    return starts_with(database, "postgresql://") || starts_with(database, "postgres://");
}

std::string redacted(const std::string& database) {
    if (!is_postgresql(database)) return database;
    std::string text = database;
    std::size_t authority = text.find("://") + 3;
    std::size_t end = text.find_first_of("/?", authority);
    std::size_t at = text.rfind('@', end == std::string::npos ? std::string::npos : end);
    if (at != std::string::npos && at >= authority) {
        std::size_t colon = text.find(':', authority);
        if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
    }
    std::size_t query = text.find('?');
    if (query != std::string::npos) redact_password_parameters(text, query + 1);
    return text;
}

std::unique_ptr<Store> open_store(const std::string& database, const std::string& password) {
    if (is_postgresql(database)) return postgresql::open_postgres_store(database, password);
    return sqlite::open_sqlite_store(database);
}

void prepare_store(const std::string& database, const std::string& password) {
    if (is_postgresql(database)) postgresql::prepare_postgres_store(database, password);
    else sqlite::prepare_sqlite_store(database);
}

bool store_exists(const std::string& database) {
    if (is_postgresql(database)) return true;
    struct stat info {};
    return ::stat(database.c_str(), &info) == 0;
}

}  // namespace authgate::store
