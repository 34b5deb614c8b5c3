// account_pages.cpp -- register, login and logout pages.
#include "web/account_pages.h"

#include <cstring>  // ctemplate's str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>

#include "http/url.h"
#include "web/page_renderer.h"
#include "web/pages.h"

namespace authgate::web {

namespace {

const char* const invalid_login = "Invalid email or password";

// The `next` target from the query string when it is a safe local path, else "".
std::string safe_next(const http::Request& request) {
    std::string next = request.query_value("next");
    return http::is_safe_local_path(next) ? next : "";
}

http::Response register_page(RequestContext& context, int status, const std::vector<store::FlashRecord>& messages) {
    PageData page("register.tpl", "Register");
    page.content().SetValue("EMAIL", context.request.form_value("email"));
    page.content().SetValue("USERNAME", context.request.form_value("username"));
    return render_page(context, page, status, messages);
}

http::Response login_page(RequestContext& context, int status, const std::vector<store::FlashRecord>& messages) {
    PageData page("login.tpl", "Log in");
    std::string next = safe_next(context.request);
    page.content().SetValue("ACTION", next.empty() ? "/login" : "/login?next=" + http::percent_encode(next));
    return render_page(context, page, status, messages);
}

const char* register_outcome(auth::RegisterStatus status) {
    switch (status) {
        case auth::RegisterStatus::created: return "created";
        case auth::RegisterStatus::duplicate_email: return "duplicate_email";
        case auth::RegisterStatus::duplicate_username: return "duplicate_username";
        case auth::RegisterStatus::invalid: break;
    }
    return "invalid";
}

// The 429 page with Retry-After.
http::Response too_many_attempts(RequestContext& context, std::int64_t wait_seconds) {
    http::Response response = render_error(context.services.view, 429);
    response.add_header("Retry-After", std::to_string(wait_seconds));
    return response;
}

}  // namespace

http::Response show_register(RequestContext& context) {
    if (context.logged_in()) return http::redirect("/dashboard");
    return register_page(context, 200, {});
}

http::Response submit_register(RequestContext& context) {
    const http::Request& request = context.request;
    auto& throttle = context.services.throttle;
    if (auto wait = throttle.registration_wait(context.client.remote_addr, context.services.now())) {
        context.audit("registration", "throttled", request.form_value("email"));
        return too_many_attempts(context, *wait);
    }
    throttle.record_registration(context.client.remote_addr, context.services.now());
    auth::RegistrationForm form{request.form_value("email"), request.form_value("username"),
                                request.form_value("password"), request.form_value("password_confirm")};
    auth::RegisterResult result = context.services.accounts.register_account(form, context.services.now());
    context.audit("registration", register_outcome(result.status), form.email,
                  result.user_id ? std::optional<std::int64_t>(result.user_id) : std::nullopt);
    if (result.status != auth::RegisterStatus::created)
        return register_page(context, 422, {{"error", result.message}});
    context.flash("success", result.message);
    return http::redirect("/login");
}

http::Response show_login(RequestContext& context) {
    if (context.logged_in() && context.visit.fresh) return http::redirect("/dashboard");
    return login_page(context, 200, {});
}

http::Response submit_login(RequestContext& context) {
    const http::Request& request = context.request;
    const std::string email = request.form_value("email");
    const bool remember = !request.form_value("remember").empty();
    auto& throttle = context.services.throttle;
    if (auto wait = throttle.login_wait(email, context.client.remote_addr, context.services.now())) {
        context.audit("login_throttled", "retry_after_" + std::to_string(*wait), email);
        return too_many_attempts(context, *wait);
    }
    auto outcome = context.services.accounts.authenticate(email, request.form_value("password"), context.services.now());
    if (outcome.result != auth::LoginResult::ok) {
        throttle.record_login_failure(email, context.client.remote_addr, context.services.now());
        context.audit("login_failure", outcome.result == auth::LoginResult::inactive ? "inactive" : "bad_credentials",
                      email);
        return login_page(context, 422, {{"error", invalid_login}});
    }
    throttle.record_login_success(email);
    context.audit("login_success", remember ? "remember_me" : "session", email, outcome.user->id);
    context.services.sessions.login(context.visit, *outcome.user, remember, context.client, context.services.now());
    context.rotate_csrf();
    std::string next = safe_next(request);
    return http::redirect(next.empty() ? "/dashboard" : next);
}

http::Response show_logout(RequestContext& context) {
    PageData page("logout.tpl", "Log out");
    return render_page(context, page);
}

http::Response submit_logout(RequestContext& context) {
    if (context.logged_in()) context.audit("logout", "session_ended", context.visit.user->email, context.visit.user->id);
    context.services.sessions.logout(context.visit, context.request.cookie(context.cookie_name("remember_token")));
    context.rotate_csrf();
    context.flash("info", "You have been logged out.");
    return http::redirect("/login");
}

}  // namespace authgate::web
