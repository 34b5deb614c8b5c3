// copy_store.h -- moving a whole SQLite database (authgate's or a Flask app's) into a PostgreSQL one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/outbox_repository.h"
#include "store/records.h"
#include "store/token_repository.h"

namespace authgate::store {

// A session row as stored, token digest included (copied, never shown).
struct SessionRow {
    std::int64_t id = 0;
    std::string token_hash;
    std::int64_t user_id = 0;
    bool fresh = false;
    std::string identifier;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    std::string remote_addr;
    std::string user_agent;
    std::optional<std::string> remember_selector;
    std::string public_id;
};

// A remember chain row as stored.
struct RememberRow {
    RememberRecord chain;
    std::int64_t created_at = 0;
};

// Everything worth keeping of a database: accounts with their hashes and ids, group memberships,
// sessions and remember chains (so nobody is logged out by the move), mailed tokens, queued mail
// and the named keys (the CSRF and cookie-signing key). Throttle attempts are not kept: they are
// an hour's history and start afresh. Rows of accounts that are gone are left out.
struct DatabaseDump {
    std::vector<UserRecord> users;
    std::vector<std::pair<std::int64_t, std::string>> group_members;  // user id, group name
    std::vector<SessionRow> sessions;
    std::vector<RememberRow> remember_chains;
    std::vector<TokenRecord> tokens;
    std::vector<OutboxRecord> outbox;
    std::vector<std::pair<std::string, std::string>> meta;  // name, value
};

// How many rows of each kind a copy wrote.
struct CopyCounts {
    std::int64_t users = 0;
    std::int64_t group_members = 0;
    std::int64_t sessions = 0;
    std::int64_t remember_chains = 0;
    std::int64_t tokens = 0;
    std::int64_t outbox = 0;
    std::int64_t meta = 0;
};

// The outcome of copy_store: the counts, or a refusal because the target already has accounts.
struct CopyResult {
    bool refused = false;           // the target has accounts and `replace` was false
    std::int64_t target_users = 0;  // how many it has (when refused)
    CopyCounts copied;
};

// Copies the SQLite database `from` (brought to this build's schema first, as authgate does at
// start) into the PostgreSQL database `to` (migrated first) in one transaction on the target that
// holds the write lock: every account keeps its id and its password hash byte for byte, the id
// sequences continue after the copied ids. A target with accounts is refused unless `replace`,
// which first empties authgate's tables and the "user" table of the target. Throws StoreError
// when `from` is not a SQLite file path or `to` not a PostgreSQL URI, or a backend fails (then
// the target is unchanged).
CopyResult copy_store(const std::string& from, const std::string& to, const std::string& to_password, bool replace);

}  // namespace authgate::store
