// browser_summary.h -- a readable "Firefox on Linux" from a User-Agent header.
#pragma once

#include <string>

namespace authgate::web {

// "Browser on System" from well-known User-Agent tokens; "Unknown browser" when nothing matches.
std::string browser_summary(const std::string& user_agent);

}  // namespace authgate::web
