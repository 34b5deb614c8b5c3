// digest.h -- message digests, HMAC and constant-time comparison of byte strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace authgate::crypto {

// The hash functions werkzeug hashes can name. md5 only ever appears in the legacy
// "md5$salt$hex" form; PBKDF2 is offered for the SHA family only.
enum class DigestAlgorithm { md5, sha1, sha224, sha256, sha384, sha512 };

// hashlib's name of `digest` ("sha256", ...).
std::string_view digest_name(DigestAlgorithm digest);

// The digest named exactly (lowercase, as hashlib spells it) by `name`; nullopt for any other text.
std::optional<DigestAlgorithm> parse_digest_name(std::string_view name);

// Output size of `digest` in bytes (md5 16, sha1 20, sha224 28, sha256 32, sha384 48, sha512 64).
std::size_t digest_size(DigestAlgorithm digest);

// Lowercase hex of SHA-256 / SHA-512 of `data`.
std::string sha256_hex(std::string_view data);
std::string sha512_hex(std::string_view data);

// Lowercase hex of HMAC-SHA-256 of `message` under `key` (any key length, as RFC 2104).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// Raw bytes of HMAC-`digest` of `message` under `key` (same as Python's hmac.new(key, message, name)).
std::string hmac_bytes(DigestAlgorithm digest, std::string_view key, std::string_view message);

// True when `a` and `b` hold the same bytes. A length mismatch returns false at once (lengths are
// not secret here); for equal lengths the time taken does not depend on the contents.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace authgate::crypto
