// session_check.h -- the pure validity check of a presented session, shared by resolve_visit and authorize.
#pragma once

#include <optional>

#include "auth/services.h"
#include "store/records.h"

namespace authgate::auth {

// What the stored session and its user say about this request; decides nothing about writes.
struct SessionCheck {
    enum class State {
        invalid,  // unknown token, idle or absolute timeout passed, or the account is inactive
        foreign,  // strong session protection and another client: the session must end
        valid,
    };
    State state = State::invalid;
    bool demote = false;  // basic protection, another client, a fresh session: it must become non-fresh
    bool touch = false;   // last_seen_at is older than the touch interval
    bool fresh = false;   // a fresh login for this client (after any demotion)
};

// Checks `found` (the session row of the presented token and its user, or nullopt) against the
// idle and absolute timeouts, the account's active flag and session protection for `presented`.
SessionCheck check_session(const SessionSettings& settings, const std::optional<store::SessionWithUser>& found,
                           const Presented& presented);

}  // namespace authgate::auth
