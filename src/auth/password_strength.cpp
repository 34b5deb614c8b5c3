// password_strength.cpp -- libzxcvbn's entropy estimate turned into a score and a reason.
#include "auth/password_strength.h"

#include <zxcvbn.h>

namespace authgate::auth {

namespace {

// Entropy (bits) thresholds of zxcvbn's scores: log2 of 10^3, 10^6, 10^8 and 10^10 guesses.
const double score_bits[] = {9.97, 19.93, 26.58, 33.22};

struct Estimate {
    double bits = 0;
    bool uses_user_words = false;
};

Estimate estimate(const std::string& password, const std::vector<std::string>& user_words) {
    std::vector<const char*> words;
    for (const auto& word : user_words)
        if (!word.empty()) words.push_back(word.c_str());
    words.push_back(nullptr);
    ZxcMatch_t* info = nullptr;
    Estimate result;
    result.bits = ZxcvbnMatch(password.c_str(), words.data(), &info);
    for (ZxcMatch_t* match = info; match; match = match->Next) {
        int type = match->Type & ~MULTIPLE_MATCH;
        if (type == USER_MATCH || type == USER_LEET_MATCH) result.uses_user_words = true;
    }
    ZxcvbnFreeInfo(info);
    return result;
}

int score_of(double bits) {
    int score = 0;
    for (double threshold : score_bits)
        if (bits >= threshold) ++score;
    return score;
}

}  // namespace

int password_score(const std::string& password, const std::vector<std::string>& user_words) {
    return score_of(estimate(password, user_words).bits);
}

Strength password_strength(const std::string& password, const std::vector<std::string>& user_words, int min_score) {
    Estimate result = estimate(password, user_words);
    if (score_of(result.bits) >= min_score) return Strength::enough;
    return result.uses_user_words ? Strength::uses_user_words : Strength::guessable;
}

}  // namespace authgate::auth
