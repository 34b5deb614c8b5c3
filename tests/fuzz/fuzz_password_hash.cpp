// fuzz_password_hash.cpp -- libFuzzer target for stored-hash parsing, verification and hash policies.
// Input: "STORED\nPASSWORD" (no newline: the whole input is the stored hash, the password is empty).
// The module's own bounds cap the work per input (pbkdf2 <= 10,000,000 iterations, scrypt N*r*p <= 2^22).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crypto/password_hash.h"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace authgate::crypto;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    const std::string_view stored = input.substr(0, newline);
    const std::string_view password = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);

    // verify_password never throws, and calls a hash malformed exactly when hash_problem has a reason.
    const VerifyResult result = verify_password(stored, password);
    const std::string problem = hash_problem(stored);
    require((result == VerifyResult::malformed) == !problem.empty());
    if (result == VerifyResult::malformed) require(needs_rehash(stored, default_hash_policy()));
    (void)needs_rehash(stored, *parse_hash_policy("scrypt"));

    // A method string either gives a policy that describes back to itself, or a reason it does not.
    for (const std::string_view method : {stored.substr(0, stored.find('$')), stored}) {
        const auto policy = parse_hash_policy(method);
        require(policy.has_value() == method_problem(method).empty());
        if (policy) {
            require(policy_problem(*policy).empty());
            const auto again = parse_hash_policy(describe(*policy));
            require(again.has_value() && *again == *policy);
        }
    }
    return 0;
}
