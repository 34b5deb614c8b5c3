// meta_repository.cpp -- named values authgate keeps for itself (keys, settings).
#include "store/postgresql/repositories.h"

namespace authgate::store::postgresql {

std::string PgMetaRepository::get_or_create(const std::string& name, const std::string& value_if_absent) {
    db_.run("INSERT INTO authgate_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            {name, value_if_absent});
    auto row = db_.run("SELECT value FROM authgate_meta WHERE name = $1", {name});
    return row.empty() ? value_if_absent : row.text(0, 0);
}

}  // namespace authgate::store::postgresql
