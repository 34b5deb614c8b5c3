// login.h -- use case: log in with email and password (and "remember me").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/services.h"
#include "auth/user_view.h"

namespace authgate::auth {

// unverified: the password matched but --email-verification required and the address is not verified.
enum class LoginStatus { ok, bad_credentials, inactive, throttled, busy, unverified };

struct LoginRequest {
    std::string email;
    std::string password;
    bool remember = false;
    Presented presented;  // the cookies the browser holds now
};

struct LoginResult {
    LoginStatus status = LoginStatus::bad_credentials;
    std::int64_t retry_after = 0;  // throttled, busy: seconds to wait
    std::optional<UserView> user;  // ok
    CookieChanges cookies;         // ok: the new session (and remember chain)
};

// The throttle's check and its reservation are one step before any hashing, so however many
// attempts arrive at once, no more are evaluated than the throttle allows. Unknown email, wrong
// password and a malformed stored hash give bad_credentials at the same cost; a disabled account
// gives inactive only after its password matched. busy: the hash pool was full (nothing hashed, the
// attempt not counted). On ok: an outdated stored hash is upgraded, the account's failures are
// forgotten, the browser's old session and remember chain end, and a new fresh session (plus a new
// chain when `remember`) starts. Audited.
LoginResult log_in(AuthServices& services, const LoginRequest& request);

}  // namespace authgate::auth
