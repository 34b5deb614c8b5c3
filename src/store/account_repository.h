// account_repository.h -- account changes of the mail flows: address, verification, the user's sessions, deletion.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace authgate::store {

// A session as its owner sees it: never the token or its digest.
struct SessionSummaryRecord {
    std::string public_id;  // random, opaque, safe to put in a form
    std::int64_t id = 0;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    std::string remote_addr;
    std::string user_agent;
};

class AccountRepository {
public:
    virtual ~AccountRepository() = default;
    // Sets the address (and whether it is verified); false when the account is gone.
    virtual bool set_email(std::int64_t user_id, const std::string& email, bool verified) = 0;
    virtual void mark_email_verified(std::int64_t user_id) = 0;
    // The sessions of `user_id`, most recently seen first.
    virtual std::vector<SessionSummaryRecord> sessions_of(std::int64_t user_id) = 0;
    // Ends the session `public_id` only if it belongs to `user_id`; returns its id when it did.
    virtual std::int64_t remove_session(std::int64_t user_id, const std::string& public_id) = 0;
    // Ends every session of `user_id` except `keep_session_id`, and every remember chain of the
    // user; returns how many sessions ended.
    virtual std::int64_t remove_other_sessions(std::int64_t user_id, std::int64_t keep_session_id) = 0;
    // Ends every session and remember chain of `user_id`.
    virtual void remove_all_sessions(std::int64_t user_id) = 0;
    // Deletes the account and everything that belongs to it.
    virtual void remove_user(std::int64_t user_id) = 0;
};

}  // namespace authgate::store
