// throttle.h -- progressive slow-down of failed logins (per account and per address) and registrations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/repositories.h"

namespace authgate::auth {

struct ThrottleSettings {
    std::int64_t window_seconds = 3600;      // attempts older than this are forgotten
    std::int64_t free_account_failures = 5;  // failures per account before delays start
    std::int64_t free_address_failures = 20; // failures per client address before delays start
    std::int64_t max_delay_seconds = 900;    // the delay doubles per failure up to this
    std::int64_t registrations_per_hour = 10;  // per client address
};

// Decides whether an attempt may proceed. An account is named by the submitted email, lower-cased,
// whether or not it exists, so a refusal says nothing about existence.
class Throttle {
public:
    Throttle(store::AttemptRepository& attempts, const ThrottleSettings& settings)
        : attempts_(attempts), settings_(settings) {}

    // nullopt when a login for `email` from `address` may be checked now; otherwise the seconds
    // to wait. After N free failures the k-th further one must wait 2^(k-1) s (capped) after the
    // previous failure. Checked before any hashing.
    std::optional<std::int64_t> login_wait(const std::string& email, const std::string& address, std::int64_t now);
    void record_login_failure(const std::string& email, const std::string& address, std::int64_t now);
    // Forgets the account's failures (the address keeps its count).
    void record_login_success(const std::string& email);

    // nullopt when `address` may register now; otherwise the seconds to wait.
    std::optional<std::int64_t> registration_wait(const std::string& address, std::int64_t now);
    void record_registration(const std::string& address, std::int64_t now);

    // The key an email is counted under: trimmed and ASCII lower-cased.
    static std::string account_key(const std::string& email);

private:
    std::optional<std::int64_t> wait_for(const std::string& kind, const std::string& key, std::int64_t free,
                                         std::int64_t now);

    store::AttemptRepository& attempts_;
    const ThrottleSettings& settings_;
};

}  // namespace authgate::auth
