// account_service.cpp -- registration and password checks.
#include "auth/account_service.h"

#include "auth/password_strength.h"
#include "auth/validation.h"
#include "http/text.h"

namespace authgate::auth {

RegisterResult AccountService::register_account(const RegistrationForm& form, std::int64_t now) {
    std::string email = http::trim(form.email);
    std::string username = http::trim(form.username);
    if (auto problem = email_problem(email)) return {RegisterStatus::invalid, *problem, 0};
    if (auto problem = username_problem(username)) return {RegisterStatus::invalid, *problem, 0};
    if (auto problem = password_length_problem(form.password)) return {RegisterStatus::invalid, *problem, 0};
    if (!crypto::constant_time_equal(form.password, form.password_confirm))
        return {RegisterStatus::invalid, "Passwords do not match.", 0};
    std::vector<std::string> user_words = {username, email, email.substr(0, email.find('@'))};
    if (auto problem = password_strength_problem(form.password, user_words, min_password_score_))
        return {RegisterStatus::invalid, *problem, 0};

    std::string hash;
    {
        HashingGate::Slot slot(gate_);
        hash = crypto::hash_password(form.password, policy_);
    }
    std::int64_t id = 0;
    switch (users_.create(email, username, hash, now, id)) {
        case store::CreateUserResult::duplicate_email:
            return {RegisterStatus::duplicate_email, "Email already registered", 0};
        case store::CreateUserResult::duplicate_username:
            return {RegisterStatus::duplicate_username, "Username already taken", 0};
        case store::CreateUserResult::created:
            break;
    }
    return {RegisterStatus::created, "Registration successful! Please log in.", id};
}

bool AccountService::verify(const std::string& stored, const std::string& password) {
    HashingGate::Slot slot(gate_);
    crypto::VerifyResult result = crypto::verify_password(stored, password);
    if (result == crypto::VerifyResult::malformed) {
        // Spend what a real check costs, so a broken row is not told apart by timing.
        crypto::verify_password(dummy_hash_, password);
    }
    return result == crypto::VerifyResult::match;
}

LoginOutcome AccountService::authenticate(const std::string& email, const std::string& password,
                                          std::int64_t now) {
    std::optional<store::UserRecord> user;
    std::string trimmed = http::trim(email);
    if (!trimmed.empty() && trimmed.size() <= 320) user = users_.find_by_email(trimmed);
    // No password holds a NUL (registration refuses it), and PBKDF2 would not tell "pw" from
    // "pw\0": HMAC pads short keys with zero bytes.
    if (!user || password.find('\0') != std::string::npos) {
        verify(dummy_hash_, password);
        return {LoginResult::bad_credentials, std::nullopt};
    }
    if (!verify(user->password_hash, password)) return {LoginResult::bad_credentials, std::nullopt};
    if (!user->active) return {LoginResult::inactive, std::nullopt};
    if (crypto::needs_rehash(user->password_hash, policy_)) {
        std::string upgraded;
        {
            HashingGate::Slot slot(gate_);
            upgraded = crypto::hash_password(password, policy_);
        }
        users_.update_password_hash(user->id, upgraded);
        user->password_hash = upgraded;
    }
    users_.record_login(user->id, now);
    return {LoginResult::ok, user};
}

}  // namespace authgate::auth
