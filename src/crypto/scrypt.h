// scrypt.h -- the scrypt key derivation function (RFC 7914), as hashlib.scrypt computes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace authgate::crypto {

// Derives `out_len` bytes of scrypt(password, salt, N = n, r, p) into `out`; equals
// hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, dklen=out_len). Needs about 128·n·r bytes
// of memory and time proportional to n·r·p.
//
// Contract: n is a power of two >= 2, r >= 1, p >= 1, r·p < 2^30, out_len >= 1; otherwise throws
// std::invalid_argument. The cost is not bounded here: callers bound n, r, p (see password_hash.h).
// Throws std::bad_alloc when the memory cannot be had.
void scrypt(std::string_view password, std::string_view salt, std::uint64_t n, std::uint32_t r,
            std::uint32_t p, unsigned char* out, std::size_t out_len);

// As above, returning the derived bytes in a string of `out_len` bytes.
std::string scrypt(std::string_view password, std::string_view salt, std::uint64_t n, std::uint32_t r,
                   std::uint32_t p, std::size_t out_len);

}  // namespace authgate::crypto
