// validation.h -- the rules for what a user may type as email, username and password.
#pragma once

#include <optional>
#include <string>

namespace authgate::auth {

// The problem with `email` as a user-facing message, or nullopt when it is acceptable: one '@',
// a non-empty local part, a domain with a dot, at most 120 characters (the Flask column), no spaces
// or control characters.
std::optional<std::string> email_problem(const std::string& email);

// 3 to 80 characters of [A-Za-z0-9_.-].
std::optional<std::string> username_problem(const std::string& username);

// 8 to 128 Unicode code points of valid UTF-8 (no truncation, no composition rules).
std::optional<std::string> password_length_problem(const std::string& password);

}  // namespace authgate::auth
