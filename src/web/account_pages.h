// account_pages.h -- handlers for registering, logging in and logging out.
#pragma once

#include "http/response.h"
#include "web/request_context.h"

namespace authgate::web {

// GET /register: the form; a signed-in visitor goes to the dashboard.
http::Response show_register(RequestContext& context);
// POST /register: creates the account and sends the visitor to /login, or re-shows the form (422).
http::Response submit_register(RequestContext& context);
// GET /login: the form (keeps ?next=); a freshly signed-in visitor goes to the dashboard.
http::Response show_login(RequestContext& context);
// POST /login: logs in and redirects to a safe ?next= or /dashboard, or re-shows the form (422).
http::Response submit_login(RequestContext& context);
// GET /logout: a page with the log-out button.
http::Response show_logout(RequestContext& context);
// POST /logout: ends the session on the server and redirects to /login.
http::Response submit_logout(RequestContext& context);

}  // namespace authgate::web
