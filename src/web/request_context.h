// request_context.h -- one request's visit, CSRF nonce, flash messages and the cookies they need.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "auth/csrf.h"
#include "auth/resolve_visit.h"
#include "auth/services.h"
#include "auth/signed_value.h"
#include "http/request.h"
#include "http/response.h"
#include "web/flash_cookie.h"
#include "web/view.h"

namespace authgate::web {

// Settings of the cookies authgate sets.
struct CookieSettings {
    bool always_secure = false;  // Secure and __Host- even when the request did not come over HTTPS
};

// Everything a handler may use, shared by the handlers of one worker thread.
struct Services {
    View& view;
    auth::AuthServices& auth;
    const auth::CsrfGuard& csrf;
    const auth::ValueSigner& signer;
    const CookieSettings& cookie_settings;
    std::function<std::int64_t()> now;  // unix seconds
    // True when the page at this (decoded) path requires a fresh login (the route table knows).
    std::function<bool(const std::string& path)> needs_fresh_login;
};

// The cookies `request` presented (under their __Host- names when `secure`), its client and now.
auth::Presented presented_by(const http::Request& request, Services& services, bool secure);

class RequestContext {
public:
    // Resolves the session and remember cookies (auth::resolve_visit) and reads (or makes) the
    // CSRF nonce.
    RequestContext(const http::Request& request, Services& services);

    const http::Request& request;
    Services& services;
    auth::Presented presented;  // the cookies this request carried
    auth::Visit visit;

    bool secure_cookies() const { return secure_; }
    bool logged_in() const { return visit.user.has_value(); }
    // The token this visitor's forms carry (its nonce cookie is set with the response if new).
    const std::string& csrf_token();
    // True when the POSTed csrf_token matches this visitor's nonce.
    bool csrf_valid() const;
    // A new nonce (at login and logout), so tokens from before no longer work.
    void rotate_csrf();
    // Queues a flash message for the next page (in a cookie).
    void flash(const std::string& category, const std::string& message);
    // The messages waiting for this page; they are shown once.
    std::vector<Flash> take_flashes();
    // Replaces the visit's cookie changes with those of a login or logout.
    void apply(const auth::CookieChanges& changes) { visit.cookies = changes; }
    // The name of a cookie as sent to this visitor ("__Host-" prefix over HTTPS).
    std::string cookie_name(const std::string& base) const;

    // Adds the Set-Cookie lines for every change the visit, the nonce and the flashes need, and
    // marks the response personal (no caching).
    void finish(http::Response& response);

private:
    bool secure_;
    std::string nonce_;
    bool nonce_is_new_ = false;
    bool nonce_needed_ = false;
    std::string token_;
    std::string flash_cookie_;
    bool flashes_taken_ = false;
    std::vector<Flash> incoming_flashes_;
    std::vector<Flash> outgoing_flashes_;
};

}  // namespace authgate::web
