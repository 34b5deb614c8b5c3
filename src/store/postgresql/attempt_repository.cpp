// attempt_repository.cpp -- recent login attempts and registrations, for throttling.
#include "store/postgresql/repositories.h"

namespace authgate::store::postgresql {

std::int64_t PgAttemptRepository::record(const std::string& kind, const std::string& key, std::int64_t now) {
    return db_.run("INSERT INTO authgate_attempt (kind, key, at) VALUES ($1, $2, $3) RETURNING id", {kind, key, now})
        .int64(0, 0);
}

AttemptStats PgAttemptRepository::since(const std::string& kind, const std::string& key, std::int64_t since) {
    auto row = db_.run("SELECT count(*), coalesce(max(at), 0) FROM authgate_attempt WHERE kind = $1 AND key = $2 "
                       "AND at >= $3",
                       {kind, key, since});
    if (row.empty()) return {};
    return {row.int64(0, 0), row.int64(0, 1)};
}

void PgAttemptRepository::remove(std::int64_t attempt_id) {
    db_.run("DELETE FROM authgate_attempt WHERE id = $1", {attempt_id});
}

void PgAttemptRepository::clear(const std::string& kind, const std::string& key) {
    db_.run("DELETE FROM authgate_attempt WHERE kind = $1 AND key = $2", {kind, key});
}

std::int64_t PgAttemptRepository::prune(std::int64_t before) {
    return db_.run("DELETE FROM authgate_attempt WHERE at < $1", {before}).affected();
}

}  // namespace authgate::store::postgresql
