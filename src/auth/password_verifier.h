// password_verifier.h -- checks and makes password hashes on the hash pool; every failure costs the same.
#pragma once

#include <optional>
#include <string>

#include "auth/hash_costs.h"
#include "auth/hash_pool.h"
#include "crypto/password_hash.h"
#include "store/store.h"

namespace authgate::auth {

enum class PasswordCheck { match, no_match, busy };

struct CheckedPassword {
    PasswordCheck result = PasswordCheck::no_match;
    std::optional<std::string> upgraded_hash;  // a policy hash to store, after a match with an outdated one
};

// Shared by every worker thread.
class PasswordVerifier {
public:
    PasswordVerifier(HashPool& pool, const crypto::HashPolicy& policy) : pool_(pool), policy_(policy), costs_(policy) {}

    // Learns the hash costs of the database behind `store` (see HashCosts::calibrate). Called
    // once at start by a server; a one-request process calibrates on its first check instead.
    void calibrate(store::Store& store);

    // Checks `password` against `stored` (nullopt: no such account; a stand-in hash is checked).
    // A failure, whatever the account and its stored method, costs the same: a hash cheaper than the
    // policy is topped up with more hashing, and the answer waits (sleeping, not hashing) until the
    // slowest stored method would have finished. When `usable` is false (a disabled account) a match
    // is reported but timed like a failure. busy: the pool could not take it (nothing was hashed).
    CheckedPassword check(store::Store& store, const std::optional<std::string>& stored,
                          const std::string& password, bool usable = true);

    // A new policy hash of `password`, or nullopt when the pool is busy.
    std::optional<std::string> hash(const std::string& password);

    // Seconds a client refused with busy should wait.
    long retry_after_seconds() const { return pool_.retry_after_seconds(); }

    const crypto::HashPolicy& policy() const { return policy_; }

private:
    // Burns PBKDF2 rounds on this thread until it has spent the policy's cost since `cpu_start`
    // (a thread CPU time, HashCosts::thread_cpu_seconds()), so that a failure costs what a check costs.
    void top_up(const std::string& password, double cpu_start);

    HashPool& pool_;
    const crypto::HashPolicy& policy_;
    HashCosts costs_;
};

}  // namespace authgate::auth
