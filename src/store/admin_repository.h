// admin_repository.h -- the storage the operator's commands need beyond the web's: listings, account
// changes, counts and health checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/admin_records.h"
#include "store/records.h"

namespace authgate::store {

class AdminRepository {
public:
    virtual ~AdminRepository() = default;
    // The account whose username equals `username` ignoring ASCII case (an exact match wins).
    virtual std::optional<UserRecord> find_by_username(const std::string& username) = 0;
    // Every account, by id.
    virtual std::vector<UserRecord> list_users() = 0;
    // Sets the `active` / `email_verified` column; false when there is no such account.
    virtual bool set_active(std::int64_t user_id, bool active) = 0;
    virtual bool set_email_verified(std::int64_t user_id, bool verified) = 0;
    // Deletes the account and every row of it (sessions, remember chains, group memberships),
    // whether or not foreign keys cascade; false when there was no such account.
    virtual bool delete_user(std::int64_t user_id) = 0;
    // Sessions, remember chains and groups of one account.
    virtual UserFootprint footprint(std::int64_t user_id) = 0;
    // Ends every session and remember chain of the account; returns {sessions, chains} ended.
    virtual UserFootprint end_sessions_of(std::int64_t user_id) = 0;
    // Sessions, newest first; of one account when `user_id` is given.
    virtual std::vector<SessionInfo> list_sessions(const std::optional<std::int64_t>& user_id) = 0;
    virtual std::optional<SessionInfo> find_session(std::int64_t session_id) = 0;
    // Row counts; recent_attempts counts attempts at or after `attempts_since`.
    virtual StoreCounts counts(std::int64_t attempts_since) = 0;
    // PRAGMA integrity_check, the schema version against this build's, and orphan rows.
    virtual StoreHealth health() = 0;
};

}  // namespace authgate::store
