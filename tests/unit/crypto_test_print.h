// crypto_test_print.h -- lets Boost.Test print the crypto module's enums and policies in failure messages.
#pragma once

#include <ostream>

#include "crypto/digest.h"
#include "crypto/password_hash.h"

namespace authgate::crypto {

inline std::ostream& operator<<(std::ostream& out, DigestAlgorithm digest) { return out << digest_name(digest); }

inline std::ostream& operator<<(std::ostream& out, VerifyResult result) {
    switch (result) {
    case VerifyResult::match: return out << "match";
    case VerifyResult::no_match: return out << "no_match";
    case VerifyResult::malformed: return out << "malformed";
    }
    return out << "VerifyResult(" << static_cast<int>(result) << ")";
}

inline std::ostream& operator<<(std::ostream& out, HashScheme scheme) {
    return out << (scheme == HashScheme::pbkdf2 ? "pbkdf2" : "scrypt");
}

inline std::ostream& operator<<(std::ostream& out, const HashPolicy& policy) { return out << describe(policy); }

}  // namespace authgate::crypto
