// password_strength.h -- rejects guessable passwords with zxcvbn (common words, names, patterns, user words).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace authgate::auth {

// zxcvbn's score: 0 (guessable within 10^3 tries) .. 4 (more than 10^10 tries), from its entropy
// estimate, with `user_words` (username, email...) counted as known words.
int password_score(const std::string& password, const std::vector<std::string>& user_words);

// nullopt when `password` scores at least `min_score`; otherwise a message for the user saying why,
// without repeating the password.
std::optional<std::string> password_strength_problem(const std::string& password,
                                                     const std::vector<std::string>& user_words, int min_score);

}  // namespace authgate::auth
