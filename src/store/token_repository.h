// token_repository.h -- single-use links sent by mail (verify, reset, email change), stored by SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace authgate::store {

// One mailed token. It is valid only while the account still has the email and password hash it
// was issued for (a changed password or address kills it without another write).
struct TokenRecord {
    std::string token_hash;  // SHA-256 of the token in the link
    std::string purpose;     // "verify", "reset", "email_change"
    std::int64_t user_id = 0;
    std::string email;          // the account's address when issued
    std::string password_hash;  // the account's password hash when issued
    std::string new_email;      // email_change: the address to switch to
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
};

class TokenRepository {
public:
    virtual ~TokenRepository() = default;
    virtual void create(const TokenRecord& record) = 0;
    virtual std::optional<TokenRecord> find(const std::string& token_hash) = 0;
    virtual void remove(const std::string& token_hash) = 0;
    // Removes every token of `user_id` with `purpose` ("" for every purpose).
    virtual void remove_for_user(std::int64_t user_id, const std::string& purpose) = 0;
    virtual void remove_expired(std::int64_t now) = 0;
};

}  // namespace authgate::store
