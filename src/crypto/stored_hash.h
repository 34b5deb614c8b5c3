// stored_hash.h -- splitting a stored METHOD$SALT$HASH string and checking every part of it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crypto/hash_method.h"

namespace authgate::crypto {

struct StoredHash {
    HashMethod method;
    std::string_view salt;  // view into the parsed string: non-empty, at most 1024 bytes
    std::string_view hex;   // view into the parsed string: lowercase hex of exactly the derived length
};

struct StoredHashParse {
    std::optional<StoredHash> hash;  // set when every part is well formed, supported and in bounds
    std::string problem;             // otherwise a one-line reason (quotes the method at most)
};

// Number of bytes the method derives: the digest size for pbkdf2 and legacy HMAC, 64 for scrypt.
std::size_t derived_length(const HashMethod& method);

// Splits `stored` at its first two '$' and validates method, salt and hash (no key derivation).
// The views in the result point into `stored`. Never throws except std::bad_alloc.
StoredHashParse parse_stored_hash(std::string_view stored);

}  // namespace authgate::crypto
