// csrf.h -- CSRF tokens derived from a per-visitor nonce and a key kept in the database.
#pragma once

#include <string>

#include "crypto/keyed_hmac.h"

namespace authgate::auth {

// Stateless tokens: token = HMAC-SHA256(key, nonce). A visitor's nonce lives in an HttpOnly cookie
// and changes at login and logout, so an anonymous form view needs no database row.
class CsrfGuard {
public:
    explicit CsrfGuard(const std::string& key) : mac_(key) {}

    // A fresh random nonce for a visitor who has none.
    static std::string new_nonce();
    // True when `nonce` looks like one new_nonce() made (length and alphabet).
    static bool is_well_formed_nonce(const std::string& nonce);
    // The token forms carry for this nonce.
    std::string token_for(const std::string& nonce) const;
    // Constant-time check of a submitted token; false for an empty or malformed nonce.
    bool verify(const std::string& nonce, const std::string& submitted_token) const;

private:
    crypto::HmacSha256Key mac_;
};

}  // namespace authgate::auth
