// settings_pages.cpp -- each settings form calls one use case and words its result.
#include "web/settings_pages.h"

#include <cstdint>

#include "auth/account_settings.h"
#include "web/browser_summary.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/time_text.h"

namespace authgate::web {

namespace {

auth::SettingsRequest settings_request(RequestContext& context) {
    auth::SettingsRequest request;
    request.user_id = context.visit.user->id;
    request.session_id = context.visit.session_id.value_or(0);
    request.current_password = context.request.form_value("current_password");
    request.presented = context.presented;
    if (context.visit.cookies.session_token) request.presented.session_token = *context.visit.cookies.session_token;
    if (context.visit.cookies.remember_token) request.presented.remember_cookie = *context.visit.cookies.remember_token;
    return request;
}

http::Response form_page(RequestContext& context, const char* template_name, const char* title, int status,
                         const std::vector<Flash>& messages) {
    Page page(template_name, title);
    page.content.set("EMAIL", context.visit.user->email);
    return render_page(context, page, status, messages);
}

// The answer to a refused settings form, or nullopt when it was done or needs a field message.
std::optional<http::Response> refused(RequestContext& context, const auth::SettingsResult& result,
                                      const char* template_name, const char* title) {
    switch (result.status) {
        case auth::SettingsStatus::throttled:
            return render_retry_later(context.services.view, 429, static_cast<long>(result.retry_after));
        case auth::SettingsStatus::busy:
            return render_retry_later(context.services.view, 503, static_cast<long>(result.retry_after));
        case auth::SettingsStatus::wrong_password:
            return form_page(context, template_name, title, 422, {{"error", text::wrong_password}});
        case auth::SettingsStatus::invalid:
            return form_page(context, template_name, title, 422, {{"error", text::field_problem(result.problem)}});
        case auth::SettingsStatus::unavailable:
            return form_page(context, template_name, title, 503, {{"error", text::mail_unavailable}});
        case auth::SettingsStatus::done: break;
    }
    return std::nullopt;
}

// Sign-in and last-seen times: the day and hour are enough (coarse on purpose).
std::string coarse_time(std::int64_t seconds) {
    return utc_time_text(seconds, TimePrecision::hour);
}

}  // namespace

http::Response show_change_password(RequestContext& context) {
    return form_page(context, "settings_password.tpl", "Change password", 200, {});
}

http::Response submit_change_password(RequestContext& context) {
    auto result = auth::change_password(context.services.auth, settings_request(context),
                                        context.request.form_value("password"),
                                        context.request.form_value("password_confirm"));
    if (auto answer = refused(context, result, "settings_password.tpl", "Change password")) return *answer;
    context.apply(result.cookies);
    context.rotate_csrf();
    context.flash("success", text::password_changed);
    return http::redirect("/settings");
}

http::Response show_change_email(RequestContext& context) {
    return form_page(context, "settings_email.tpl", "Change email", 200, {});
}

http::Response submit_change_email(RequestContext& context) {
    auto result = auth::request_email_change(context.services.auth, settings_request(context),
                                             context.request.form_value("email"));
    if (auto answer = refused(context, result, "settings_email.tpl", "Change email")) return *answer;
    context.flash("info", text::email_change_sent);
    return http::redirect("/settings");
}

http::Response show_sessions(RequestContext& context) {
    Page page("sessions.tpl", "Your sessions");
    auto sessions = auth::list_sessions(context.services.auth, context.visit.user->id,
                                        context.visit.session_id.value_or(0));
    for (const auto& session : sessions) {
        auto& row = page.content.add_section("SESSION");
        row.set("PUBLIC_ID", session.public_id);
        row.set("SIGNED_IN", coarse_time(session.created_at));
        row.set("LAST_SEEN", coarse_time(session.last_seen_at));
        row.set("ADDRESS", session.remote_addr);
        row.set("BROWSER", browser_summary(session.user_agent));
        if (session.current) row.show_section("CURRENT");
        else row.show_section("OTHER");
    }
    if (sessions.size() > 1) page.content.show_section("HAS_OTHERS");
    return render_page(context, page);
}

http::Response submit_revoke_session(RequestContext& context) {
    bool all_others = context.request.form_value("all_others") == "1";
    auto result = auth::revoke_sessions(context.services.auth, context.visit.user->id,
                                        context.visit.session_id.value_or(0), context.request.form_value("session"),
                                        all_others, context.presented.client);
    if (result.ended_current) {
        context.visit.cookies = {};
        context.visit.cookies.clear_session = true;
        context.visit.user.reset();
        context.rotate_csrf();
        context.flash("info", text::logged_out);
        return http::redirect("/login");
    }
    if (!all_others && result.ended == 0) context.flash("error", text::session_not_found);
    else context.flash("success", all_others ? text::sessions_ended : text::session_ended);
    return http::redirect("/settings/sessions");
}

http::Response show_delete_account(RequestContext& context) {
    return form_page(context, "settings_delete.tpl", "Delete account", 200, {});
}

http::Response submit_delete_account(RequestContext& context) {
    auto result = auth::delete_account(context.services.auth, settings_request(context));
    if (auto answer = refused(context, result, "settings_delete.tpl", "Delete account")) return *answer;
    context.apply(result.cookies);
    context.visit.user.reset();
    context.rotate_csrf();
    context.flash("info", text::account_deleted);
    return http::redirect("/login");
}

}  // namespace authgate::web
