// email_verification.h -- use cases: confirm an address from a mailed link, and send a new link.
#pragma once

#include <cstdint>
#include <string>

#include "auth/services.h"

namespace authgate::auth {

// Issues a verify token for `user` and queues verify.tpl with {public-url}/verify/TOKEN, inside
// the caller's transaction.
void queue_verification(AuthServices& services, store::Repositories& repositories, const store::UserRecord& user,
                        std::int64_t now);

// True when `token` is a live verification token (nothing is written: GET of a link changes nothing).
bool verification_token_valid(AuthServices& services, const std::string& token, std::int64_t now);

enum class VerifyStatus { verified, invalid_token };

// Marks the address verified and uses the token up. Audited.
VerifyStatus verify_email(AuthServices& services, const std::string& token, const ClientInfo& client,
                          std::int64_t now);

enum class ResendStatus { accepted, throttled, unavailable };

struct ResendResult {
    ResendStatus status = ResendStatus::accepted;
    std::int64_t retry_after = 0;
};

// Sends a new link when `email` names an unverified account; the answer is the same whether it
// does or not. Limited per address and per account. unavailable: mail is not configured.
ResendResult resend_verification(AuthServices& services, const std::string& email, const ClientInfo& client,
                                 std::int64_t now);

}  // namespace authgate::auth
