// account_service.h -- registering accounts and checking passwords, with werkzeug-format hashes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/hashing_gate.h"
#include "crypto/password_hash.h"
#include "store/records.h"
#include "store/repositories.h"

namespace authgate::auth {

enum class RegisterStatus { created, invalid, duplicate_email, duplicate_username };

struct RegisterResult {
    RegisterStatus status = RegisterStatus::invalid;
    std::string message;        // for the user: what to fix, or the success text
    std::int64_t user_id = 0;
};

struct RegistrationForm {
    std::string email;
    std::string username;
    std::string password;
    std::string password_confirm;
};

enum class LoginResult { ok, bad_credentials, inactive };

struct LoginOutcome {
    LoginResult result = LoginResult::bad_credentials;
    std::optional<store::UserRecord> user;  // set when result == ok
};

class AccountService {
public:
    // `dummy_hash` is a hash made with `policy` of a random password: it is checked when the
    // email is unknown, so every failed login costs one hash at the policy's cost.
    // `min_password_score` is the lowest zxcvbn score (0-4) a new password may have.
    AccountService(store::UserRepository& users, HashingGate& gate, const crypto::HashPolicy& policy,
                   const std::string& dummy_hash, int min_password_score)
        : users_(users), gate_(gate), policy_(policy), dummy_hash_(dummy_hash), min_password_score_(min_password_score) {}

    // Validates the form (email, username 3-80 of [A-Za-z0-9_.-], password 8-128 characters and
    // not guessable (zxcvbn, with username and email as known words), confirmation) and creates the account with a policy hash. Email and username are unique
    // ignoring case, also against concurrent registrations.
    RegisterResult register_account(const RegistrationForm& form, std::int64_t now);

    // Checks email and password. Unknown email, wrong password and a malformed stored hash all
    // cost one hash and give bad_credentials; a disabled account gives inactive only after the
    // password matched. On success the stored hash is upgraded when the policy asks for it and
    // the login time is recorded.
    LoginOutcome authenticate(const std::string& email, const std::string& password, std::int64_t now);

private:
    bool verify(const std::string& stored, const std::string& password);

    store::UserRepository& users_;
    HashingGate& gate_;
    const crypto::HashPolicy& policy_;
    const std::string& dummy_hash_;
    int min_password_score_;
};

}  // namespace authgate::auth
