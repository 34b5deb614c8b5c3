// text.cpp -- UTF-8 validation and trimming.
#include "http/text.h"

#include <cstdio>

namespace authgate::http {

std::optional<std::size_t> utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        unsigned int code = c;
        if (c == 0) return std::nullopt;
        if (c >= 0x80) {
            if ((c & 0xe0) == 0xc0) { extra = 1; code = c & 0x1f; }
            else if ((c & 0xf0) == 0xe0) { extra = 2; code = c & 0x0f; }
            else if ((c & 0xf8) == 0xf0) { extra = 3; code = c & 0x07; }
            else return std::nullopt;
        }
        if (i + extra >= text.size() && extra > 0) return std::nullopt;
        for (std::size_t k = 1; k <= extra; ++k) {
            unsigned char next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80) return std::nullopt;
            code = (code << 6) | (next & 0x3f);
        }
        if ((extra == 1 && code < 0x80) || (extra == 2 && code < 0x800) ||
            (extra == 3 && (code < 0x10000 || code > 0x10ffff)) || (code >= 0xd800 && code <= 0xdfff))
            return std::nullopt;
        i += extra + 1;
    }
    return count;
}

std::string escape_for_log(std::string_view text, std::string_view extra) {
    std::string out;
    for (unsigned char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c < 0x20 || c == 0x7f || extra.find(static_cast<char>(c)) != std::string_view::npos) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
            out += buffer;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

std::string trim(std::string_view text) {
    const char* space = " \t\r\n\f\v";
    auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return "";
    return std::string(text.substr(first, text.find_last_not_of(space) - first + 1));
}

}  // namespace authgate::http
