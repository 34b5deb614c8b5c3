// validation.cpp -- email, username and password rules.
#include "auth/validation.h"

#include <cctype>

#include "http/text.h"

namespace authgate::auth {

using http::utf8_length;

std::optional<std::string> email_problem(const std::string& email) {
    const std::string message = "Please enter a valid email address.";
    if (email.empty() || email.size() > 120 || !utf8_length(email)) return message;
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) return message;
    std::string domain = email.substr(at + 1);
    auto dot = domain.find('.');
    if (domain.empty() || dot == std::string::npos || dot == 0 || domain.back() == '.' ||
        domain.find("..") != std::string::npos)
        return message;
    for (unsigned char c : email)
        if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == ',' || c == ';')
            return message;
    return std::nullopt;
}

std::optional<std::string> username_problem(const std::string& username) {
    const std::string message = "Username must be 3 to 80 characters: letters, digits, dots, underscores or hyphens.";
    if (username.size() < 3 || username.size() > 80) return message;
    for (unsigned char c : username)
        if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-')) return message;
    return std::nullopt;
}

std::optional<std::string> password_length_problem(const std::string& password) {
    auto length = utf8_length(password);
    if (!length) return "Password must be valid text.";
    if (*length < 8) return "Password must be at least 8 characters.";
    if (*length > 128) return "Password must be at most 128 characters.";
    return std::nullopt;
}

}  // namespace authgate::auth
