// password_strength.h -- rejects guessable passwords with zxcvbn (common words, names, patterns, user words).
#pragma once

#include <string>
#include <vector>

namespace authgate::auth {

// zxcvbn's score: 0 (guessable within 10^3 tries) .. 4 (more than 10^10 tries), from its entropy
// estimate, with `user_words` (username, email...) counted as known words.
int password_score(const std::string& password, const std::vector<std::string>& user_words);

enum class Strength { enough, uses_user_words, guessable };

// enough when `password` scores at least `min_score`; otherwise why not: it is built on one of the
// user's own words, or it is guessable in general.
Strength password_strength(const std::string& password, const std::vector<std::string>& user_words, int min_score);

}  // namespace authgate::auth
