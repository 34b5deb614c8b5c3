// flash_cookie.h -- messages shown once on the next page, carried in a signed cookie (no database row).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/signed_value.h"

namespace authgate::web {

struct Flash {
    std::string category;  // success, info, error
    std::string message;
};

// The cookie value carrying `flashes` (at most the last 5), signed with `signer`.
std::string encode_flashes(const auth::ValueSigner& signer, const std::vector<Flash>& flashes);

// The flashes in a cookie value; empty for a missing, malformed or forged one.
std::vector<Flash> decode_flashes(const auth::ValueSigner& signer, const std::string& value);

}  // namespace authgate::web
