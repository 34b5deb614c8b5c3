// request_context.h -- one request's session state, CSRF nonce and the services handlers use.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "auth/account_service.h"
#include "auth/audit.h"
#include "auth/csrf.h"
#include "auth/session_service.h"
#include "auth/session_settings.h"
#include "auth/throttle.h"
#include "http/request.h"
#include "http/response.h"
#include "web/view.h"

namespace authgate::web {

// Settings of the cookies authgate sets.
struct CookieSettings {
    bool always_secure = false;  // Secure and __Host- even when the request did not come over HTTPS
};

// Everything a handler may use, shared by the handlers of one worker thread.
struct Services {
    View& view;
    auth::AccountService& accounts;
    auth::SessionService& sessions;
    auth::Throttle& throttle;
    auth::AuditSink& audit;
    const auth::CsrfGuard& csrf;
    const auth::SessionSettings& session_settings;
    const CookieSettings& cookie_settings;
    std::function<std::int64_t()> now;  // unix seconds
};

class RequestContext {
public:
    // Resolves the session and remember cookies and reads (or makes) the CSRF nonce.
    RequestContext(const http::Request& request, Services& services);

    const http::Request& request;
    Services& services;
    auth::Visit visit;
    auth::ClientInfo client;

    bool secure_cookies() const { return secure_; }
    bool logged_in() const { return visit.user.has_value(); }
    // The token this visitor's forms carry (its nonce cookie is set with the response if new).
    const std::string& csrf_token();
    // True when the POSTed csrf_token matches this visitor's nonce.
    bool csrf_valid() const;
    // A new nonce (at login and logout), so tokens from before no longer work.
    void rotate_csrf();
    // Queues a flash message for the next page.
    void flash(const std::string& category, const std::string& message);
    // Records a security event for this request's client.
    void audit(const std::string& event, const std::string& outcome, const std::string& account,
               std::optional<std::int64_t> user_id = std::nullopt);
    // The name of a cookie as sent to this visitor ("__Host-" prefix over HTTPS).
    std::string cookie_name(const std::string& base) const;

    // Adds the Set-Cookie lines for every change the visit and the nonce need, and marks the
    // response personal (no caching).
    void finish(http::Response& response);

private:
    bool secure_;
    std::string nonce_;
    bool nonce_is_new_ = false;
    bool nonce_needed_ = false;
    std::string token_;
};

}  // namespace authgate::web
