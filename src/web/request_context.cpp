// request_context.cpp -- cookies in, session resolution, cookies out.
#include "web/request_context.h"

namespace authgate::web {

namespace {

const char* const session_cookie = "session";
const char* const remember_cookie = "remember_token";
const char* const nonce_cookie = "csrf_nonce";

}  // namespace

RequestContext::RequestContext(const http::Request& request, Services& services)
    : request(request),
      services(services),
      client{request.remote_addr, request.user_agent},
      secure_(request.https || services.cookie_settings.always_secure) {
    visit = services.sessions.resolve(request.cookie(cookie_name(session_cookie)),
                                      request.cookie(cookie_name(remember_cookie)), client, services.now());
    if (visit.remember_event == auth::RememberEvent::theft_detected)
        audit("remember_token_theft", "all_remember_tokens_revoked", "", visit.affected_user_id);
    if (visit.protection_ended_session) audit("session_protection", "session_ended", "", visit.affected_user_id);
    nonce_ = request.cookie(cookie_name(nonce_cookie));
    if (!auth::CsrfGuard::is_well_formed_nonce(nonce_)) {
        nonce_ = auth::CsrfGuard::new_nonce();
        nonce_is_new_ = true;
    }
}

std::string RequestContext::cookie_name(const std::string& base) const {
    return secure_ ? "__Host-" + base : base;
}

const std::string& RequestContext::csrf_token() {
    if (token_.empty()) token_ = services.csrf.token_for(nonce_);
    nonce_needed_ = true;
    return token_;
}

bool RequestContext::csrf_valid() const {
    return !nonce_is_new_ && services.csrf.verify(nonce_, request.form_value("csrf_token"));
}

void RequestContext::rotate_csrf() {
    nonce_ = auth::CsrfGuard::new_nonce();
    nonce_is_new_ = true;
    nonce_needed_ = true;
    token_.clear();
}

void RequestContext::audit(const std::string& event, const std::string& outcome, const std::string& account,
                           std::optional<std::int64_t> user_id) {
    services.audit.record({event, outcome, client.remote_addr, account, user_id});
}

void RequestContext::flash(const std::string& category, const std::string& message) {
    services.sessions.flash(visit, category, message, client, services.now());
}

void RequestContext::finish(http::Response& response) {
    auto cookie = [this](const std::string& base, std::string value, std::optional<long> max_age) {
        http::SetCookie set{cookie_name(base), std::move(value), max_age};
        set.secure = secure_;
        return set;
    };
    if (visit.new_session_token) response.cookies.push_back(cookie(session_cookie, *visit.new_session_token, std::nullopt));
    else if (visit.clear_session_cookie) response.cookies.push_back(cookie(session_cookie, "", 0L));
    if (visit.new_remember_token)
        response.cookies.push_back(cookie(remember_cookie, *visit.new_remember_token,
                                          static_cast<long>(services.session_settings.remember_seconds)));
    else if (visit.clear_remember_cookie)
        response.cookies.push_back(cookie(remember_cookie, "", 0L));
    if (nonce_is_new_ && nonce_needed_) response.cookies.push_back(cookie(nonce_cookie, nonce_, std::nullopt));
    response.personal = true;
}

}  // namespace authgate::web
