// pbkdf2.h -- PBKDF2-HMAC (RFC 8018) for the SHA family, with a fast path for long iteration counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/digest.h"

namespace authgate::crypto {

// Derives `out_len` bytes of PBKDF2-HMAC-`digest`(password, salt, iterations) into `out`; the result
// equals hashlib.pbkdf2_hmac(name, password, salt, iterations, out_len) and Crypto++'s
// PKCS5_PBKDF2_HMAC for every length, including several output blocks (out_len > digest size).
//
// The HMAC inner and outer states are computed once per derivation, so each iteration costs two
// calls of the digest's compression function (SHA*::Transform, SHA-NI where the CPU has it) instead
// of the four a plain HMAC loop makes. Derived intermediate values and key blocks are wiped.
//
// Contract: digest is sha1, sha224, sha256, sha384 or sha512; iterations >= 1;
// 1 <= out_len <= (2^32 - 1) * digest_size(digest). Otherwise throws std::invalid_argument.
// The cost is not bounded here: callers bound `iterations` (see password_hash.h).
void pbkdf2_hmac(DigestAlgorithm digest, std::string_view password, std::string_view salt,
                 std::uint32_t iterations, unsigned char* out, std::size_t out_len);

// As above, returning the derived bytes in a string of `out_len` bytes.
std::string pbkdf2_hmac(DigestAlgorithm digest, std::string_view password, std::string_view salt,
                        std::uint32_t iterations, std::size_t out_len);

// Reference: the same derivation through Crypto++'s stock PKCS5_PBKDF2_HMAC<SHA*>, kept for the
// tests and the benchmark to compare the fast path against. Same contract and result as pbkdf2_hmac.
std::string pbkdf2_hmac_stock(DigestAlgorithm digest, std::string_view password, std::string_view salt,
                              std::uint32_t iterations, std::size_t out_len);

}  // namespace authgate::crypto
