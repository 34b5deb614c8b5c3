// session_service.cpp -- session lookup, login/logout, remember-token rotation and theft detection.
#include "auth/session_service.h"

#include "crypto/digest.h"
#include "crypto/random.h"

namespace authgate::auth {

namespace {

const std::size_t token_bytes = 32;     // 256 bits for session tokens and validators
const std::size_t selector_bytes = 12;  // 96 bits: only has to be unique, not secret

// A cookie value must look like a token before we spend a query on it.
bool looks_like_token(const std::string& value, std::size_t max_length) {
    if (value.empty() || value.size() > max_length) return false;
    for (unsigned char c : value)
        if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
    return true;
}

}  // namespace

std::string SessionService::client_identifier(const ClientInfo& client) {
    return crypto::sha512_hex(client.remote_addr + "|" + client.user_agent);
}

Visit SessionService::resolve(const std::string& session_cookie, const std::string& remember_cookie,
                              const ClientInfo& client, std::int64_t now) {
    Visit visit;
    if (!session_cookie.empty()) resolve_session(visit, session_cookie, client, now);
    if (!visit.user && !remember_cookie.empty() && !visit.protection_ended_session)
        resolve_remember(visit, remember_cookie, client, now);
    return visit;
}

void SessionService::resolve_session(Visit& visit, const std::string& session_cookie, const ClientInfo& client,
                                     std::int64_t now) {
    if (!looks_like_token(session_cookie, 128)) {
        visit.clear_session_cookie = true;
        return;
    }
    auto session = sessions_.find_by_token_hash(crypto::sha256_hex(session_cookie));
    if (!session || now - session->last_seen_at > settings_.idle_seconds ||
        now - session->created_at > settings_.absolute_seconds) {
        if (session) sessions_.remove(session->id);
        visit.clear_session_cookie = true;
        return;
    }
    std::optional<store::UserRecord> user;
    if (session->user_id) {
        user = users_.find_by_id(*session->user_id);
        if (!user || !user->active) {
            sessions_.remove(session->id);
            visit.clear_session_cookie = true;
            return;
        }
        if (settings_.protection != SessionProtection::off && session->identifier != client_identifier(client)) {
            if (settings_.protection == SessionProtection::strong) {
                sessions_.remove(session->id);
                remember_.remove_all_for_user(user->id);
                visit.clear_session_cookie = true;
                visit.clear_remember_cookie = true;
                visit.protection_ended_session = true;
                visit.affected_user_id = user->id;
                return;
            }
            if (session->fresh) sessions_.mark_not_fresh(session->id);
            session->fresh = false;
        }
    }
    visit.session_id = session->id;
    visit.user = user;
    visit.fresh = session->fresh;
    visit.has_flashes = session->has_flashes;
    if (now - session->last_seen_at >= settings_.touch_interval_seconds) sessions_.touch(session->id, now);
}

void SessionService::resolve_remember(Visit& visit, const std::string& remember_cookie, const ClientInfo& client,
                                      std::int64_t now) {
    auto colon = remember_cookie.find(':');
    std::string selector = remember_cookie.substr(0, colon);
    std::string validator = colon == std::string::npos ? "" : remember_cookie.substr(colon + 1);
    visit.clear_remember_cookie = true;
    if (!looks_like_token(selector, 64) || !looks_like_token(validator, 128)) {
        visit.remember_event = RememberEvent::expired_or_unknown;
        return;
    }
    auto record = remember_.find(selector);
    if (!record) {
        visit.remember_event = RememberEvent::expired_or_unknown;
        return;
    }
    if (!crypto::constant_time_equal(crypto::sha256_hex(validator), record->validator_hash)) {
        // The selector is right but the validator is not: someone holds an old copy of the cookie.
        remember_.remove_all_for_user(record->user_id);
        visit.remember_event = RememberEvent::theft_detected;
        visit.affected_user_id = record->user_id;
        return;
    }
    auto user = users_.find_by_id(record->user_id);
    if (record->expires_at <= now || !user || !user->active) {
        remember_.remove(selector);
        visit.remember_event = RememberEvent::expired_or_unknown;
        return;
    }
    std::string new_validator = crypto::random_token(token_bytes);
    if (!remember_.rotate(selector, record->validator_hash, crypto::sha256_hex(new_validator),
                          now + settings_.remember_seconds)) {
        // Another request rotated it a moment ago; this one stays anonymous but keeps the cookie.
        visit.clear_remember_cookie = false;
        return;
    }
    if (visit.session_id) sessions_.remove(*visit.session_id);
    open_session(visit, user, false, client, now);
    visit.new_remember_token = selector + ":" + new_validator;
    visit.clear_remember_cookie = false;
    visit.remember_event = RememberEvent::used;
}

void SessionService::open_session(Visit& visit, const std::optional<store::UserRecord>& user, bool fresh,
                                  const ClientInfo& client, std::int64_t now) {
    std::string token = crypto::random_token(token_bytes);
    store::NewSession session{crypto::sha256_hex(token),
                              user ? std::optional<std::int64_t>(user->id) : std::nullopt,
                              fresh,
                              client_identifier(client),
                              now,
                              client.remote_addr,
                              client.user_agent};
    visit.session_id = sessions_.create(session);
    visit.user = user;
    visit.fresh = fresh;
    visit.new_session_token = token;
    visit.clear_session_cookie = false;
    visit.has_flashes = false;
}

void SessionService::issue_remember_token(Visit& visit, std::int64_t user_id, std::int64_t now) {
    std::string selector = crypto::random_token(selector_bytes);
    std::string validator = crypto::random_token(token_bytes);
    remember_.create({selector, crypto::sha256_hex(validator), user_id, now + settings_.remember_seconds}, now);
    visit.new_remember_token = selector + ":" + validator;
    visit.clear_remember_cookie = false;
}

void SessionService::login(Visit& visit, const store::UserRecord& user, bool remember, const ClientInfo& client,
                           std::int64_t now) {
    if (visit.session_id) sessions_.remove(*visit.session_id);
    sessions_.remove_expired(now - settings_.idle_seconds, now - settings_.absolute_seconds);
    open_session(visit, user, true, client, now);
    if (remember) issue_remember_token(visit, user.id, now);
}

void SessionService::logout(Visit& visit, const std::string& remember_cookie) {
    if (visit.session_id) sessions_.remove(*visit.session_id);
    auto colon = remember_cookie.find(':');
    std::string selector = remember_cookie.substr(0, colon);
    if (looks_like_token(selector, 64)) remember_.remove(selector);
    visit = Visit{};
    visit.clear_session_cookie = true;
    visit.clear_remember_cookie = !remember_cookie.empty();
}

void SessionService::flash(Visit& visit, const std::string& category, const std::string& message,
                           const ClientInfo& client, std::int64_t now) {
    if (!visit.session_id) open_session(visit, visit.user, visit.fresh, client, now);
    sessions_.add_flash(*visit.session_id, {category, message});
    visit.has_flashes = true;
}

std::vector<store::FlashRecord> SessionService::take_flashes(Visit& visit) {
    if (!visit.session_id || !visit.has_flashes) return {};
    visit.has_flashes = false;
    return sessions_.take_flashes(*visit.session_id);
}

}  // namespace authgate::auth
