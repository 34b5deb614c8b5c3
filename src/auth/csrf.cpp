// csrf.cpp -- HMAC-derived CSRF tokens.
#include "auth/csrf.h"

#include "crypto/digest.h"
#include "crypto/random.h"

#include <cctype>

namespace authgate::auth {

namespace {
const std::size_t nonce_bytes = 24;  // 32 base64url characters
}

std::string CsrfGuard::new_nonce() {
    return crypto::random_token(nonce_bytes);
}

bool CsrfGuard::is_well_formed_nonce(const std::string& nonce) {
    if (nonce.size() != 32) return false;
    for (unsigned char c : nonce)
        if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
    return true;
}

std::string CsrfGuard::token_for(const std::string& nonce) const {
    return mac_.hex("csrf|" + nonce);
}

bool CsrfGuard::verify(const std::string& nonce, const std::string& submitted_token) const {
    if (!is_well_formed_nonce(nonce) || submitted_token.empty()) return false;
    return crypto::constant_time_equal(token_for(nonce), submitted_token);
}

}  // namespace authgate::auth
