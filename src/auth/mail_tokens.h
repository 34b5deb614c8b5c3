// mail_tokens.h -- single-use tokens for mailed links: 256 random bits, stored as SHA-256, bound to the account's state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/store.h"

namespace authgate::auth {

inline const char* const token_verify = "verify";
inline const char* const token_reset = "reset";
inline const char* const token_email_change = "email_change";

// Stores a new token of `purpose` for `user` valid for `seconds` (earlier tokens of the same
// purpose are dropped) and returns the raw token for the link.
std::string issue_token(store::Repositories& repositories, const std::string& purpose, const store::UserRecord& user,
                        std::int64_t seconds, std::int64_t now, const std::string& new_email = "");

struct LiveToken {
    store::TokenRecord token;
    store::UserRecord user;
};

// The token behind `raw` when it has `purpose`, has not expired, and its account still exists,
// is active and has the email and password hash it was issued for; nullopt otherwise.
std::optional<LiveToken> find_live_token(store::Repositories& repositories, const std::string& purpose,
                                         const std::string& raw, std::int64_t now);

}  // namespace authgate::auth
