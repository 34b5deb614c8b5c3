// signed_value.h -- values a client carries (in a cookie) that only this site can have written.
#pragma once

#include <optional>
#include <string>

namespace authgate::auth {

// HMAC-SHA256 under a key kept in the database (so every process and host agrees), separated by
// purpose so that a value signed for one use is never accepted for another.
class ValueSigner {
public:
    explicit ValueSigner(std::string key) : key_(std::move(key)) {}

    // `value` + "." + its signature (64 hex digits); `value` may hold anything, the signature
    // is the part after the last ".".
    std::string sign(const std::string& purpose, const std::string& value) const;
    // The value when `signed_value` carries a valid signature for `purpose`; nullopt otherwise.
    // Constant-time over the signature.
    std::optional<std::string> open(const std::string& purpose, const std::string& signed_value) const;

private:
    std::string key_;
};

}  // namespace authgate::auth
