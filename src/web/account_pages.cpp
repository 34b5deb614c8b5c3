// account_pages.cpp -- register, login and logout pages: each calls one use case and words its result.
#include "web/account_pages.h"

#include "auth/login.h"
#include "auth/logout.h"
#include "auth/register.h"
#include "http/url.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/pages.h"

namespace authgate::web {

namespace {

// The `next` target from the query string when it is a safe local path, else "".
std::string safe_next(const http::Request& request) {
    std::string next = request.query_value("next");
    return http::is_safe_local_path(next) ? next : "";
}

http::Response register_page(RequestContext& context, int status, const std::vector<Flash>& messages) {
    Page page("register.tpl", "Register");
    page.content.set("EMAIL", context.request.form_value("email"));
    page.content.set("USERNAME", context.request.form_value("username"));
    return render_page(context, page, status, messages);
}

http::Response login_page(RequestContext& context, int status, const std::vector<Flash>& messages,
                          bool offer_resend = false) {
    Page page("login.tpl", "Log in");
    if (offer_resend) {
        page.content.show_section("RESEND");
        page.content.set("EMAIL", context.request.form_value("email"));
    }
    std::string next = safe_next(context.request);
    page.content.set("ACTION", next.empty() ? "/login" : "/login?next=" + http::percent_encode(next));
    return render_page(context, page, status, messages);
}

}  // namespace

http::Response show_register(RequestContext& context) {
    if (context.logged_in()) return http::redirect("/dashboard");
    return register_page(context, 200, {});
}

http::Response submit_register(RequestContext& context) {
    const http::Request& request = context.request;
    auth::RegisterRequest form{request.form_value("email"), request.form_value("username"),
                               request.form_value("password"), request.form_value("password_confirm"),
                               context.presented.client, context.presented.now};
    auth::RegisterResult result = auth::register_account(context.services.auth, form);
    switch (result.status) {
        case auth::RegisterStatus::created:
            context.flash("success", text::registered);
            return http::redirect("/login");
        case auth::RegisterStatus::pending_verification:
            context.flash("success", text::check_email_registered);
            return http::redirect("/login");
        case auth::RegisterStatus::throttled:
            return render_retry_later(context.services.view, 429, static_cast<long>(result.retry_after));
        case auth::RegisterStatus::busy:
            return render_retry_later(context.services.view, 503, static_cast<long>(result.retry_after));
        case auth::RegisterStatus::duplicate_email:
            return register_page(context, 422, {{"error", text::email_taken}});
        case auth::RegisterStatus::duplicate_username:
            return register_page(context, 422, {{"error", text::username_taken}});
        case auth::RegisterStatus::invalid:
            break;
    }
    return register_page(context, 422, {{"error", text::field_problem(result.problem)}});
}

// True when `next` (a safe local path) leads to a page that asks for a fresh login: one of
// authgate's own (the route table says so) or a gated location with require=fresh (the gate's
// redirect carries fresh=1).
bool next_needs_fresh_login(RequestContext& context, const std::string& next) {
    if (context.request.query_value("fresh") == "1") return true;
    auto path = http::percent_decode(next.substr(0, next.find('?')));
    return !path || (context.services.needs_fresh_login && context.services.needs_fresh_login(*path));
}

http::Response show_login(RequestContext& context) {
    if (context.logged_in() && context.visit.fresh) return http::redirect("/dashboard");
    // A visitor sent here by the gate who holds only a remember cookie: this request has just
    // restored their session, so they go straight back, unless the target wants a password.
    std::string next = safe_next(context.request);
    if (context.logged_in() && context.visit.restored && !next.empty() && !next_needs_fresh_login(context, next))
        return http::redirect(next);
    return login_page(context, 200, {});
}

http::Response submit_login(RequestContext& context) {
    const http::Request& request = context.request;
    auth::LoginRequest login{request.form_value("email"), request.form_value("password"),
                             !request.form_value("remember").empty(), context.presented};
    // The visit resolved for this request may have opened a session from the remember cookie;
    // the login replaces it.
    if (context.visit.cookies.session_token) login.presented.session_token = *context.visit.cookies.session_token;
    if (context.visit.cookies.remember_token) login.presented.remember_cookie = *context.visit.cookies.remember_token;
    auth::LoginResult result = auth::log_in(context.services.auth, login);
    switch (result.status) {
        case auth::LoginStatus::ok: {
            context.apply(result.cookies);
            context.visit.user = result.user;
            context.rotate_csrf();
            std::string next = safe_next(request);
            return http::redirect(next.empty() ? "/dashboard" : next);
        }
        case auth::LoginStatus::throttled:
            return render_retry_later(context.services.view, 429, static_cast<long>(result.retry_after));
        case auth::LoginStatus::busy:
            return render_retry_later(context.services.view, 503, static_cast<long>(result.retry_after));
        case auth::LoginStatus::unverified:
            return login_page(context, 403, {{"error", text::unverified_login}}, true);
        case auth::LoginStatus::bad_credentials:
        case auth::LoginStatus::inactive:
            break;
    }
    return login_page(context, 422, {{"error", text::invalid_login}});
}

http::Response show_logout(RequestContext& context) {
    Page page("logout.tpl", "Log out");
    return render_page(context, page);
}

http::Response submit_logout(RequestContext& context) {
    auth::Presented presented = context.presented;
    if (context.visit.cookies.session_token) presented.session_token = *context.visit.cookies.session_token;
    if (context.visit.cookies.remember_token) presented.remember_cookie = *context.visit.cookies.remember_token;
    auth::LogoutResult result = auth::log_out(context.services.auth, presented);
    context.apply(result.cookies);
    context.visit.user.reset();
    context.rotate_csrf();
    context.flash("info", text::logged_out);
    return http::redirect("/login");
}

}  // namespace authgate::web
