// random.cpp -- OS randomness through Crypto++ (OS_GenerateRandomBlock is shareable across threads).
#include "crypto/random.h"

#include <cryptopp/base64.h>
#include <cryptopp/filters.h>
#include <cryptopp/osrng.h>
#include <cryptopp/secblock.h>

namespace authgate::crypto {
namespace {

constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr unsigned kAlphabetSize = sizeof(kAlphabet) - 1;                 // 62
constexpr unsigned kAcceptBelow = 256 / kAlphabetSize * kAlphabetSize;    // 248: bytes >= this are redrawn

void fill(CryptoPP::byte* out, std::size_t n) {
    if (n > 0) CryptoPP::OS_GenerateRandomBlock(false, out, n);
}

}  // namespace

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    fill(reinterpret_cast<CryptoPP::byte*>(out.data()), n);
    return out;
}

std::string random_token(std::size_t n_bytes) {
    CryptoPP::SecByteBlock raw(n_bytes);
    fill(raw.data(), raw.size());
    std::string out;
    out.reserve((n_bytes * 4 + 2) / 3);
    CryptoPP::StringSource source(raw.data(), raw.size(), true,
                                  new CryptoPP::Base64URLEncoder(new CryptoPP::StringSink(out), false));
    return out;
}

std::string random_alnum(std::size_t n) {
    std::string out;
    out.reserve(n);
    CryptoPP::SecByteBlock pool(n + 16);  // 248/256 of the bytes are usable; refill when short
    while (out.size() < n) {
        fill(pool.data(), pool.size());
        for (std::size_t i = 0; i < pool.size() && out.size() < n; ++i) {
            if (pool[i] < kAcceptBelow) out.push_back(kAlphabet[pool[i] % kAlphabetSize]);
        }
    }
    return out;
}

}  // namespace authgate::crypto
