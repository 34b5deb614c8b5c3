// recovery_pages.cpp -- the token-link pages: each calls one use case; token pages send no referrer.
#include "web/recovery_pages.h"

#include "auth/account_settings.h"
#include "auth/email_verification.h"
#include "auth/password_reset.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/pages.h"

namespace authgate::web {

namespace {

// The token after `prefix` in the path.
std::string token_in(const RequestContext& context, const std::string& prefix) {
    return context.request.path.size() > prefix.size() ? context.request.path.substr(prefix.size()) : "";
}

http::Response no_referrer(http::Response response) {
    response.add_header("Referrer-Policy", "no-referrer");
    return response;
}

http::Response dead_link(RequestContext& context) {
    Page page("link_invalid.tpl", "Link not valid");
    page.content.set("MESSAGE", text::link_invalid);
    return no_referrer(render_page(context, page, 404));
}

http::Response forgot_page(RequestContext& context, int status, const std::vector<Flash>& messages) {
    Page page("forgot.tpl", "Forgot password");
    return render_page(context, page, status, messages);
}

http::Response reset_page(RequestContext& context, int status, const std::vector<Flash>& messages) {
    Page page("reset.tpl", "Choose a new password");
    page.content.set("ACTION", "/reset/" + token_in(context, "/reset/"));
    return no_referrer(render_page(context, page, status, messages));
}

http::Response retry_later(RequestContext& context, int status, std::int64_t seconds) {
    return render_retry_later(context.services.view, status, static_cast<long>(seconds));
}

}  // namespace

http::Response show_forgot(RequestContext& context) {
    return forgot_page(context, 200, {});
}

http::Response submit_forgot(RequestContext& context) {
    auto result = auth::request_password_reset(context.services.auth, context.request.form_value("email"),
                                               context.presented.client, context.presented.now);
    switch (result.status) {
        case auth::ForgotStatus::throttled: return retry_later(context, 429, result.retry_after);
        case auth::ForgotStatus::unavailable: return forgot_page(context, 503, {{"error", text::mail_unavailable}});
        case auth::ForgotStatus::accepted: break;
    }
    return forgot_page(context, 200, {{"info", text::forgot_sent}});
}

http::Response show_reset(RequestContext& context) {
    if (!auth::reset_token_valid(context.services.auth, token_in(context, "/reset/"), context.presented.now))
        return dead_link(context);
    return reset_page(context, 200, {});
}

http::Response submit_reset(RequestContext& context) {
    const http::Request& request = context.request;
    auth::ResetRequest reset{token_in(context, "/reset/"), request.form_value("password"),
                             request.form_value("password_confirm"), context.presented.client, context.presented.now};
    auto result = auth::reset_password(context.services.auth, reset);
    switch (result.status) {
        case auth::ResetStatus::done:
            if (context.logged_in()) {
                // This browser's session ended with all the others.
                context.visit.cookies = {};
                context.visit.cookies.clear_session = true;
                context.visit.cookies.clear_remember = !context.presented.remember_cookie.empty();
                context.visit.user.reset();
            }
            context.rotate_csrf();
            context.flash("success", text::password_reset_done);
            return no_referrer(http::redirect("/login"));
        case auth::ResetStatus::invalid_token: return dead_link(context);
        case auth::ResetStatus::busy: return retry_later(context, 503, result.retry_after);
        case auth::ResetStatus::invalid: break;
    }
    return reset_page(context, 422, {{"error", text::field_problem(result.problem)}});
}

http::Response show_verify(RequestContext& context) {
    std::string token = token_in(context, "/verify/");
    if (!auth::verification_token_valid(context.services.auth, token, context.presented.now))
        return dead_link(context);
    Page page("verify.tpl", "Confirm your address");
    page.content.set("ACTION", "/verify/" + token);
    return no_referrer(render_page(context, page));
}

http::Response submit_verify(RequestContext& context) {
    auto status = auth::verify_email(context.services.auth, token_in(context, "/verify/"), context.presented.client,
                                     context.presented.now);
    if (status != auth::VerifyStatus::verified) return dead_link(context);
    context.flash("success", text::email_verified);
    return no_referrer(http::redirect(context.logged_in() ? "/dashboard" : "/login"));
}

http::Response submit_verify_resend(RequestContext& context) {
    std::string email = context.request.form_value("email");
    if (email.empty() && context.logged_in()) email = context.visit.user->email;
    auto result = auth::resend_verification(context.services.auth, email, context.presented.client,
                                            context.presented.now);
    switch (result.status) {
        case auth::ResendStatus::throttled: return retry_later(context, 429, result.retry_after);
        case auth::ResendStatus::unavailable: return render_error(context.services.view, 404);
        case auth::ResendStatus::accepted: break;
    }
    context.flash("info", text::resend_sent);
    return http::redirect(context.logged_in() ? "/settings" : "/login");
}

http::Response show_confirm_email(RequestContext& context) {
    std::string token = token_in(context, "/confirm-email/");
    auto pending = auth::email_change_pending(context.services.auth, token, context.presented.now);
    if (!pending) return dead_link(context);
    Page page("confirm_email.tpl", "Confirm your new address");
    page.content.set("ACTION", "/confirm-email/" + token);
    page.content.set("NEW_EMAIL", *pending);
    return no_referrer(render_page(context, page));
}

http::Response submit_confirm_email(RequestContext& context) {
    auto status = auth::confirm_email_change(context.services.auth, token_in(context, "/confirm-email/"),
                                             context.presented.client, context.presented.now);
    switch (status) {
        case auth::EmailChangeStatus::changed:
            context.flash("success", text::email_changed);
            return no_referrer(http::redirect(context.logged_in() ? "/settings" : "/login"));
        case auth::EmailChangeStatus::taken: {
            Page page("link_invalid.tpl", "Address not changed");
            page.content.set("MESSAGE", text::email_change_taken);
            return no_referrer(render_page(context, page, 409));
        }
        case auth::EmailChangeStatus::invalid_token: break;
    }
    return dead_link(context);
}

}  // namespace authgate::web
