// hash_method.cpp -- method strings, hash policies and the bounds on their parameters.
#include "crypto/hash_method.h"

#include <cstdint>
#include <vector>

namespace authgate::crypto {
namespace {

// A plain decimal number: digits only, no sign, space, '_' or leading zero, at most 10 digits.
std::optional<std::uint64_t> parse_decimal(std::string_view text) {
    if (text.empty() || text.size() > 10) return std::nullopt;
    if (text.size() > 1 && text[0] == '0') return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

std::vector<std::string_view> split_colons(std::string_view text) {
    std::vector<std::string_view> parts;
    for (;;) {
        const auto colon = text.find(':');
        parts.push_back(text.substr(0, colon));
        if (colon == std::string_view::npos) return parts;
        text.remove_prefix(colon + 1);
    }
}

bool is_pbkdf2_digest(DigestAlgorithm d) { return d != DigestAlgorithm::md5; }

MethodParse failure(std::string problem) { return MethodParse{std::nullopt, std::move(problem)}; }

MethodParse checked(HashMethod method) {
    if (method.kind != MethodKind::legacy_hmac) {
        std::string problem = policy_problem(method.params);
        if (!problem.empty()) return failure(std::move(problem));
    }
    return MethodParse{method, {}};
}

MethodParse parse_pbkdf2(std::string_view method, const std::vector<std::string_view>& parts,
                         MethodSource source) {
    HashMethod result;
    result.kind = MethodKind::pbkdf2;
    if (parts.size() == 1) {  // bare "pbkdf2"
        if (source == MethodSource::stored) {
            return failure("unsupported hash method 'pbkdf2' (no digest or iteration count)");
        }
        result.explicit_parameters = false;
        return checked(result);
    }
    if (parts.size() > 3) return failure("bad pbkdf2 method '" + quote_for_message(method) + "' (pbkdf2:DIGEST:ITERATIONS)");
    const auto digest = parse_digest_name(parts[1]);
    if (!digest || !is_pbkdf2_digest(*digest)) {
        return failure("unsupported pbkdf2 digest '" + quote_for_message(parts[1]) + "'");
    }
    result.params.digest = *digest;
    if (parts.size() == 2) {
        result.explicit_parameters = false;
        result.params.iterations = source == MethodSource::stored ? hash_bounds::unstated_pbkdf2_iterations
                                                                  : hash_bounds::default_pbkdf2_iterations;
        return checked(result);
    }
    const auto iterations = parse_decimal(parts[2]);
    if (!iterations || *iterations > hash_bounds::max_pbkdf2_iterations) {
        return failure("pbkdf2 iteration count '" + quote_for_message(parts[2]) + "' is not a number in 1.." +
                       std::to_string(hash_bounds::max_pbkdf2_iterations));
    }
    result.params.iterations = static_cast<std::uint32_t>(*iterations);
    return checked(result);
}

MethodParse parse_scrypt(std::string_view method, const std::vector<std::string_view>& parts) {
    HashMethod result;
    result.kind = MethodKind::scrypt;
    result.params.scheme = HashScheme::scrypt;
    if (parts.size() == 1) {  // bare "scrypt": werkzeug's 32768:8:1
        result.explicit_parameters = false;
        return checked(result);
    }
    if (parts.size() != 4) return failure("bad scrypt method '" + quote_for_message(method) + "' (scrypt:N:R:P)");
    std::uint32_t* fields[3] = {&result.params.n, &result.params.r, &result.params.p};
    for (int i = 0; i < 3; ++i) {
        const auto value = parse_decimal(parts[i + 1]);
        if (!value || *value > 0xffffffffULL) {
            return failure("scrypt parameter '" + quote_for_message(parts[i + 1]) + "' is not a number");
        }
        *fields[i] = static_cast<std::uint32_t>(*value);
    }
    return checked(result);
}

}  // namespace

std::string quote_for_message(std::string_view text) {
    constexpr std::size_t max_chars = 40;
    std::string out;
    for (char c : text.substr(0, max_chars)) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
    if (text.size() > max_chars) out += "...";
    return out;
}

MethodParse parse_method(std::string_view method, MethodSource source) {
    const auto parts = split_colons(method);
    if (parts[0] == "pbkdf2") return parse_pbkdf2(method, parts, source);
    if (parts[0] == "scrypt") return parse_scrypt(method, parts);
    if (source == MethodSource::stored && parts.size() == 1) {
        if (const auto digest = parse_digest_name(method)) {
            HashMethod result;
            result.kind = MethodKind::legacy_hmac;
            result.params.digest = *digest;
            result.explicit_parameters = false;
            return MethodParse{result, {}};
        }
    }
    return failure("unsupported hash method '" + quote_for_message(method) + "'");
}

bool operator==(const HashPolicy& a, const HashPolicy& b) {
    if (a.scheme != b.scheme) return false;
    if (a.scheme == HashScheme::pbkdf2) return a.digest == b.digest && a.iterations == b.iterations;
    return a.n == b.n && a.r == b.r && a.p == b.p;
}

bool operator!=(const HashPolicy& a, const HashPolicy& b) { return !(a == b); }

std::optional<HashPolicy> parse_hash_policy(std::string_view method) {
    MethodParse parsed = parse_method(method, MethodSource::policy);
    if (!parsed.method) return std::nullopt;
    return parsed.method->params;
}

std::string method_problem(std::string_view method) { return parse_method(method, MethodSource::policy).problem; }

HashPolicy default_hash_policy() { return HashPolicy{}; }

std::string describe(const HashPolicy& policy) {
    if (policy.scheme == HashScheme::scrypt) {
        return "scrypt:" + std::to_string(policy.n) + ":" + std::to_string(policy.r) + ":" + std::to_string(policy.p);
    }
    return "pbkdf2:" + std::string(digest_name(policy.digest)) + ":" + std::to_string(policy.iterations);
}

std::string policy_problem(const HashPolicy& policy) {
    using namespace hash_bounds;
    if (policy.scheme == HashScheme::pbkdf2) {
        if (!is_pbkdf2_digest(policy.digest)) return "pbkdf2 is offered with sha1, sha224, sha256, sha384 or sha512 only";
        if (policy.iterations < min_pbkdf2_iterations || policy.iterations > max_pbkdf2_iterations) {
            return "pbkdf2 iteration count " + std::to_string(policy.iterations) + " is outside 1.." +
                   std::to_string(max_pbkdf2_iterations);
        }
        return {};
    }
    const std::uint64_t n = policy.n, r = policy.r, p = policy.p;
    const std::string params = describe(policy);
    if (n < min_scrypt_n || n > max_scrypt_n || (n & (n - 1)) != 0) {
        return params + ": N must be a power of two in 2.." + std::to_string(max_scrypt_n);
    }
    if (r < 1 || r > max_scrypt_r) return params + ": r must be in 1.." + std::to_string(max_scrypt_r);
    if (p < 1 || p > max_scrypt_p) return params + ": p must be in 1.." + std::to_string(max_scrypt_p);
    if (r < 4 && n >= (1ull << (16 * r))) return params + ": N must be below 2^(16*r)";
    if (128 * n * r > max_scrypt_memory) return params + ": needs more than 256 MiB (128*N*r)";
    if (n * r * p > max_scrypt_work) return params + ": work N*r*p is above 2^22";
    if (128 * r * (n + 2) + 128 * r * p > 132 * n * r * p) {
        return params + ": too small for werkzeug's memory limit (128*r*(N+2) + 128*r*p > 132*N*r*p)";
    }
    return {};
}

}  // namespace authgate::crypto
