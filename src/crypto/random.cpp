// random.cpp -- OS randomness from getrandom(2), with base64url and alphanumeric encodings.
#include "crypto/random.h"

#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include <cryptopp/secblock.h>

namespace authgate::crypto {
namespace {

constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr unsigned kAlphabetSize = sizeof(kAlphabet) - 1;                 // 62
constexpr unsigned kAcceptBelow = 256 / kAlphabetSize * kAlphabetSize;    // 248: bytes >= this are redrawn

// One system call for the usual sizes; no file to open (Crypto++'s OS_GenerateRandomBlock opened
// /dev/urandom on every call, three system calls per CSRF nonce).
void fill(CryptoPP::byte* out, std::size_t n) {
    std::size_t done = 0;
    while (done < n) {
        ssize_t got = getrandom(out + done, n - done, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error(std::string("getrandom failed: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(got);
    }
}

constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// RFC 4648 section 5, without padding.
std::string base64url(const CryptoPP::byte* data, std::size_t n) {
    std::string out;
    out.reserve((n * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        unsigned v = (unsigned(data[i]) << 16) | (unsigned(data[i + 1]) << 8) | data[i + 2];
        out += kBase64Url[(v >> 18) & 63];
        out += kBase64Url[(v >> 12) & 63];
        out += kBase64Url[(v >> 6) & 63];
        out += kBase64Url[v & 63];
    }
    if (n - i == 1) {
        unsigned v = unsigned(data[i]) << 16;
        out += kBase64Url[(v >> 18) & 63];
        out += kBase64Url[(v >> 12) & 63];
    } else if (n - i == 2) {
        unsigned v = (unsigned(data[i]) << 16) | (unsigned(data[i + 1]) << 8);
        out += kBase64Url[(v >> 18) & 63];
        out += kBase64Url[(v >> 12) & 63];
        out += kBase64Url[(v >> 6) & 63];
    }
    return out;
}

}  // namespace

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    fill(reinterpret_cast<CryptoPP::byte*>(out.data()), n);
    return out;
}

std::string base64url_encode(std::string_view bytes) {
    return base64url(reinterpret_cast<const CryptoPP::byte*>(bytes.data()), bytes.size());
}

std::string random_token(std::size_t n_bytes) {
    CryptoPP::SecByteBlock raw(n_bytes);
    fill(raw.data(), raw.size());
    return base64url(raw.data(), raw.size());
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
