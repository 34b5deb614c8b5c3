// throttle.cpp -- exponential back-off computed from the recent attempts in the database.
#include "auth/throttle.h"

#include <algorithm>
#include <cctype>

#include "http/text.h"

namespace authgate::auth {

namespace {
const char* const login_account = "login_account";
const char* const login_address = "login_address";
const char* const register_address = "register_address";
}  // namespace

std::string Throttle::account_key(const std::string& email) {
    std::string key = http::trim(email).substr(0, 320);
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    return key;
}

std::optional<std::int64_t> Throttle::wait_for(store::AttemptRepository& attempts, const std::string& kind,
                                               const std::string& key, std::int64_t free, std::int64_t now) const {
    auto stats = attempts.since(kind, key, now - settings_.window_seconds);
    if (stats.count < free) return std::nullopt;
    std::int64_t excess = stats.count - free;  // 0 for the first attempt past the free ones
    std::int64_t delay = excess >= 20 ? settings_.max_delay_seconds
                                      : std::min<std::int64_t>(std::int64_t{1} << excess, settings_.max_delay_seconds);
    std::int64_t ready_at = stats.last_at + delay;
    if (now >= ready_at) return std::nullopt;
    return ready_at - now;
}

ThrottleDecision Throttle::reserve_login(store::AttemptRepository& attempts, const std::string& email,
                                         const std::string& address, std::int64_t now) const {
    std::string key = account_key(email);
    auto account = wait_for(attempts, login_account, key, settings_.free_account_failures, now);
    auto client = wait_for(attempts, login_address, address, settings_.free_address_failures, now);
    if (account || client) return {std::nullopt, std::max(account.value_or(0), client.value_or(0))};
    attempts.prune(now - settings_.window_seconds);
    Reservation reservation;
    reservation.attempt_ids.push_back(attempts.record(login_account, key, now));
    reservation.attempt_ids.push_back(attempts.record(login_address, address, now));
    return {reservation, 0};
}

void Throttle::forgive_login(store::AttemptRepository& attempts, const std::string& email,
                             const Reservation& reservation) const {
    release(attempts, reservation);
    attempts.clear(login_account, account_key(email));
}

void Throttle::release(store::AttemptRepository& attempts, const Reservation& reservation) const {
    for (std::int64_t id : reservation.attempt_ids) attempts.remove(id);
}

ThrottleDecision Throttle::reserve_registration(store::AttemptRepository& attempts, const std::string& address,
                                                std::int64_t now) const {
    return reserve_counted(attempts, register_address, address, settings_.registrations_per_hour, now);
}

ThrottleDecision Throttle::reserve_counted(store::AttemptRepository& attempts, const std::string& kind,
                                           const std::string& key, std::int64_t limit, std::int64_t now) const {
    auto stats = attempts.since(kind, key, now - settings_.window_seconds);
    if (stats.count >= limit) {
        // Wait until the window after the latest counted registration has passed, capped so the
        // answer stays useful.
        std::int64_t wait = std::max<std::int64_t>(
            1, std::min(settings_.window_seconds, stats.last_at + settings_.window_seconds - now));
        return {std::nullopt, wait};
    }
    attempts.prune(now - settings_.window_seconds);
    return {Reservation{{attempts.record(kind, key, now)}}, 0};
}

}  // namespace authgate::auth
