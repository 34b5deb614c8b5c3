// fuzz_next_check.cpp -- libFuzzer target: the local-redirect check (http::is_safe_local_path) and
// http::percent_decode / percent_encode. The whole input is the candidate `next` value.
#include <cctype>

#include "request_input.h"
#include "http/url.h"

using namespace authgate;

namespace {

bool starts_like_another_host(const std::string& path) {
    return path.rfind("//", 0) == 0 || path.rfind("/\\", 0) == 0;
}

bool is_upper_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(fuzz::as_text(data, size));

    if (http::is_safe_local_path(input)) {
        fuzz::require(!input.empty() && input[0] == '/', "a safe path starts with '/'");
        fuzz::require(!starts_like_another_host(input), "a safe path starts with exactly one '/'");
        fuzz::require(input.find('\\') == std::string::npos, "a safe path has no backslash");
        for (unsigned char c : input)
            fuzz::require(c > 0x20 && c != 0x7f, "a safe path has no control character or space");
        // Every layer of percent-decoding that succeeds must still be a path on this site.
        std::string layer = input;
        for (int depth = 0; depth < 4; ++depth) {
            auto decoded = http::percent_decode(layer);
            if (!decoded) break;
            fuzz::require(!decoded->empty() && (*decoded)[0] == '/', "a decoded safe path starts with '/'");
            fuzz::require(!starts_like_another_host(*decoded), "a decoded safe path names no other host");
            if (*decoded == layer) break;
            layer = *decoded;
        }
    }

    const std::string encoded = http::percent_encode(input);
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(encoded[i]);
        if (c == '%') {
            fuzz::require(i + 2 < encoded.size() && is_upper_hex(encoded[i + 1]) && is_upper_hex(encoded[i + 2]),
                          "percent_encode writes %XX with upper-case hex");
            i += 2;
        } else {
            fuzz::require(std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~',
                          "percent_encode leaves only unreserved characters");
        }
    }
    if (input.find('\0') == std::string::npos) {
        auto round_trip = http::percent_decode(encoded);
        fuzz::require(round_trip && *round_trip == input, "percent_decode undoes percent_encode");
    }

    for (bool plus_is_space : {false, true}) {
        auto decoded = http::percent_decode(input, plus_is_space);
        if (!decoded) continue;
        fuzz::require(decoded->size() <= input.size(), "decoding never grows the text");
        if (input.find('\0') == std::string::npos)
            fuzz::require(decoded->find('\0') == std::string::npos, "percent_decode never decodes a NUL");
        fuzz::require(input.find('%') != std::string::npos || plus_is_space || *decoded == input,
                      "text without escapes decodes to itself");
    }
    return 0;
}
