// admin_records.h -- the rows the operator's commands read: sessions with their user, group members, counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace authgate::store {

// A session as the operator sees it: never its token or the token's digest.
struct SessionInfo {
    std::int64_t id = 0;
    std::optional<std::int64_t> user_id;  // nullopt: an orphan row
    std::string email;                    // "" when the user is gone
    std::string username;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    std::string remote_addr;
    std::string user_agent;
    bool remembered = false;  // opened from a remember chain
};

// One membership: a group and a user in it.
struct GroupMember {
    std::string group_name;
    std::int64_t user_id = 0;
    std::string email;
    std::string username;
};

// What belongs to one account besides its row.
struct UserFootprint {
    std::int64_t sessions = 0;
    std::int64_t remember_chains = 0;
    std::vector<std::string> groups;
};

// Row counts of the whole database.
struct StoreCounts {
    std::int64_t users = 0;
    std::int64_t active_users = 0;
    std::int64_t verified_users = 0;
    std::int64_t sessions = 0;
    std::int64_t remember_chains = 0;
    std::int64_t recent_attempts = 0;  // at or after the time asked for
    std::int64_t database_bytes = 0;   // the main file (page_count * page_size)
};

// Rows whose user is gone (or never was).
struct OrphanCounts {
    std::int64_t sessions = 0;
    std::int64_t remember_chains = 0;
    std::int64_t group_members = 0;
};

// The database's health: SQLite's own check, the schema level, orphans.
struct StoreHealth {
    std::vector<std::string> integrity;  // PRAGMA integrity_check's rows: {"ok"} when sound
    int schema_version = 0;              // the database's
    int build_schema_version = 0;        // the one this build migrates to
    OrphanCounts orphans;
};

}  // namespace authgate::store
