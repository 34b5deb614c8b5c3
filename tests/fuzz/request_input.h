// request_input.h -- shared by the request fuzz targets: a fuzzer input read as CGI parameters and a body.
// Input: "NAME=value" lines ("\n"-ended; a "\r" stays in the value), an empty line, then the body.
// A line without "=" is a parameter with an empty value; without an empty line there is no body.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/request_parser.h"

namespace authgate::fuzz {

inline http::RawRequest raw_request_from(std::string_view input) {
    http::RawRequest raw;
    std::size_t at = 0;
    while (at < input.size()) {
        std::size_t end = input.find('\n', at);
        if (end == std::string_view::npos) end = input.size();
        std::string_view line = input.substr(at, end - at);
        at = end + 1;
        if (line.empty()) {
            raw.body.assign(input.substr(at < input.size() ? at : input.size()));
            break;
        }
        std::size_t equals = line.find('=');
        std::string_view value = equals == std::string_view::npos ? std::string_view{} : line.substr(equals + 1);
        raw.params.add(line.substr(0, equals), value);  // the first of a repeated name wins, as in libfcgi
    }
    return raw;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Stops the run with `what` on stderr: libFuzzer saves the input as a crash reproducer.
inline void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

}  // namespace authgate::fuzz
