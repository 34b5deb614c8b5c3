// recovery_pages.h -- handlers of the mailed links: forgot/reset password, verify address, confirm a new address.
#pragma once

#include "http/response.h"
#include "web/request_context.h"

namespace authgate::web {

// GET /forgot: the form (field email).
http::Response show_forgot(RequestContext& context);
// POST /forgot: the same page whether or not an account has the address.
http::Response submit_forgot(RequestContext& context);
// GET /reset/TOKEN: the new-password form, or a page saying the link is dead (404).
http::Response show_reset(RequestContext& context);
// POST /reset/TOKEN: sets the password and redirects to /login with a flash.
http::Response submit_reset(RequestContext& context);
// GET /verify/TOKEN: a page with a button; changes nothing.
http::Response show_verify(RequestContext& context);
// POST /verify/TOKEN: marks the address verified.
http::Response submit_verify(RequestContext& context);
// POST /verify/resend (field email, or the signed-in user's address): sends a new link.
http::Response submit_verify_resend(RequestContext& context);
// GET /confirm-email/TOKEN: a page with a button; changes nothing.
http::Response show_confirm_email(RequestContext& context);
// POST /confirm-email/TOKEN: switches the account to the new address.
http::Response submit_confirm_email(RequestContext& context);

}  // namespace authgate::web
