// url.cpp -- percent-encoding and the local-redirect check.
#include "http/url.h"

#include <cctype>

#include "http/text.h"

namespace authgate::http {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A path is unsafe when, read by a browser, it could name another host or a scheme. Spaces are
// refused in the path as sent, but allowed once decoded (a query may carry "a%20b").
bool looks_local(std::string_view path, bool allow_space) {
    if (path.empty() || path[0] != '/') return false;
    if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
    for (unsigned char c : path) {
        if (c == ' ' && allow_space) continue;
        if (c < 0x21 || c == 0x7f || c == '\\') return false;
    }
    return utf8_length(path).has_value();
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int high = hex_value(text[i + 1]);
            int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            char decoded = static_cast<char>(high * 16 + low);
            if (decoded == '\0') return std::nullopt;
            out.push_back(decoded);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
        }
    }
    return out;
}

bool is_safe_local_path(std::string_view target) {
    if (target.size() > 2048 || !looks_local(target, false)) return false;
    // Decode repeatedly: a browser or a proxy may undo one layer of escaping, so every layer
    // must still be local ("%2F%2Fevil.com", "%252F%252Fevil.com", "/%5Cevil.com").
    std::string current(target);
    for (int depth = 0; depth < 4; ++depth) {
        auto decoded = percent_decode(current);
        if (!decoded || !looks_local(*decoded, true)) return false;
        if (*decoded == current) return true;
        current = std::move(*decoded);
    }
    return false;
}

}  // namespace authgate::http
