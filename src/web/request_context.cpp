// request_context.cpp -- cookies in, visit resolution, cookies out.
#include "web/request_context.h"

namespace authgate::web {

namespace {

const char* const session_cookie = "session";
const char* const remember_cookie = "remember_token";
const char* const nonce_cookie = "csrf_nonce";
const char* const flash_cookie = "flash";

std::string name_of(const std::string& base, bool secure) {
    return secure ? "__Host-" + base : base;
}

}  // namespace

auth::Presented presented_by(const http::Request& request, Services& services, bool secure) {
    auth::Presented presented;
    presented.session_token = request.cookie(name_of(session_cookie, secure));
    presented.remember_cookie = request.cookie(name_of(remember_cookie, secure));
    presented.client = {request.remote_addr, request.user_agent};
    presented.now = services.now();
    return presented;
}

RequestContext::RequestContext(const http::Request& request, Services& services)
    : request(request), services(services), secure_(request.https || services.cookie_settings.always_secure) {
    presented = presented_by(request, services, secure_);
    visit = auth::resolve_visit(services.auth, presented);
    nonce_ = request.cookie(cookie_name(nonce_cookie));
    if (!auth::CsrfGuard::is_well_formed_nonce(nonce_)) {
        nonce_ = auth::CsrfGuard::new_nonce();
        nonce_is_new_ = true;
    }
    flash_cookie_ = request.cookie(cookie_name(flash_cookie));
}

std::string RequestContext::cookie_name(const std::string& base) const {
    return name_of(base, secure_);
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

void RequestContext::flash(const std::string& category, const std::string& message) {
    outgoing_flashes_.push_back({category, message});
}

std::vector<Flash> RequestContext::take_flashes() {
    if (flashes_taken_) return {};
    flashes_taken_ = true;
    if (flash_cookie_.empty()) return {};
    return decode_flashes(services.signer, flash_cookie_);
}

void RequestContext::finish(http::Response& response) {
    auto cookie = [this](const std::string& base, std::string value, std::optional<long> max_age) {
        http::SetCookie set{cookie_name(base), std::move(value), max_age};
        set.secure = secure_;
        return set;
    };
    const auth::CookieChanges& changes = visit.cookies;
    if (changes.session_token)
        response.cookies.push_back(cookie(session_cookie, *changes.session_token, std::nullopt));
    else if (changes.clear_session)
        response.cookies.push_back(cookie(session_cookie, "", 0L));
    if (changes.remember_token)
        response.cookies.push_back(
            cookie(remember_cookie, *changes.remember_token, static_cast<long>(changes.remember_max_age)));
    else if (changes.clear_remember)
        response.cookies.push_back(cookie(remember_cookie, "", 0L));
    if (nonce_is_new_ && nonce_needed_) response.cookies.push_back(cookie(nonce_cookie, nonce_, std::nullopt));
    if (!outgoing_flashes_.empty()) {
        // Messages not shown yet (this answer is a redirect) travel on with the new ones.
        std::vector<Flash> flashes = flashes_taken_ ? std::vector<Flash>{} : decode_flashes(services.signer, flash_cookie_);
        flashes.insert(flashes.end(), outgoing_flashes_.begin(), outgoing_flashes_.end());
        response.cookies.push_back(cookie(flash_cookie, encode_flashes(services.signer, flashes), std::nullopt));
    } else if (flashes_taken_ && !flash_cookie_.empty()) {
        response.cookies.push_back(cookie(flash_cookie, "", 0L));
    }
    response.personal = true;
}

}  // namespace authgate::web
