// throttle.h -- progressive slow-down of logins (per account and per address) and registrations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/repositories.h"

namespace authgate::auth {

// The defaults here are the only place they are declared; the option table shows them.
struct ThrottleSettings {
    std::int64_t window_seconds = 3600;        // attempts older than this are forgotten
    std::int64_t free_account_failures = 5;    // failures per account before delays start
    std::int64_t free_address_failures = 20;   // failures per client address before delays start
    std::int64_t max_delay_seconds = 900;      // the delay doubles per failure up to this
    std::int64_t registrations_per_hour = 20;  // per client address
};

// A granted attempt: the rows that count it, until it turns out not to be a failure.
struct Reservation {
    std::vector<std::int64_t> attempt_ids;
};

// Either a reservation (go ahead) or the seconds to wait.
struct ThrottleDecision {
    std::optional<Reservation> reservation;
    std::int64_t retry_after = 0;
};

// Decides whether an attempt may proceed, and counts it in the same step: called inside one write
// transaction, so however many requests arrive at once, each sees the attempts of those before it.
// An account is named by the submitted email, lower-cased, whether or not it exists, so a refusal
// says nothing about existence.
class Throttle {
public:
    explicit Throttle(const ThrottleSettings& settings) : settings_(settings) {}

    // After N free attempts, the k-th further one must wait 2^(k-1) s (capped) after the previous
    // one, per account and per address. A granted login is recorded at once (as a failure until
    // forgive_login says otherwise).
    ThrottleDecision reserve_login(store::AttemptRepository& attempts, const std::string& email,
                                   const std::string& address, std::int64_t now) const;
    // After a successful login: the account's failures are forgotten and the reservation dropped.
    void forgive_login(store::AttemptRepository& attempts, const std::string& email,
                       const Reservation& reservation) const;
    // An attempt that was never evaluated (the server was too busy to hash): uncounted.
    void release(store::AttemptRepository& attempts, const Reservation& reservation) const;

    // At most registrations_per_hour registration attempts per address and window.
    ThrottleDecision reserve_registration(store::AttemptRepository& attempts, const std::string& address,
                                          std::int64_t now) const;

    // At most `limit` attempts of `kind` for `key` per window (mail requests per account or address).
    ThrottleDecision reserve_counted(store::AttemptRepository& attempts, const std::string& kind,
                                     const std::string& key, std::int64_t limit, std::int64_t now) const;

    // The key an email is counted under: trimmed and ASCII lower-cased.
    static std::string account_key(const std::string& email);

private:
    std::optional<std::int64_t> wait_for(store::AttemptRepository& attempts, const std::string& kind,
                                         const std::string& key, std::int64_t free, std::int64_t now) const;

    const ThrottleSettings& settings_;
};

}  // namespace authgate::auth
