// validation.h -- the rules for what a user may type as email, username and password.
#pragma once

#include <string>
#include <vector>

namespace authgate::auth {

// What is wrong with a submitted field; the pages (web/) word it for the user.
enum class FieldProblem {
    none,
    email_invalid,
    username_invalid,
    password_too_short,
    password_too_long,
    password_not_text,
    passwords_differ,
    password_uses_user_words,
    password_guessable,
};

// One '@', a non-empty local part, a domain with a dot, at most 120 characters (the Flask column),
// no spaces or control characters.
FieldProblem email_problem(const std::string& email);

// 3 to 80 characters of [A-Za-z0-9_.-].
FieldProblem username_problem(const std::string& username);

// A group name: 1 to 64 characters of [A-Za-z0-9_.-].
bool is_group_name(const std::string& name);

// 8 to 128 Unicode code points of valid UTF-8 (no truncation, no composition rules).
FieldProblem password_length_problem(const std::string& password);

// A new password: its length, its confirmation, then its strength (zxcvbn score at least
// `min_score`, with `user_words` such as username and email counted as known words).
FieldProblem new_password_problem(const std::string& password, const std::string& confirmation,
                                  const std::vector<std::string>& user_words, int min_score);

}  // namespace authgate::auth
