// password_reset.h -- use cases: ask for a reset link by email, and set a new password with it.
#pragma once

#include <cstdint>
#include <string>

#include "auth/services.h"
#include "auth/validation.h"

namespace authgate::auth {

enum class ForgotStatus { accepted, throttled, unavailable };

struct ForgotResult {
    ForgotStatus status = ForgotStatus::accepted;
    std::int64_t retry_after = 0;
};

// Queues reset.tpl with {public-url}/reset/TOKEN when `email` names an active account; the answer
// is the same either way. At most mails_per_address requests per client address (throttled) and
// mails_per_account mails per account (further ones are silently not sent) per hour. Audited.
ForgotResult request_password_reset(AuthServices& services, const std::string& email, const ClientInfo& client,
                                    std::int64_t now);

// True when `token` is a live reset token (nothing is written).
bool reset_token_valid(AuthServices& services, const std::string& token, std::int64_t now);

enum class ResetStatus { done, invalid_token, invalid, busy };

struct ResetRequest {
    std::string token;
    std::string password;
    std::string password_confirm;
    ClientInfo client;
    std::int64_t now = 0;
};

struct ResetResult {
    ResetStatus status = ResetStatus::invalid_token;
    FieldProblem problem = FieldProblem::none;  // invalid
    std::int64_t retry_after = 0;               // busy
};

// Sets the new password (the strength rules of registration), uses up every token of the account,
// ends every session and remember chain of the user and mails password_changed.tpl. Does not log
// in. Audited.
ResetResult reset_password(AuthServices& services, const ResetRequest& request);

}  // namespace authgate::auth
