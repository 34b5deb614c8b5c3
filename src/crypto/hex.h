// hex.h -- lowercase hexadecimal, the form werkzeug stores derived keys in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace authgate::crypto {

// Lowercase hex of the bytes in `bytes` (two characters per byte).
std::string to_hex(std::string_view bytes);

// True when `text` is non-empty, has an even length and consists of [0-9a-f] only. Uppercase digits
// are refused on purpose: werkzeug compares hex strings, so "AB" never equals a computed "ab".
bool is_lower_hex(std::string_view text);

}  // namespace authgate::crypto
