// authorize.h -- use case: may this request pass the gate? Read-only: one lookup, never a write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/services.h"
#include "auth/user_view.h"

namespace authgate::auth {

// What a protected location demands. Empty lists demand nothing; a non-empty list is "any of".
struct GateRules {
    bool require_fresh = false;     // a password login in this session (not one restored from a remember cookie)
    bool require_verified = false;  // the account's email is verified
    std::vector<std::string> users;   // usernames, compared exactly as stored
    std::vector<std::string> groups;  // group names, compared exactly as stored
};

enum class GateStatus {
    allow,            // pass, with the user and their groups
    unauthenticated,  // no valid session (or not fresh when the rules require it): 401
    forbidden,        // signed in, but a rule denies: 403
};

struct GateResult {
    GateStatus status = GateStatus::unauthenticated;
    std::optional<UserView> user;     // set for allow and forbidden
    std::vector<std::string> groups;  // the user's groups, sorted; set for allow
};

// Decides with the session cookie only: the session+user join (and the user's groups when the
// answer needs them) in one read transaction. The checks are resolve_visit's (timeouts, active
// account, session protection), but nothing is written and no cookie changes: no touch, no
// demotion, no remember-cookie restore (a visitor with only a remember cookie is unauthenticated;
// the login page restores the session and sends them back), no ending of a foreign session.
GateResult authorize(AuthServices& services, const Presented& presented, const GateRules& rules);

}  // namespace authgate::auth
