// signed_value.cpp -- HMAC-signed values.
#include "auth/signed_value.h"

#include "crypto/digest.h"

namespace authgate::auth {

std::string ValueSigner::sign(const std::string& purpose, const std::string& value) const {
    return value + "." + crypto::hmac_sha256_hex(key_, purpose + "|" + value);
}

std::optional<std::string> ValueSigner::open(const std::string& purpose, const std::string& signed_value) const {
    auto dot = signed_value.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    std::string value = signed_value.substr(0, dot);
    if (!crypto::constant_time_equal(crypto::hmac_sha256_hex(key_, purpose + "|" + value), signed_value.substr(dot + 1)))
        return std::nullopt;
    return value;
}

}  // namespace authgate::auth
