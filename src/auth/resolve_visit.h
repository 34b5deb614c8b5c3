// resolve_visit.h -- use case: who is this request? The session cookie, else the remember cookie.
#pragma once

#include <cstdint>
#include <optional>

#include "auth/services.h"
#include "auth/user_view.h"

namespace authgate::auth {

struct Visit {
    std::optional<UserView> user;             // set when signed in
    bool fresh = false;                       // signed in with a password in this session
    std::optional<std::int64_t> session_id;   // the session in use
    bool restored = false;                    // this request opened the session from the remember cookie
    CookieChanges cookies;
};

// A valid session cookie gives its user (checked against the idle and absolute timeouts, an
// active account, and session protection). Otherwise a valid remember cookie opens a non-fresh
// session and rotates the validator; the chain's lifetime does not move. The validator replaced
// last still opens a session within the grace window (two tabs of one browser); after it, or any
// other wrong validator for a known selector, is theft: the chain and every session opened from it
// end, and the audit log says so. An anonymous visitor, or a signed-in one whose session needs no
// change, causes no write; expired rows are left for the purge.
Visit resolve_visit(AuthServices& services, const Presented& presented);

}  // namespace authgate::auth
