// hex.cpp -- lowercase hexadecimal via Crypto++'s HexEncoder.
#include "crypto/hex.h"

#include <cryptopp/filters.h>
#include <cryptopp/hex.h>

namespace authgate::crypto {

std::string to_hex(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);  // no reallocation, so no stray copies of secret output
    CryptoPP::StringSource source(reinterpret_cast<const CryptoPP::byte*>(bytes.data()), bytes.size(), true,
                                  new CryptoPP::HexEncoder(new CryptoPP::StringSink(out), /*uppercase=*/false));
    return out;
}

bool is_lower_hex(std::string_view text) {
    if (text.empty() || text.size() % 2 != 0) return false;
    for (char c : text) {
        const bool digit = c >= '0' && c <= '9';
        const bool lower = c >= 'a' && c <= 'f';
        if (!digit && !lower) return false;
    }
    return true;
}

}  // namespace authgate::crypto
