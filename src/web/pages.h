// pages.h -- handlers for the pages that need no account: home and the error pages.
#pragma once

#include <string>

#include "http/request.h"
#include "http/response.h"
#include "web/view.h"

namespace authgate::web {

class Pages {
public:
    explicit Pages(View& view) : view_(view) {}

    // GET / -- the welcome page.
    http::Response home(const http::Request& request);

    // A complete error page for `status`. Never throws: when the error template itself cannot be
    // rendered, a short plain-text body is used instead.
    http::Response error(int status) noexcept;

private:
    View& view_;
};

}  // namespace authgate::web
