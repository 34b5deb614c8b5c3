// register.h -- use case: create an account from the registration form.
#pragma once

#include <cstdint>
#include <string>

#include "auth/services.h"
#include "auth/validation.h"

namespace authgate::auth {

// pending_verification: with email verification on, both a new account and an address already in
// use give this answer (a link went to the new address; the owner of a taken one was told).
enum class RegisterStatus { created, invalid, duplicate_email, duplicate_username, throttled, busy, pending_verification };

struct RegisterRequest {
    std::string email;
    std::string username;
    std::string password;
    std::string password_confirm;
    ClientInfo client;
    std::int64_t now = 0;
};

struct RegisterResult {
    RegisterStatus status = RegisterStatus::invalid;
    FieldProblem problem = FieldProblem::none;  // invalid: what to fix
    std::int64_t retry_after = 0;               // throttled, busy
    std::int64_t user_id = 0;                   // created
};

// An account the operator adds (no client, no throttle).
struct NewAccount {
    std::string email;
    std::string username;
    std::string password;
    std::string password_confirm;
    std::int64_t now = 0;
};

// The steps of a registration after its throttle: trims email and username, validates them and the
// password as register_account does, hashes on the hash pool and creates the account (unique
// ignoring case, checked in the creating transaction). Not audited: the caller records its event.
RegisterResult create_account(AuthServices& services, const NewAccount& account);

// Counts the attempt against the address's budget (check and count in one step), validates the
// form (email, username 3-80 of [A-Za-z0-9_.-], password 8-128 characters and not guessable, its
// confirmation), hashes with the policy on the hash pool and creates the account. Email and username
// are unique ignoring case, also against concurrent registrations. With mail on and verification
// not off, the verify mail is queued in the same transaction as the account, and an address in use
// gets register_existing.tpl (at most mails_per_account per hour) instead of an error. Audited.
RegisterResult register_account(AuthServices& services, const RegisterRequest& request);

}  // namespace authgate::auth
