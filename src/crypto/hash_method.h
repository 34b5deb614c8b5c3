// hash_method.h -- parsing the METHOD part of a werkzeug hash, for stored hashes and for policies.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crypto/password_hash.h"

namespace authgate::crypto {

enum class MethodKind { pbkdf2, scrypt, legacy_hmac };

// Where a method string comes from; the two differ only in what the short forms mean.
enum class MethodSource {
    stored,  // read from a stored hash: "pbkdf2:DIGEST" = 260000 iterations, legacy digests allowed
    policy,  // given as a policy: "pbkdf2[:DIGEST]" = 600000 iterations, no legacy digests
};

struct HashMethod {
    MethodKind kind = MethodKind::pbkdf2;
    HashPolicy params;                 // for legacy_hmac only `digest` is meaningful
    bool explicit_parameters = true;   // false for "pbkdf2:DIGEST", "pbkdf2" and bare "scrypt"
};

struct MethodParse {
    std::optional<HashMethod> method;  // set when the method is supported and within the bounds
    std::string problem;               // otherwise a one-line reason
};

// Parses and bounds-checks `method`. Never throws except std::bad_alloc.
MethodParse parse_method(std::string_view method, MethodSource source);

// `text` made safe to quote in a one-line message: bytes outside printable ASCII become '?', and
// anything past 40 characters is cut and marked with "...".
std::string quote_for_message(std::string_view text);

}  // namespace authgate::crypto
