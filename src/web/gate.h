// gate.h -- the gate's answers: nginx's auth_request subrequest (GET /auth) and Apache's FastCGI authorizer.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "web/request_context.h"

namespace authgate::web {

// GET /auth?require=fresh&verified=1&users=a,b&groups=x,y (every parameter optional): 200 with an
// empty body and X-Authgate-User, -Email, -User-Id and -Groups; 401 with X-Authgate-Login (the
// /login?next=... target for X-Original-URI, with fresh=1 when require=fresh); 403; 400 for rules
// it does not understand. Read-only: never a Set-Cookie, always Cache-Control: no-store.
http::Response check_gate(const http::Request& request, Services& services);

// A FastCGI AUTHORIZER request (mod_authnz_fcgi): the rules come from the AUTHGATE_RULES variable
// in the same syntax as /auth's query string. 200 with Variable-AUTHGATE_USER, -_EMAIL,
// -_USER_ID and -_GROUPS and nothing else; otherwise 401 or 403 with an error page (400 for
// rules it does not understand).
http::Response check_authorizer(const http::Request& request, Services& services);

}  // namespace authgate::web
