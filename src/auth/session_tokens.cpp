// session_tokens.cpp -- token checks, new sessions and remember chains.
#include "auth/session_tokens.h"

#include <cctype>

#include "crypto/digest.h"
#include "crypto/random.h"

namespace authgate::auth {

namespace {
const std::size_t token_bytes = 32;     // 256 bits for session tokens and validators
const std::size_t selector_bytes = 12;  // 96 bits: only has to be unique, not secret
}  // namespace

bool looks_like_token(const std::string& value, std::size_t max_length) {
    if (value.empty() || value.size() > max_length) return false;
    for (unsigned char c : value)
        if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
    return true;
}

std::optional<RememberCookie> parse_remember_cookie(const std::string& value) {
    auto colon = value.find(':');
    if (colon == std::string::npos) return std::nullopt;
    RememberCookie cookie{value.substr(0, colon), value.substr(colon + 1)};
    if (!looks_like_token(cookie.selector, 64) || !looks_like_token(cookie.validator, 128)) return std::nullopt;
    return cookie;
}

std::string client_identifier(const ClientInfo& client) {
    return crypto::sha512_hex(client.remote_addr + "|" + client.user_agent);
}

std::int64_t open_session(store::SessionRepository& sessions, std::int64_t user_id, bool fresh,
                          const std::optional<std::string>& remember_selector, const Presented& presented,
                          CookieChanges& cookies) {
    std::string token = crypto::random_token(token_bytes);
    store::NewSession session{crypto::sha256_hex(token),       user_id,
                              fresh,                           client_identifier(presented.client),
                              presented.now,                   presented.client.remote_addr,
                              presented.client.user_agent,     remember_selector};
    std::int64_t id = sessions.create(session);
    cookies.session_token = token;
    cookies.clear_session = false;
    return id;
}

void start_remember_chain(store::RememberRepository& remember, std::int64_t user_id, std::int64_t seconds,
                          std::int64_t now, CookieChanges& cookies) {
    std::string selector = crypto::random_token(selector_bytes);
    std::string validator = crypto::random_token(token_bytes);
    remember.create({selector, crypto::sha256_hex(validator), user_id, now + seconds, std::nullopt, std::nullopt}, now);
    cookies.remember_token = selector + ":" + validator;
    cookies.remember_max_age = seconds;
    cookies.clear_remember = false;
}

void retire_presented_chain(store::Repositories& repositories, const std::string& remember_cookie) {
    auto cookie = parse_remember_cookie(remember_cookie);
    if (!cookie) return;
    auto record = repositories.remember.find(cookie->selector);
    if (!record) return;
    std::string hash = crypto::sha256_hex(cookie->validator);
    bool current = crypto::constant_time_equal(hash, record->validator_hash);
    bool previous = record->previous_validator_hash &&
                    crypto::constant_time_equal(hash, *record->previous_validator_hash);
    if (!current && !previous) return;
    repositories.remember.remove(cookie->selector);
    repositories.sessions.remove_for_chain(cookie->selector);
}

}  // namespace authgate::auth
