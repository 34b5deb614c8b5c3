// meta_repository.cpp -- named values authgate keeps for itself (keys, settings).
#include "store/sqlite/sqlite_store.h"

namespace authgate::store::sqlite {

std::string SqliteMetaRepository::get_or_create(const std::string& name, const std::string& value_if_absent) {
    db_.prepare("INSERT OR IGNORE INTO authgate_meta (name, value) VALUES (?, ?)")
        .bind(1, name).bind(2, value_if_absent).run();
    auto row = db_.prepare("SELECT value FROM authgate_meta WHERE name = ?");
    row.bind(1, name);
    return row.step() ? row.column_text(0) : value_if_absent;
}

std::optional<std::string> SqliteMetaRepository::find(const std::string& name) {
    auto row = db_.prepare("SELECT value FROM authgate_meta WHERE name = ?");
    row.bind(1, name);
    if (!row.step()) return std::nullopt;
    return row.column_text(0);
}

}  // namespace authgate::store::sqlite
