// member_pages.cpp -- protected pages and the login-required redirect.
#include "web/member_pages.h"

#include <cstring>  // ctemplate's str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>
#include <ctime>

#include "http/url.h"
#include "web/page_renderer.h"

namespace authgate::web {

namespace {

std::string format_time(const std::optional<std::int64_t>& seconds) {
    if (!seconds) return "unknown";
    std::time_t time = static_cast<std::time_t>(*seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &utc);
    return buffer;
}

void fill_account(PageData& page, const store::UserRecord& user) {
    page.content().SetValue("USERNAME", user.username);
    page.content().SetValue("EMAIL", user.email);
    page.content().SetValue("CREATED_AT", format_time(user.created_at));
    page.content().SetValue("LAST_LOGIN_AT", format_time(user.last_login_at));
}

}  // namespace

std::optional<http::Response> enforce_access(RequestContext& context, Access access) {
    if (access == Access::anyone) return std::nullopt;
    std::string next = "/login?next=" + http::percent_encode(context.request.raw_target);
    if (!context.logged_in()) {
        context.flash("info", "Please log in to access this page.");
        return http::redirect(next);
    }
    if (access == Access::fresh_login_required && !context.visit.fresh) {
        context.flash("info", "Please reauthenticate to access this page.");
        return http::redirect(next);
    }
    return std::nullopt;
}

http::Response show_home(RequestContext& context) {
    return http::redirect(context.logged_in() ? "/dashboard" : "/login");
}

http::Response show_dashboard(RequestContext& context) {
    PageData page("dashboard.tpl", "Dashboard");
    fill_account(page, *context.visit.user);
    return render_page(context, page);
}

http::Response show_profile(RequestContext& context) {
    PageData page("profile.tpl", "Profile");
    fill_account(page, *context.visit.user);
    return render_page(context, page);
}

http::Response show_settings(RequestContext& context) {
    PageData page("settings.tpl", "Settings");
    fill_account(page, *context.visit.user);
    return render_page(context, page);
}

}  // namespace authgate::web
