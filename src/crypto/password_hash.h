// password_hash.h -- werkzeug-compatible password hashes: create, verify, and decide on upgrades.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/digest.h"

namespace authgate::crypto {

// ---------------------------------------------------------------------------------------------
// Stored format (werkzeug.security, 0.x to 3.1): METHOD$SALT$HASH, split at the first two '$'.
// The salt is used as its bytes (werkzeug writes 16 characters of [A-Za-z0-9]); the password is
// used as its bytes (UTF-8 in practice); HASH is lowercase hex.
//
//   pbkdf2:DIGEST:ITERATIONS  PBKDF2-HMAC-DIGEST, DIGEST one of sha1 sha224 sha256 sha384 sha512;
//                             HASH = digest-size bytes (sha256: 64 hex digits).
//   pbkdf2:DIGEST             No count: read as 260000 iterations, werkzeug 2.2's default. (werkzeug
//                             itself always writes the count; 2.3/3.0 would read 600000 and 3.1
//                             1000000, so such a hand-written string is ambiguous and is rehashed.)
//   scrypt:N:R:P              scrypt with a 64-byte key (128 hex digits), werkzeug 2.3+.
//   scrypt                    The same as scrypt:32768:8:1.
//   DIGEST                    Legacy (werkzeug < 3.0): HASH = HMAC-DIGEST(key = SALT, msg = password),
//                             DIGEST one of md5 sha1 sha224 sha256 sha384 sha512. Always rehashed.
//
// Everything else is "malformed" (never a match, never an exception): plain$..., any other method
// (including upper-case spellings and bare "pbkdf2"), fewer than two '$', parameters that are not
// plain decimal numbers (no sign, space, '_' or leading zero), values outside the bounds below, an
// empty salt or one longer than 1024 bytes (werkzeug never writes an empty salt; an unsalted legacy
// "sha1$$hex" is a bare digest and is refused), and a HASH that is not lowercase hex of exactly the
// derived length (werkzeug compares hex strings, so upper-case hex would never match there either).
//
// Bounds on parameters read from the database (a stored hash must not be able to stall or exhaust
// the server; each bound is far above what werkzeug has ever written by default):
//   pbkdf2 iterations    1 .. 10,000,000               (about 1 s for sha256 here)
//   scrypt N             a power of two, 2 .. 2^20
//   scrypt r             1 .. 32
//   scrypt p             1 .. 16
//   scrypt memory        128·N·r <= 256 MiB
//   scrypt work          N·r·p <= 2^22                  (16 x werkzeug's default 32768·8·1)
//   scrypt validity      N < 2^(16·r)                   (RFC 7914; OpenSSL refuses the rest)
//   scrypt werkzeug mem  128·r·(N+2) + 128·r·p <= 132·N·r·p
//                        (werkzeug's maxmem; hashes failing it cannot come from werkzeug, e.g. N < 128)
// The same bounds apply to hash policies, so every hash authgate writes can be read by werkzeug.
// ---------------------------------------------------------------------------------------------

namespace hash_bounds {
inline constexpr std::uint32_t min_pbkdf2_iterations = 1;
inline constexpr std::uint32_t max_pbkdf2_iterations = 10'000'000;
inline constexpr std::uint32_t min_scrypt_n = 2;
inline constexpr std::uint32_t max_scrypt_n = 1u << 20;
inline constexpr std::uint32_t max_scrypt_r = 32;
inline constexpr std::uint32_t max_scrypt_p = 16;
inline constexpr std::uint64_t max_scrypt_memory = 256ull << 20;  // bytes, 128·N·r
inline constexpr std::uint64_t max_scrypt_work = 1ull << 22;      // N·r·p
inline constexpr std::size_t max_salt_bytes = 1024;
// Iteration count assumed for a stored "pbkdf2:DIGEST$salt$hash" without a count (werkzeug 2.2).
inline constexpr std::uint32_t unstated_pbkdf2_iterations = 260'000;
// Iteration count of a policy written "pbkdf2" or "pbkdf2:DIGEST" (werkzeug 2.3 and 3.0 default).
inline constexpr std::uint32_t default_pbkdf2_iterations = 600'000;
// Salts authgate writes, and the length below which a stored hash is rehashed.
inline constexpr std::size_t salt_length = 16;
}  // namespace hash_bounds

enum class VerifyResult { match, no_match, malformed };

enum class HashScheme { pbkdf2, scrypt };

// How new hashes are made. Only the fields of the chosen scheme matter.
struct HashPolicy {
    HashScheme scheme = HashScheme::pbkdf2;
    DigestAlgorithm digest = DigestAlgorithm::sha256;  // pbkdf2: sha1, sha224, sha256, sha384, sha512
    std::uint32_t iterations = hash_bounds::default_pbkdf2_iterations;  // pbkdf2
    std::uint32_t n = 32768;                                             // scrypt N
    std::uint32_t r = 8;                                                 // scrypt r
    std::uint32_t p = 1;                                                 // scrypt p
};

// Equal when the schemes match and so do the fields that scheme uses.
bool operator==(const HashPolicy& a, const HashPolicy& b);
bool operator!=(const HashPolicy& a, const HashPolicy& b);

// Parses a method as werkzeug's generate_password_hash takes it: "pbkdf2:DIGEST:ITERATIONS",
// "pbkdf2:DIGEST" and "pbkdf2" (600000 iterations, sha256 for bare "pbkdf2"), "scrypt:N:R:P",
// "scrypt" (32768:8:1). nullopt for anything else, legacy digests and out-of-bounds values included.
std::optional<HashPolicy> parse_hash_policy(std::string_view method);

// Empty when parse_hash_policy(method) succeeds, otherwise a one-line reason
// ("unsupported hash method 'argon2'", "pbkdf2 iteration count '0' is not a number in 1..10000000").
std::string method_problem(std::string_view method);

// pbkdf2:sha256:600000 (werkzeug 2.3's default, OWASP's minimum for PBKDF2-HMAC-SHA256).
HashPolicy default_hash_policy();

// The method string for `policy`, always with every parameter ("pbkdf2:sha256:600000",
// "scrypt:32768:8:1"); parse_hash_policy(describe(p)) == p for every policy within the bounds.
std::string describe(const HashPolicy& policy);

// Empty when `policy` is within the bounds above, otherwise a one-line reason.
std::string policy_problem(const HashPolicy& policy);

// A new "METHOD$SALT$HASH" for `password`: a 16-character [A-Za-z0-9] salt from the OS generator,
// lowercase hex. werkzeug's check_password_hash accepts it. Throws std::invalid_argument when
// `policy` is outside the bounds.
std::string hash_password(std::string_view password, const HashPolicy& policy);

// Checks `password` against a stored hash in any of the formats above, in constant time over the
// derived key. Never throws: a malformed, unsupported or out-of-bounds hash (or a failure to get
// memory) gives VerifyResult::malformed.
VerifyResult verify_password(std::string_view stored, std::string_view password) noexcept;

// verify_password(...) == VerifyResult::match.
bool check_password(std::string_view stored, std::string_view password) noexcept;

// True when `stored` should be replaced by a hash made with `policy` (after a successful login):
// a different scheme or digest, a lower cost (pbkdf2 iterations, or any of scrypt N, r, p), a legacy
// or parameter-less method, a salt shorter than 16 bytes, or a malformed hash. Never throws.
bool needs_rehash(std::string_view stored, const HashPolicy& policy) noexcept;

// Empty when `stored` is a well-formed, supported hash; otherwise a one-line reason fit for an
// operator ("unsupported hash method 'plain'"), quoting at most the method, never salt or hash.
std::string hash_problem(std::string_view stored);

}  // namespace authgate::crypto
