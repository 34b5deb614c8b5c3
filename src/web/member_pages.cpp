// member_pages.cpp -- protected pages and the login-required redirect.
#include "web/member_pages.h"

#include <cstdint>
#include <optional>

#include "http/url.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/time_text.h"

namespace authgate::web {

namespace {

std::string format_time(const std::optional<std::int64_t>& seconds) {
    return seconds ? utc_time_text(*seconds, TimePrecision::minute) : "unknown";
}

http::Response account_page(RequestContext& context, const char* template_name, const char* title) {
    Page page(template_name, title);
    const auth::UserView& user = *context.visit.user;
    page.content.set("USERNAME", user.username);
    page.content.set("EMAIL", user.email);
    page.content.set("CREATED_AT", format_time(user.created_at));
    page.content.set("LAST_LOGIN_AT", format_time(user.last_login_at));
    return render_page(context, page);
}

}  // namespace

std::optional<http::Response> enforce_access(RequestContext& context, Access access) {
    if (access == Access::anyone) return std::nullopt;
    std::string next = "/login?next=" + http::percent_encode(context.request.raw_target);
    if (!context.logged_in()) {
        context.flash("info", text::login_required);
        return http::redirect(next);
    }
    if (access == Access::fresh_login_required && !context.visit.fresh) {
        context.flash("info", text::reauthenticate);
        return http::redirect(next);
    }
    return std::nullopt;
}

http::Response show_home(RequestContext& context) {
    return http::redirect(context.logged_in() ? "/dashboard" : "/login");
}

http::Response show_dashboard(RequestContext& context) {
    return account_page(context, "dashboard.tpl", "Dashboard");
}

http::Response show_profile(RequestContext& context) {
    return account_page(context, "profile.tpl", "Profile");
}

http::Response show_settings(RequestContext& context) {
    return account_page(context, "settings.tpl", "Settings");
}

}  // namespace authgate::web
