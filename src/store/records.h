// records.h -- the rows authgate reads and writes, as plain values (no backend types).
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
    bool email_verified = false;
    std::optional<std::int64_t> created_at;
    std::optional<std::int64_t> last_login_at;
};

struct SessionRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    bool fresh = false;
    std::string identifier;                        // SHA-512 of address|user agent, for session protection
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    std::optional<std::string> remember_selector;  // the remember chain this session was opened from
};

// A session and its user, read by one indexed statement.
struct SessionWithUser {
    SessionRecord session;
    UserRecord user;
};

// What a new session row holds; the token itself is never stored, only its SHA-256.
struct NewSession {
    std::string token_hash;
    std::int64_t user_id = 0;
    bool fresh = false;
    std::string identifier;
    std::int64_t now = 0;
    std::string remote_addr;
    std::string user_agent;
    std::optional<std::string> remember_selector;
};

// One "remember me" chain: the selector stays, the validator is replaced at every use. The chain's
// lifetime counts from the password login (expires_at never moves).
struct RememberRecord {
    std::string selector;
    std::string validator_hash;
    std::int64_t user_id = 0;
    std::int64_t expires_at = 0;
    std::optional<std::string> previous_validator_hash;  // the validator replaced last
    std::optional<std::int64_t> rotated_at;              // when it was replaced
};

// Recent attempts of one kind for one key: how many, and when the latest was.
struct AttemptStats {
    std::int64_t count = 0;
    std::int64_t last_at = 0;
};

// The outcome of adding an account: exactly one of these.
enum class CreateUserResult { created, duplicate_email, duplicate_username };

}  // namespace authgate::store
