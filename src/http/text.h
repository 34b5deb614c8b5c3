// text.h -- small text helpers shared by the parsers and the validators: UTF-8 and trimming.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace authgate::http {

// Number of Unicode code points in `text`, or nullopt when it is not valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid) or holds a NUL byte.
std::optional<std::size_t> utf8_length(std::string_view text);

// `text` with backslashes doubled and control characters (and `extra` characters) written as
// \xNN, so it stays on one log line and cannot fake a field.
std::string escape_for_log(std::string_view text, std::string_view extra = "");

// `text` without leading and trailing ASCII whitespace.
std::string trim(std::string_view text);

}  // namespace authgate::http
