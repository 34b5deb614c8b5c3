// scrypt.cpp -- scrypt through Crypto++'s Scrypt key derivation function.
#include "crypto/scrypt.h"

#include <stdexcept>

#include <cryptopp/scrypt.h>

namespace authgate::crypto {
namespace {

void check_contract(std::uint64_t n, std::uint32_t r, std::uint32_t p, std::size_t out_len) {
    if (n < 2 || (n & (n - 1)) != 0) throw std::invalid_argument("scrypt: N must be a power of two >= 2");
    if (r < 1 || p < 1) throw std::invalid_argument("scrypt: r and p must be at least 1");
    if (static_cast<std::uint64_t>(r) * p >= (1ULL << 30)) throw std::invalid_argument("scrypt: r*p too large");
    if (out_len < 1) throw std::invalid_argument("scrypt: output length must be at least 1");
}

}  // namespace

void scrypt(std::string_view password, std::string_view salt, std::uint64_t n, std::uint32_t r,
            std::uint32_t p, unsigned char* out, std::size_t out_len) {
    check_contract(n, r, p, out_len);
    try {
        CryptoPP::Scrypt().DeriveKey(out, out_len, reinterpret_cast<const CryptoPP::byte*>(password.data()),
                                     password.size(), reinterpret_cast<const CryptoPP::byte*>(salt.data()),
                                     salt.size(), n, r, p);
    } catch (const CryptoPP::InvalidArgument& e) {
        throw std::invalid_argument(e.what());
    }
}

std::string scrypt(std::string_view password, std::string_view salt, std::uint64_t n, std::uint32_t r,
                   std::uint32_t p, std::size_t out_len) {
    check_contract(n, r, p, out_len);
    std::string out(out_len, '\0');
    scrypt(password, salt, n, r, p, reinterpret_cast<unsigned char*>(out.data()), out_len);
    return out;
}

}  // namespace authgate::crypto
