// records.h -- the rows authgate reads and writes, as plain values (no SQLite types).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace authgate::store {

struct UserRecord {
    std::int64_t id = 0;
    std::string email;
    std::string username;
    std::string password_hash;
    bool active = true;
    std::optional<std::int64_t> created_at;
    std::optional<std::int64_t> last_login_at;
};

struct SessionRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> user_id;  // none: an anonymous visitor's session (flash messages)
    bool fresh = false;
    std::string identifier;               // SHA-512 of address|user agent, for session protection
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    bool has_flashes = false;             // messages are waiting (read with the row, no extra query)
};

// What a new session row holds; the token itself is never stored, only its SHA-256.
struct NewSession {
    std::string token_hash;
    std::optional<std::int64_t> user_id;
    bool fresh = false;
    std::string identifier;
    std::int64_t now = 0;
    std::string remote_addr;
    std::string user_agent;
};

struct RememberRecord {
    std::string selector;
    std::string validator_hash;
    std::int64_t user_id = 0;
    std::int64_t expires_at = 0;
};

struct FlashRecord {
    std::string category;
    std::string message;
};

// Recent attempts of one kind for one key: how many, and when the latest was.
struct AttemptStats {
    std::int64_t count = 0;
    std::int64_t last_at = 0;
};

// The outcome of adding an account: exactly one of these.
enum class CreateUserResult { created, duplicate_email, duplicate_username };

}  // namespace authgate::store
