// keyed_hmac.h -- HMAC-SHA-256 under one fixed key, with the key's padding blocks hashed once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace authgate::crypto {

// HMAC-SHA-256 (RFC 2104) under a key given once. The inner and outer padded key blocks are
// hashed in the constructor, so each MAC costs two SHA-256 compressions fewer than
// hmac_sha256_hex. Copies share the precomputed state; hex() is safe from several threads.
class HmacSha256Key {
public:
    explicit HmacSha256Key(std::string_view key);
    // Lowercase hex of HMAC-SHA-256 of `message`; equal to hmac_sha256_hex(key, message).
    std::string hex(std::string_view message) const;

private:
    struct State;
    std::shared_ptr<const State> state_;
};

}  // namespace authgate::crypto
