// password_verifier.cpp -- verification with top-up and padding, and hashing, on the hash pool.
#include "auth/password_verifier.h"

#include <chrono>
#include <thread>

#include "crypto/pbkdf2.h"

namespace authgate::auth {

namespace {

using Clock = std::chrono::steady_clock;

// Failures wait until the slowest method's CPU cost has passed in wall time, with a margin.
const double padding_margin = 1.05;

// A top-up burns this share of the missing time first, then re-measures; it stops within this
// fraction of the target or after this many rounds.
const double top_up_first_share = 0.9;
const double top_up_tolerance = 0.01;
const int top_up_chunks = 8;

}  // namespace

void PasswordVerifier::calibrate(store::Store& store) {
    costs_.calibrate([&store] {
        return store.transaction(store::Access::read,
                                 [](store::Repositories& repositories) { return repositories.users.password_methods(); });
    });
}

void PasswordVerifier::top_up(const std::string& password, double cpu_start) {
    const double target = costs_.policy_seconds();
    double per_iteration = costs_.top_up_seconds_per_iteration();
    if (target <= 0 || per_iteration <= 0) return;
    crypto::DigestAlgorithm digest =
        policy_.scheme == crypto::HashScheme::pbkdf2 ? policy_.digest : crypto::DigestAlgorithm::sha256;
    // The calibrated rate comes from one short probe at start, which another hash running on the
    // same core (or a neighbour taking the CPU) can make wrong by ten percent or more. So most of
    // the missing time is burnt in one go, then the rest with the rate just observed, re-measured
    // each time, until this check has cost what a real one costs.
    for (int chunk = 0; chunk < top_up_chunks; ++chunk) {
        double missing = target - (HashCosts::thread_cpu_seconds() - cpu_start);
        if (missing <= target * top_up_tolerance) return;
        double iterations = missing / per_iteration * (chunk == 0 ? top_up_first_share : 1.0);
        if (iterations < 1) return;
        if (iterations > crypto::hash_bounds::max_pbkdf2_iterations) iterations = crypto::hash_bounds::max_pbkdf2_iterations;
        double before = HashCosts::thread_cpu_seconds();
        crypto::pbkdf2_hmac(digest, password, "top-up", static_cast<std::uint32_t>(iterations), 32);
        double took = HashCosts::thread_cpu_seconds() - before;
        if (took > 0) per_iteration = took / static_cast<std::uint32_t>(iterations);
    }
}

CheckedPassword PasswordVerifier::check(store::Store& store, const std::optional<std::string>& stored,
                                        const std::string& password, bool usable) {
    auto admission = pool_.admit();
    if (!admission) return {PasswordCheck::busy, std::nullopt};
    calibrate(store);
    Clock::time_point start;
    bool matched = false;
    std::optional<std::string> upgraded;
    bool ran = pool_.run(*admission, [&] {
        start = Clock::now();
        double cpu_start = HashCosts::thread_cpu_seconds();
        std::string target = stored ? *stored : costs_.stand_in_hash();
        // No password holds a NUL (registration refuses it), and PBKDF2 would not tell "pw" from
        // "pw\0": HMAC pads short keys with zero bytes. It is checked all the same, for the time.
        crypto::VerifyResult verified = crypto::verify_password(target, password);
        bool result = verified == crypto::VerifyResult::match;
        double spent = HashCosts::thread_cpu_seconds() - cpu_start;
        // A malformed hash is refused at once: its time says nothing about its method's cost.
        if (verified != crypto::VerifyResult::malformed) costs_.observe(HashCosts::method_of(target), spent);
        matched = stored && result && password.find('\0') == std::string::npos;
        if (!matched || !usable) {
            top_up(password, cpu_start);
        } else if (crypto::needs_rehash(*stored, policy_)) {
            upgraded = crypto::hash_password(password, policy_);
        }
    });
    if (!ran) return {PasswordCheck::busy, std::nullopt};
    if (matched && usable) return {PasswordCheck::match, upgraded};
    auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(costs_.slowest_seconds() * padding_margin));
    std::this_thread::sleep_until(deadline);
    return {matched ? PasswordCheck::match : PasswordCheck::no_match, std::nullopt};
}

std::optional<std::string> PasswordVerifier::hash(const std::string& password) {
    auto admission = pool_.admit();
    if (!admission) return std::nullopt;
    std::string hashed;
    if (!pool_.run(*admission, [&] { hashed = crypto::hash_password(password, policy_); })) return std::nullopt;
    return hashed;
}

}  // namespace authgate::auth
