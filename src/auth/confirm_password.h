// confirm_password.h -- the current-password check of the settings pages: like a login, throttled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/services.h"

namespace authgate::auth {

enum class ConfirmStatus { ok, wrong, throttled, busy };

struct Confirmed {
    ConfirmStatus status = ConfirmStatus::wrong;
    std::int64_t retry_after = 0;          // throttled, busy
    std::optional<store::UserRecord> user;  // ok: the account as it was when checked
};

// Checks `password` against the account `user_id` with the login throttle (per account and
// address) and the password verifier. A wrong password counts as a failed login.
Confirmed confirm_current_password(AuthServices& services, std::int64_t user_id, const std::string& password,
                                   const ClientInfo& client, std::int64_t now);

}  // namespace authgate::auth
