// logout.h -- use case: end this browser's session and remember chain on the server.
#pragma once

#include "auth/services.h"

namespace authgate::auth {

struct LogoutResult {
    CookieChanges cookies;  // clears the session cookie (and the remember cookie when one was sent)
};

// Ends the presented session and the presented remember chain (with the sessions opened from it),
// whether or not they are still valid. Audited when a session ended.
LogoutResult log_out(AuthServices& services, const Presented& presented);

}  // namespace authgate::auth
