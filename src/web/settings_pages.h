// settings_pages.h -- handlers of the account settings: password, email, sessions, delete.
#pragma once

#include "http/response.h"
#include "web/request_context.h"

namespace authgate::web {

// GET/POST /settings/password (current_password, password, password_confirm).
http::Response show_change_password(RequestContext& context);
http::Response submit_change_password(RequestContext& context);
// GET/POST /settings/email (current_password, email).
http::Response show_change_email(RequestContext& context);
http::Response submit_change_email(RequestContext& context);
// GET /settings/sessions: the user's own sessions.
http::Response show_sessions(RequestContext& context);
// POST /settings/sessions/revoke (session = public id, or all_others=1).
http::Response submit_revoke_session(RequestContext& context);
// GET/POST /settings/delete (current_password).
http::Response show_delete_account(RequestContext& context);
http::Response submit_delete_account(RequestContext& context);

}  // namespace authgate::web
