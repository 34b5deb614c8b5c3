// member_pages.h -- the pages behind the login: dashboard, profile, settings; and the access rules.
#pragma once

#include <optional>

#include "http/response.h"
#include "web/request_context.h"

namespace authgate::web {

// Who may reach a page.
enum class Access { anyone, login_required, fresh_login_required };

// nullopt when the visitor may see the page; otherwise the redirect to /login?next=... with
// "Please log in to access this page." (or "Please reauthenticate to access this page." when a
// fresh login is required and the session is not fresh).
std::optional<http::Response> enforce_access(RequestContext& context, Access access);

// GET /: to the dashboard when signed in, else to the login page.
http::Response show_home(RequestContext& context);
// GET /dashboard: greets the user by username and shows the email.
http::Response show_dashboard(RequestContext& context);
// GET /profile: the account's details.
http::Response show_profile(RequestContext& context);
// GET /settings: account settings (needs a fresh login).
http::Response show_settings(RequestContext& context);

}  // namespace authgate::web
