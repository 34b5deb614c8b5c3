// validation.cpp -- email, username and password rules.
#include "auth/validation.h"

#include <cctype>

#include "auth/password_strength.h"
#include "crypto/digest.h"
#include "http/text.h"

namespace authgate::auth {

using http::utf8_length;

FieldProblem email_problem(const std::string& email) {
    if (email.empty() || email.size() > 120 || !utf8_length(email)) return FieldProblem::email_invalid;
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos)
        return FieldProblem::email_invalid;
    std::string domain = email.substr(at + 1);
    auto dot = domain.find('.');
    if (domain.empty() || dot == std::string::npos || dot == 0 || domain.back() == '.' ||
        domain.find("..") != std::string::npos)
        return FieldProblem::email_invalid;
    for (unsigned char c : email)
        if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == ',' || c == ';')
            return FieldProblem::email_invalid;
    return FieldProblem::none;
}

FieldProblem username_problem(const std::string& username) {
    if (username.size() < 3 || username.size() > 80) return FieldProblem::username_invalid;
    for (unsigned char c : username)
        if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-')) return FieldProblem::username_invalid;
    return FieldProblem::none;
}

FieldProblem password_length_problem(const std::string& password) {
    auto length = utf8_length(password);
    if (!length) return FieldProblem::password_not_text;
    if (*length < 8) return FieldProblem::password_too_short;
    if (*length > 128) return FieldProblem::password_too_long;
    return FieldProblem::none;
}

FieldProblem new_password_problem(const std::string& password, const std::string& confirmation,
                                  const std::vector<std::string>& user_words, int min_score) {
    if (auto problem = password_length_problem(password); problem != FieldProblem::none) return problem;
    if (!crypto::constant_time_equal(password, confirmation)) return FieldProblem::passwords_differ;
    switch (password_strength(password, user_words, min_score)) {
        case Strength::enough: return FieldProblem::none;
        case Strength::uses_user_words: return FieldProblem::password_uses_user_words;
        case Strength::guessable: break;
    }
    return FieldProblem::password_guessable;
}

bool is_group_name(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                  c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace authgate::auth
