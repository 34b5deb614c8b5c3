// session_tokens.h -- the steps shared by the session use cases: token checks, new sessions, remember chains.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/services.h"
#include "store/repositories.h"

namespace authgate::auth {

// True when `value` is 1..max_length characters of base64url: worth a query.
bool looks_like_token(const std::string& value, std::size_t max_length);

struct RememberCookie {
    std::string selector;
    std::string validator;
};

// The parts of a "selector:validator" cookie, nullopt when it is not one.
std::optional<RememberCookie> parse_remember_cookie(const std::string& value);

// The session-protection identifier: SHA-512 of "address|user agent".
std::string client_identifier(const ClientInfo& client);

// Opens a session for `user_id` and puts its new token into `cookies`; returns the session id.
std::int64_t open_session(store::SessionRepository& sessions, std::int64_t user_id, bool fresh,
                          const std::optional<std::string>& remember_selector, const Presented& presented,
                          CookieChanges& cookies);

// Starts a remember chain of `seconds` for `user_id` and puts its cookie into `cookies`.
void start_remember_chain(store::RememberRepository& remember, std::int64_t user_id, std::int64_t seconds,
                          std::int64_t now, CookieChanges& cookies);

// Ends the chain the browser presented, if its validator is the current or the previous one (a
// guessed selector alone ends nothing), with every session opened from it.
void retire_presented_chain(store::Repositories& repositories, const std::string& remember_cookie);

}  // namespace authgate::auth
