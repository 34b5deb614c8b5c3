// login.cpp -- throttle, verify, then open the session.
#include "auth/login.h"

#include "auth/session_tokens.h"
#include "auth/throttle.h"
#include "crypto/digest.h"
#include "http/text.h"

namespace authgate::auth {

namespace {

struct Reserved {
    ThrottleDecision decision;
    std::optional<store::UserRecord> user;
};

}  // namespace

LoginResult log_in(AuthServices& services, const LoginRequest& request) {
    const Presented& presented = request.presented;
    const std::string& address = presented.client.remote_addr;
    std::string email = http::trim(request.email);
    Throttle throttle(services.settings.throttle);
    auto audit = [&](const std::string& event, const std::string& outcome, std::optional<std::int64_t> user_id) {
        services.audit.record({event, outcome, address, request.email, user_id});
    };

    Reserved reserved = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        Reserved result{throttle.reserve_login(repositories.attempts, email, address, presented.now), std::nullopt};
        if (result.decision.reservation && !email.empty() && email.size() <= 320)
            result.user = repositories.users.find_by_email(email);
        return result;
    });
    if (!reserved.decision.reservation) {
        audit("login_throttled", "retry_after_" + std::to_string(reserved.decision.retry_after), std::nullopt);
        return {LoginStatus::throttled, reserved.decision.retry_after, std::nullopt, {}};
    }
    const Reservation& reservation = *reserved.decision.reservation;

    std::optional<std::string> stored;
    if (reserved.user) stored = reserved.user->password_hash;
    bool usable = reserved.user && reserved.user->active;
    CheckedPassword checked = services.passwords.check(services.store, stored, request.password, usable);
    if (checked.result == PasswordCheck::busy) {
        services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
            throttle.release(repositories.attempts, reservation);
        });
        long wait = services.passwords.retry_after_seconds();
        audit("login_busy", "retry_after_" + std::to_string(wait), std::nullopt);
        return {LoginStatus::busy, wait, std::nullopt, {}};
    }
    if (checked.result == PasswordCheck::no_match) {
        audit("login_failure", "bad_credentials", std::nullopt);
        return {LoginStatus::bad_credentials, 0, std::nullopt, {}};
    }
    if (!reserved.user->active) {
        audit("login_failure", "inactive", std::nullopt);
        return {LoginStatus::inactive, 0, std::nullopt, {}};
    }

    LoginResult result{LoginStatus::ok, 0, std::nullopt, {}};
    services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        auto user = repositories.users.find_by_id(reserved.user->id);
        if (!user || !user->active || user->password_hash != reserved.user->password_hash) {
            // Disabled, deleted or given a new password while the hash was checked.
            result.status = user && !user->active ? LoginStatus::inactive : LoginStatus::bad_credentials;
            return;
        }
        throttle.forgive_login(repositories.attempts, email, reservation);
        if (services.mailer && services.mailer->enabled() &&
            services.settings.mail.verification == EmailVerification::required && !user->email_verified) {
            result.status = LoginStatus::unverified;
            return;
        }
        if (checked.upgraded_hash &&
            repositories.users.replace_password_hash(user->id, user->password_hash, *checked.upgraded_hash))
            user->password_hash = *checked.upgraded_hash;
        repositories.users.record_login(user->id, presented.now);
        user->last_login_at = presented.now;
        const SessionSettings& session = services.settings.session;
        if (!presented.session_token.empty())
            repositories.sessions.remove_by_token_hash(crypto::sha256_hex(presented.session_token));
        retire_presented_chain(repositories, presented.remember_cookie);
        repositories.sessions.remove_expired(presented.now - session.idle_seconds,
                                             presented.now - session.absolute_seconds);
        repositories.remember.remove_expired(presented.now);
        open_session(repositories.sessions, user->id, true, std::nullopt, presented, result.cookies);
        if (request.remember)
            start_remember_chain(repositories.remember, user->id, session.remember_seconds, presented.now,
                                 result.cookies);
        else if (!presented.remember_cookie.empty())
            result.cookies.clear_remember = true;
        result.user = view_of(*user);
    });
    if (result.status != LoginStatus::ok) {
        audit("login_failure",
              result.status == LoginStatus::inactive     ? "inactive"
              : result.status == LoginStatus::unverified ? "unverified"
                                                         : "bad_credentials",
              std::nullopt);
        return {result.status, 0, std::nullopt, {}};
    }
    audit("login_success", request.remember ? "remember_me" : "session", result.user->id);
    return result;
}

}  // namespace authgate::auth
