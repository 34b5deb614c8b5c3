// text_util.h -- small string helpers shared by the test support code.
#pragma once

#include <string>

namespace authgate::test {

// `text` with ASCII letters lower-cased.
std::string lower(std::string text);

// `text` without leading and trailing spaces, tabs, CR and LF.
std::string trim(const std::string& text);

}  // namespace authgate::test
