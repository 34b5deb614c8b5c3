// stored_hash.cpp -- validation of stored werkzeug hashes before any key derivation.
#include "crypto/stored_hash.h"

#include "crypto/hex.h"

namespace authgate::crypto {

std::size_t derived_length(const HashMethod& method) {
    constexpr std::size_t werkzeug_scrypt_key_bytes = 64;
    return method.kind == MethodKind::scrypt ? werkzeug_scrypt_key_bytes : digest_size(method.params.digest);
}

StoredHashParse parse_stored_hash(std::string_view stored) {
    const auto first = stored.find('$');
    const auto second = first == std::string_view::npos ? first : stored.find('$', first + 1);
    if (second == std::string_view::npos) {
        return {std::nullopt, "not a werkzeug hash (fewer than two '$' separators)"};
    }
    const std::string_view method_text = stored.substr(0, first);
    const std::string_view salt = stored.substr(first + 1, second - first - 1);
    const std::string_view hex = stored.substr(second + 1);

    MethodParse method = parse_method(method_text, MethodSource::stored);
    if (!method.method) return {std::nullopt, std::move(method.problem)};
    if (salt.empty()) return {std::nullopt, "empty salt"};
    if (salt.size() > hash_bounds::max_salt_bytes) {
        return {std::nullopt, "salt longer than " + std::to_string(hash_bounds::max_salt_bytes) + " bytes"};
    }
    const std::size_t want = 2 * derived_length(*method.method);
    if (hex.size() != want) {
        return {std::nullopt, "hash has " + std::to_string(hex.size()) + " characters, " +
                                  quote_for_message(method_text) + " needs " + std::to_string(want) + " hex digits"};
    }
    if (!is_lower_hex(hex)) return {std::nullopt, "hash is not lowercase hexadecimal"};
    return {StoredHash{*method.method, salt, hex}, {}};
}

}  // namespace authgate::crypto
