// hash_costs.h -- how long checking each stored hash method takes, so every failed login can cost the same.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "crypto/password_hash.h"

namespace authgate::auth {

// Learned once by timing (in thread CPU time) one hash of every method the database holds
// (calibrate), then kept current from the checks that run (observe). Thread-safe.
class HashCosts {
public:
    explicit HashCosts(const crypto::HashPolicy& policy) : policy_(policy) {}

    // Times one hash with the policy (that hash, of a random password, stands in for unknown
    // accounts) and one with each of `methods()` (the methods of the stored passwords). The first
    // call does the work; later calls return at once.
    void calibrate(const std::function<std::vector<std::string>()>& methods);

    // The policy hash of a random password (calibrate first).
    std::string stand_in_hash();
    // The slowest method's cost in seconds: what every failed login is padded to.
    double slowest_seconds();
    // The cost of checking a hash with `method` (the text before the first '$'); 0 when unknown.
    double seconds_for(const std::string& method);
    // What one policy hash costs, and one PBKDF2 iteration of the top-up digest, in seconds.
    double policy_seconds();
    double top_up_seconds_per_iteration();
    // Folds a measured check of `method` into its estimate.
    void observe(const std::string& method, double seconds);

    // CPU seconds the calling thread has used so far: hash costs are counted in CPU time, which other
    // load on the machine does not inflate the way it inflates wall time.
    static double thread_cpu_seconds();
    // The method part of a stored hash ("pbkdf2:sha256:600000"), "" when it has no '$'.
    static std::string method_of(const std::string& stored);
    // The policy that costs what checking `method` costs; nullopt for cheap legacy or unreadable ones.
    static std::optional<crypto::HashPolicy> equivalent_policy(const std::string& method);

private:
    const crypto::HashPolicy& policy_;
    std::once_flag calibrated_;
    std::mutex mutex_;
    std::string stand_in_;
    std::string policy_method_;
    double top_up_per_iteration_ = 0;
    std::map<std::string, double> seconds_;
};

}  // namespace authgate::auth
