// hash_costs.cpp -- calibration and running estimates of hash costs.
#include "auth/hash_costs.h"

#include <algorithm>
#include <ctime>

#include "crypto/pbkdf2.h"
#include "crypto/random.h"

namespace authgate::auth {

namespace {

const std::size_t max_methods = 64;
const std::uint32_t top_up_probe_iterations = 20000;

double seconds_since(double start) {
    return HashCosts::thread_cpu_seconds() - start;
}

}  // namespace

double HashCosts::thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

std::string HashCosts::method_of(const std::string& stored) {
    auto dollar = stored.find('$');
    return dollar == std::string::npos ? std::string() : stored.substr(0, dollar);
}

std::optional<crypto::HashPolicy> HashCosts::equivalent_policy(const std::string& method) {
    auto policy = crypto::parse_hash_policy(method);
    if (!policy) return std::nullopt;
    // A stored "pbkdf2:DIGEST" without a count is read as werkzeug 2.2's 260000 iterations.
    if (policy->scheme == crypto::HashScheme::pbkdf2 && std::count(method.begin(), method.end(), ':') == 1)
        policy->iterations = crypto::hash_bounds::unstated_pbkdf2_iterations;
    return policy;
}

void HashCosts::calibrate(const std::function<std::vector<std::string>()>& methods) {
    std::call_once(calibrated_, [&] {
        std::string password = crypto::random_token(16);
        double start = thread_cpu_seconds();
        std::string stand_in = crypto::hash_password(password, policy_);
        double policy_cost = seconds_since(start);

        crypto::DigestAlgorithm digest =
            policy_.scheme == crypto::HashScheme::pbkdf2 ? policy_.digest : crypto::DigestAlgorithm::sha256;
        start = thread_cpu_seconds();
        crypto::pbkdf2_hmac(digest, password, "top-up", top_up_probe_iterations, 32);
        double per_iteration = seconds_since(start) / top_up_probe_iterations;

        std::map<std::string, double> measured;
        measured[method_of(stand_in)] = policy_cost;
        std::vector<std::string> stored = methods();
        if (stored.size() > max_methods) stored.resize(max_methods);
        for (const auto& method : stored) {
            if (measured.count(method)) continue;
            auto equivalent = equivalent_policy(method);
            if (!equivalent || !crypto::policy_problem(*equivalent).empty()) {
                measured[method] = 0;
                continue;
            }
            start = thread_cpu_seconds();
            crypto::hash_password(password, *equivalent);
            measured[method] = seconds_since(start);
        }
        std::lock_guard<std::mutex> lock(mutex_);
        stand_in_ = stand_in;
        policy_method_ = method_of(stand_in);
        top_up_per_iteration_ = per_iteration;
        for (const auto& entry : measured) seconds_[entry.first] = std::max(seconds_[entry.first], entry.second);
    });
}

std::string HashCosts::stand_in_hash() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stand_in_;
}

double HashCosts::slowest_seconds() {
    std::lock_guard<std::mutex> lock(mutex_);
    double slowest = 0;
    for (const auto& entry : seconds_) slowest = std::max(slowest, entry.second);
    return slowest;
}

double HashCosts::seconds_for(const std::string& method) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = seconds_.find(method);
    return it == seconds_.end() ? 0 : it->second;
}

double HashCosts::policy_seconds() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = seconds_.find(policy_method_);
    return it == seconds_.end() ? 0 : it->second;
}

double HashCosts::top_up_seconds_per_iteration() {
    std::lock_guard<std::mutex> lock(mutex_);
    return top_up_per_iteration_;
}

void HashCosts::observe(const std::string& method, double seconds) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = seconds_.find(method);
    if (it == seconds_.end()) {
        if (seconds_.size() < 4 * max_methods) seconds_[method] = seconds;
        return;
    }
    it->second = 0.8 * it->second + 0.2 * seconds;
}

}  // namespace authgate::auth
