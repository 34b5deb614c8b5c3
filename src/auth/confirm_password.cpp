// confirm_password.cpp -- reserve, verify, forgive.
#include "auth/confirm_password.h"

namespace authgate::auth {

Confirmed confirm_current_password(AuthServices& services, std::int64_t user_id, const std::string& password,
                                   const ClientInfo& client, std::int64_t now) {
    Throttle throttle(services.settings.throttle);
    struct Reserved {
        ThrottleDecision decision;
        std::optional<store::UserRecord> user;
    };
    Reserved reserved = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        Reserved result;
        result.user = repositories.users.find_by_id(user_id);
        std::string key = result.user ? result.user->email : std::to_string(user_id);
        result.decision = throttle.reserve_login(repositories.attempts, key, client.remote_addr, now);
        return result;
    });
    if (!reserved.decision.reservation) return {ConfirmStatus::throttled, reserved.decision.retry_after, std::nullopt};
    std::optional<std::string> stored;
    if (reserved.user) stored = reserved.user->password_hash;
    CheckedPassword checked = services.passwords.check(services.store, stored, password);
    if (checked.result == PasswordCheck::busy) {
        services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
            throttle.release(repositories.attempts, *reserved.decision.reservation);
        });
        return {ConfirmStatus::busy, services.passwords.retry_after_seconds(), std::nullopt};
    }
    if (checked.result != PasswordCheck::match || !reserved.user) return {ConfirmStatus::wrong, 0, std::nullopt};
    services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        throttle.forgive_login(repositories.attempts, reserved.user->email, *reserved.decision.reservation);
    });
    return {ConfirmStatus::ok, 0, reserved.user};
}

}  // namespace authgate::auth
