// cookie_header.h -- splits a Cookie request header into its name=value pairs.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authgate::http {

// The pairs of a Cookie header, in order, read as cgicc reads them: pieces separated by ';', a
// piece without '=' ignored, whitespace before a name skipped, a value taken as it is (not
// unquoted or decoded). Never throws on any input.
std::vector<std::pair<std::string, std::string>> parse_cookie_header(std::string_view header);

}  // namespace authgate::http
