// repositories.h -- the storage interfaces the domain uses; every backend (store/sqlite/) implements them.
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
    // True when an account has this email / username, ignoring ASCII case.
    virtual bool email_taken(const std::string& email) = 0;
    virtual bool username_taken(const std::string& username) = 0;
    // Adds an account; the caller has checked email_taken/username_taken in the same transaction.
    // Returns the new id.
    virtual std::int64_t create(const std::string& email, const std::string& username,
                                const std::string& password_hash, std::int64_t now) = 0;
    // Replaces the hash only while it still is `old_hash`; false when it changed meanwhile.
    virtual bool replace_password_hash(std::int64_t user_id, const std::string& old_hash,
                                       const std::string& new_hash) = 0;
    virtual void record_login(std::int64_t user_id, std::int64_t now) = 0;
    // The distinct hash methods (the text before the first '$') of the stored passwords.
    virtual std::vector<std::string> password_methods() = 0;
};

class SessionRepository {
public:
    virtual ~SessionRepository() = default;
    // Inserts a session and returns its id.
    virtual std::int64_t create(const NewSession& session) = 0;
    // The session with this token hash and its user, by one indexed lookup.
    virtual std::optional<SessionWithUser> find_with_user(const std::string& token_hash) = 0;
    virtual void touch(std::int64_t session_id, std::int64_t now) = 0;
    virtual void mark_not_fresh(std::int64_t session_id) = 0;
    virtual void remove(std::int64_t session_id) = 0;
    virtual void remove_by_token_hash(const std::string& token_hash) = 0;
    // Ends every session opened from the remember chain `selector`; returns how many.
    virtual std::int64_t remove_for_chain(const std::string& selector) = 0;
    // Removes sessions idle since before `idle_cutoff` or created before `absolute_cutoff`; returns how many.
    virtual std::int64_t remove_expired(std::int64_t idle_cutoff, std::int64_t absolute_cutoff) = 0;
};

class RememberRepository {
public:
    virtual ~RememberRepository() = default;
    virtual void create(const RememberRecord& record, std::int64_t now) = 0;
    virtual std::optional<RememberRecord> find(const std::string& selector) = 0;
    // Replaces the validator hash only if it is still `old_hash`, keeping the old one as the
    // previous validator with `now` as its rotation time; false when another request rotated first.
    virtual bool rotate(const std::string& selector, const std::string& old_hash, const std::string& new_hash,
                        std::int64_t now) = 0;
    virtual void remove(const std::string& selector) = 0;
    virtual void remove_all_for_user(std::int64_t user_id) = 0;
    // Deletes chains that expired before `now`; returns how many.
    virtual std::int64_t remove_expired(std::int64_t now) = 0;
};

class AttemptRepository {
public:
    virtual ~AttemptRepository() = default;
    // Records one attempt of `kind` ("login_account", "login_address", "register_address") for
    // `key`; returns its id.
    virtual std::int64_t record(const std::string& kind, const std::string& key, std::int64_t now) = 0;
    // Attempts of `kind` for `key` at or after `since`.
    virtual AttemptStats since(const std::string& kind, const std::string& key, std::int64_t since) = 0;
    // Forgets one attempt (a reservation that turned out not to be a failure).
    virtual void remove(std::int64_t attempt_id) = 0;
    // Forgets the attempts of `kind` for `key` (after a successful login).
    virtual void clear(const std::string& kind, const std::string& key) = 0;
    // Deletes every attempt before `before`; returns how many.
    virtual std::int64_t prune(std::int64_t before) = 0;
};

class MetaRepository {
public:
    virtual ~MetaRepository() = default;
    // The stored value of `name`; when absent, stores `value_if_absent` first. Atomic (needs a
    // write transaction).
    virtual std::string get_or_create(const std::string& name, const std::string& value_if_absent) = 0;
    // The stored value of `name`, if any (a read transaction suffices).
    virtual std::optional<std::string> find(const std::string& name) = 0;
};

}  // namespace authgate::store
