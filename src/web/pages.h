// pages.h -- the error pages (rendered without a session, so they work whatever failed).
#pragma once

#include "http/response.h"
#include "web/view.h"

namespace authgate::web {

// A complete error page for `status` from error.tpl. Never throws: when the error template itself
// cannot be rendered, a short plain-text body is used instead.
http::Response render_error(View& view, int status) noexcept;

// An error page for `status` (429 or 503) telling the client to wait `seconds` (Retry-After).
http::Response render_retry_later(View& view, int status, long seconds) noexcept;

}  // namespace authgate::web
