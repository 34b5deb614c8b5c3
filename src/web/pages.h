// pages.h -- the error pages (rendered without a session, so they work whatever failed).
#pragma once

#include <string>

#include "http/request.h"
#include "http/response.h"
#include "web/view.h"

namespace authgate::web {

// A complete error page for `status` from error.tpl. Never throws: when the error template itself
// cannot be rendered, a short plain-text body is used instead.
http::Response render_error(View& view, int status) noexcept;

class Pages {
public:
    explicit Pages(View& view) : view_(view) {}

    // A complete error page for `status`. Never throws: when the error template itself cannot be
    // rendered, a short plain-text body is used instead.
    http::Response error(int status) noexcept;

private:
    View& view_;
};

}  // namespace authgate::web
