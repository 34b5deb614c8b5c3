// register.cpp -- throttle, validate, hash, create.
#include "auth/register.h"

#include "auth/email_verification.h"
#include "auth/throttle.h"
#include "mail/mime.h"
#include "http/text.h"

namespace authgate::auth {

namespace {

const char* outcome_name(RegisterStatus status) {
    switch (status) {
        case RegisterStatus::created: return "created";
        case RegisterStatus::duplicate_email: return "duplicate_email";
        case RegisterStatus::duplicate_username: return "duplicate_username";
        case RegisterStatus::throttled: return "throttled";
        case RegisterStatus::busy: return "busy";
        case RegisterStatus::pending_verification: return "pending_verification";
        case RegisterStatus::invalid: break;
    }
    return "invalid";
}

// Reserves the address's registration budget, then creates the account (giving the budget back
// when hashing was refused).
RegisterResult decide(AuthServices& services, const RegisterRequest& request) {
    const std::string& address = request.client.remote_addr;
    Throttle throttle(services.settings.throttle);
    auto decision = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        return throttle.reserve_registration(repositories.attempts, address, request.now);
    });
    if (!decision.reservation) return {RegisterStatus::throttled, FieldProblem::none, decision.retry_after, 0};

    RegisterResult result = create_account(
        services, {request.email, request.username, request.password, request.password_confirm, request.now});
    if (result.status == RegisterStatus::busy) {
        services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
            throttle.release(repositories.attempts, *decision.reservation);
        });
    }
    return result;
}

}  // namespace

RegisterResult create_account(AuthServices& services, const NewAccount& account) {
    std::string email = http::trim(account.email);
    std::string username = http::trim(account.username);
    FieldProblem problem = email_problem(email);
    bool verifying = services.mailer && services.mailer->enabled() &&
                     services.settings.mail.verification != EmailVerification::off;
    if (problem == FieldProblem::none && services.mailer && services.mailer->enabled() && !mail::safe_address(email))
        problem = FieldProblem::email_invalid;
    if (problem == FieldProblem::none) problem = username_problem(username);
    if (problem == FieldProblem::none)
        problem = new_password_problem(account.password, account.password_confirm,
                                       {username, email, email.substr(0, email.find('@'))},
                                       services.settings.min_password_score);
    if (problem != FieldProblem::none) return {RegisterStatus::invalid, problem, 0, 0};

    auto hash = services.passwords.hash(account.password);
    if (!hash) return {RegisterStatus::busy, FieldProblem::none, services.passwords.retry_after_seconds(), 0};
    return services.store.transaction(store::Access::write, [&](store::Repositories& repositories) -> RegisterResult {
        if (verifying && repositories.users.email_taken(email)) {
            auto owner = repositories.users.find_by_email(email);
            Throttle throttle(services.settings.throttle);
            auto allowed = throttle.reserve_counted(repositories.attempts, "mail_account", Throttle::account_key(email),
                                                    services.settings.mail.mails_per_account, account.now);
            if (owner && allowed.reservation && mail::safe_address(owner->email))
                services.mailer->queue(repositories, "mail/register_existing.tpl", owner->email, owner->id,
                                       {{"USERNAME", owner->username}, {"LINK", services.mailer->link("/forgot")}},
                                       account.now);
            return {RegisterStatus::pending_verification, FieldProblem::none, 0, 0};
        }
        if (repositories.users.email_taken(email)) return {RegisterStatus::duplicate_email, FieldProblem::none, 0, 0};
        if (repositories.users.username_taken(username))
            return {RegisterStatus::duplicate_username, FieldProblem::none, 0, 0};
        std::int64_t id = repositories.users.create(email, username, *hash, account.now);
        if (!verifying) return {RegisterStatus::created, FieldProblem::none, 0, id};
        if (auto user = repositories.users.find_by_id(id)) queue_verification(services, repositories, *user, account.now);
        return {RegisterStatus::pending_verification, FieldProblem::none, 0, id};
    });
}

RegisterResult register_account(AuthServices& services, const RegisterRequest& request) {
    RegisterResult result = decide(services, request);
    if (result.status == RegisterStatus::pending_verification && services.mailer) services.mailer->notify();
    const char* outcome = result.status == RegisterStatus::pending_verification && !result.user_id
                              ? "duplicate_email_notified" : outcome_name(result.status);
    services.audit.record({"registration", outcome, request.client.remote_addr, request.email,
                           result.user_id ? std::optional<std::int64_t>(result.user_id) : std::nullopt});
    return result;
}

}  // namespace authgate::auth
