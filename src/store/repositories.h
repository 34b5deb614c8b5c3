// repositories.h -- the storage interfaces the domain uses; SQLite implements them (sqlite_store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/records.h"

namespace authgate::store {

class UserRepository {
public:
    virtual ~UserRepository() = default;
    // The account whose email equals `email` ignoring ASCII case (an exact match wins).
    virtual std::optional<UserRecord> find_by_email(const std::string& email) = 0;
    virtual std::optional<UserRecord> find_by_id(std::int64_t id) = 0;
    // Adds an account unless the email or the username is taken (ignoring ASCII case); atomic
    // against concurrent registrations. `created_id` receives the new id.
    virtual CreateUserResult create(const std::string& email, const std::string& username,
                                    const std::string& password_hash, std::int64_t now,
                                    std::int64_t& created_id) = 0;
    virtual void update_password_hash(std::int64_t user_id, const std::string& password_hash) = 0;
    virtual void record_login(std::int64_t user_id, std::int64_t now) = 0;
};

class SessionRepository {
public:
    virtual ~SessionRepository() = default;
    // Inserts a session and returns its id.
    virtual std::int64_t create(const NewSession& session) = 0;
    virtual std::optional<SessionRecord> find_by_token_hash(const std::string& token_hash) = 0;
    virtual void touch(std::int64_t session_id, std::int64_t now) = 0;
    virtual void mark_not_fresh(std::int64_t session_id) = 0;
    virtual void remove(std::int64_t session_id) = 0;
    // Removes sessions idle since before `idle_cutoff` or created before `absolute_cutoff`.
    virtual void remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) = 0;
    virtual void add_flash(std::int64_t session_id, const FlashRecord& flash) = 0;
    // Returns and deletes the session's flash messages, oldest first.
    virtual std::vector<FlashRecord> take_flashes(std::int64_t session_id) = 0;
};

class RememberRepository {
public:
    virtual ~RememberRepository() = default;
    virtual void create(const RememberRecord& record, std::int64_t now) = 0;
    virtual std::optional<RememberRecord> find(const std::string& selector) = 0;
    // Replaces the validator hash and expiry only if the stored hash is still `old_hash`; false
    // when another request rotated it first.
    virtual bool rotate(const std::string& selector, const std::string& old_hash, const std::string& new_hash,
                        std::int64_t expires_at) = 0;
    virtual void remove(const std::string& selector) = 0;
    virtual void remove_all_for_user(std::int64_t user_id) = 0;
};

class AttemptRepository {
public:
    virtual ~AttemptRepository() = default;
    // Records one attempt of `kind` ("login_account", "login_address", "register_address") for `key`.
    virtual void record(const std::string& kind, const std::string& key, std::int64_t now) = 0;
    // Attempts of `kind` for `key` at or after `since`.
    virtual AttemptStats since(const std::string& kind, const std::string& key, std::int64_t since) = 0;
    // Forgets the attempts of `kind` for `key` (after a successful login).
    virtual void clear(const std::string& kind, const std::string& key) = 0;
    // Deletes every attempt before `before`.
    virtual void prune(std::int64_t before) = 0;
};

class MetaRepository {
public:
    virtual ~MetaRepository() = default;
    // The stored value of `name`; when absent, stores `value_if_absent` first. Atomic.
    virtual std::string get_or_create(const std::string& name, const std::string& value_if_absent) = 0;
};

}  // namespace authgate::store
