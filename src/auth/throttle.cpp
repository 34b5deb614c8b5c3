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

std::optional<std::int64_t> Throttle::wait_for(const std::string& kind, const std::string& key, std::int64_t free,
                                               std::int64_t now) {
    auto stats = attempts_.since(kind, key, now - settings_.window_seconds);
    if (stats.count < free) return std::nullopt;
    std::int64_t excess = stats.count - free;  // 0 for the first failure past the free ones
    std::int64_t delay = excess >= 20 ? settings_.max_delay_seconds
                                      : std::min<std::int64_t>(std::int64_t{1} << excess, settings_.max_delay_seconds);
    std::int64_t ready_at = stats.last_at + delay;
    if (now >= ready_at) return std::nullopt;
    return ready_at - now;
}

std::optional<std::int64_t> Throttle::login_wait(const std::string& email, const std::string& address,
                                                 std::int64_t now) {
    auto account = wait_for(login_account, account_key(email), settings_.free_account_failures, now);
    auto client = wait_for(login_address, address, settings_.free_address_failures, now);
    if (account && client) return std::max(*account, *client);
    return account ? account : client;
}

void Throttle::record_login_failure(const std::string& email, const std::string& address, std::int64_t now) {
    attempts_.prune(now - settings_.window_seconds);
    attempts_.record(login_account, account_key(email), now);
    attempts_.record(login_address, address, now);
}

void Throttle::record_login_success(const std::string& email) {
    attempts_.clear(login_account, account_key(email));
}

std::optional<std::int64_t> Throttle::registration_wait(const std::string& address, std::int64_t now) {
    auto stats = attempts_.since(register_address, address, now - settings_.window_seconds);
    if (stats.count < settings_.registrations_per_hour) return std::nullopt;
    // Wait until the oldest counted registration leaves the window; approximated by a full window
    // after the latest, capped so the answer stays useful.
    return std::max<std::int64_t>(1, std::min(settings_.window_seconds, stats.last_at + settings_.window_seconds - now));
}

void Throttle::record_registration(const std::string& address, std::int64_t now) {
    attempts_.prune(now - settings_.window_seconds);
    attempts_.record(register_address, address, now);
}

}  // namespace authgate::auth
