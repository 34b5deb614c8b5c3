// application.cpp -- the route table and dispatch for one worker thread.
#include "app/application.h"

#include <iostream>

#include "store/unix_time.h"
#include "web/account_pages.h"
#include "web/gate.h"
#include "web/member_pages.h"
#include "web/pages.h"
#include "web/recovery_pages.h"
#include "web/settings_pages.h"

namespace authgate::app {

namespace {

const std::string static_prefix = "/static/";

// The route table: method, path, handler, who may see it.
std::vector<Route> make_routes() {
    return {
        {"GET", "/", web::show_home, Access::anyone},
        {"GET", "/register", web::show_register, Access::anyone},
        {"POST", "/register", web::submit_register, Access::anyone},
        {"GET", "/login", web::show_login, Access::anyone},
        {"POST", "/login", web::submit_login, Access::anyone},
        {"GET", "/logout", web::show_logout, Access::anyone},
        {"POST", "/logout", web::submit_logout, Access::anyone},
        {"GET", "/dashboard", web::show_dashboard, Access::login_required},
        {"GET", "/profile", web::show_profile, Access::login_required},
        {"GET", "/settings", web::show_settings, Access::fresh_login_required},
        {"GET", "/settings/password", web::show_change_password, Access::fresh_login_required},
        {"POST", "/settings/password", web::submit_change_password, Access::fresh_login_required},
        {"GET", "/settings/email", web::show_change_email, Access::fresh_login_required},
        {"POST", "/settings/email", web::submit_change_email, Access::fresh_login_required},
        {"GET", "/settings/sessions", web::show_sessions, Access::fresh_login_required},
        {"POST", "/settings/sessions/revoke", web::submit_revoke_session, Access::fresh_login_required},
        {"GET", "/settings/delete", web::show_delete_account, Access::fresh_login_required},
        {"POST", "/settings/delete", web::submit_delete_account, Access::fresh_login_required},
        {"GET", "/forgot", web::show_forgot, Access::anyone},
        {"POST", "/forgot", web::submit_forgot, Access::anyone},
        {"GET", "/reset/", web::show_reset, Access::anyone},
        {"POST", "/reset/", web::submit_reset, Access::anyone},
        {"POST", "/verify/resend", web::submit_verify_resend, Access::anyone},
        {"GET", "/verify/", web::show_verify, Access::anyone},
        {"POST", "/verify/", web::submit_verify, Access::anyone},
        {"GET", "/confirm-email/", web::show_confirm_email, Access::anyone},
        {"POST", "/confirm-email/", web::submit_confirm_email, Access::anyone},
        {"GET", "/auth", nullptr, Access::anyone, web::check_gate},
    };
}

}  // namespace

Application::Application(SharedState& shared)
    : shared_(shared),
      store_(shared.first_store ? std::move(shared.first_store)
                                : store::open_store(shared.config.database, shared.config.database_password)),
      auth_{*store_, shared.passwords, shared.audit, shared.config.auth, &shared.mailer},
      services_{shared.view, auth_, shared.csrf, shared.signer, shared.cookie_settings, store::unix_now,
                [this](const std::string& path) { return needs_fresh_login(path); }},
      static_files_(shared.config.static_dir),
      routes_(make_routes()) {}

http::Response Application::handle(const http::Request& request) {
    try {
        return dispatch(request);
    } catch (const store::StoreError& failure) {
        if (!failure.may_retry()) throw;
        // The database server is down or restarting (the next request connects again by itself),
        // or another writer held the database past the busy timeout: nothing was committed, so a
        // quick 503 the client may retry.
        std::cerr << "authgate: database unavailable, answered 503: " << failure.what() << std::endl;
        return web::render_retry_later(shared_.view, 503, database_retry_seconds);
    }
}

http::Response Application::dispatch(const http::Request& request) {
    // Apache's mod_authnz_fcgi asks about the client's own request, whatever its path.
    if (request.authorizer) return web::check_authorizer(request, services_);
    if (request.path.compare(0, static_prefix.size(), static_prefix) == 0 &&
        (request.method == "GET" || request.method == "HEAD")) {
        auto file = static_files_.serve(request.path.substr(static_prefix.size()));
        return file ? *file : web::render_error(shared_.view, 404);
    }
    RouteMatch match = match_route(routes_, request.method, request.path);
    if (!match.path_known) return web::render_error(shared_.view, 404);
    if (!match.route) {
        http::Response response = web::render_error(shared_.view, 405);
        response.add_header("Allow", match.allowed);
        return response;
    }
    if (match.route->bare_handler) return match.route->bare_handler(request, services_);
    web::RequestContext context(request, services_);
    http::Response response;
    if (request.method == "POST" && !context.csrf_valid()) {
        response = web::render_error(shared_.view, 403);
    } else if (auto refusal = web::enforce_access(context, match.route->access)) {
        response = *refusal;
    } else {
        response = match.route->handler(context);
    }
    context.finish(response);
    return response;
}

bool Application::needs_fresh_login(const std::string& path) const {
    RouteMatch match = match_route(routes_, "GET", path);
    return match.route && match.route->access == Access::fresh_login_required;
}

http::Response Application::error_page(int status, const std::string&) noexcept {
    return web::render_error(shared_.view, status);
}

}  // namespace authgate::app
