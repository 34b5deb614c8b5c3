// hex.cpp -- lowercase hexadecimal (a table loop: Crypto++'s HexEncoder pipeline showed up in
// page-view profiles, where every session lookup hashes its token).
#include "crypto/hex.h"

namespace authgate::crypto {

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(bytes.size() * 2, '\0');  // sized once, so no stray copies of secret output
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        unsigned char byte = static_cast<unsigned char>(bytes[i]);
        out[2 * i] = digits[byte >> 4];
        out[2 * i + 1] = digits[byte & 15];
    }
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
