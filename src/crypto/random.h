// random.h -- random bytes, session tokens and salts from the operating system's generator.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace authgate::crypto {

// `n` bytes from the OS generator (getrandom(2)). Safe to call from any thread; no state is kept.
// Throws if the operating system cannot supply randomness.
std::string random_bytes(std::size_t n);

// base64url (RFC 4648 section 5) of `bytes`, without padding.
std::string base64url_encode(std::string_view bytes);

// `n_bytes` random bytes as base64url without padding ([A-Za-z0-9_-], cookie- and URL-safe);
// the result has ceil(4 * n_bytes / 3) characters. Use n_bytes >= 16 for secrets (128 bits).
std::string random_token(std::size_t n_bytes);

// `n` characters drawn uniformly from [A-Za-z0-9] (62 symbols; rejection sampling, no modulo bias).
// werkzeug's salts are random_alnum(16).
std::string random_alnum(std::size_t n);

}  // namespace authgate::crypto
