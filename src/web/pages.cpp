// pages.cpp -- error pages.
#include "web/pages.h"

#include <iostream>

#include "web/messages.h"

namespace authgate::web {

http::Response render_error(View& view, int status) noexcept {
    http::Response response;
    response.status = status;
    try {
        Page page("error.tpl", std::to_string(status) + " " + http::reason_phrase(status));
        page.content.set("STATUS", std::to_string(status));
        page.content.set("EXPLANATION", text::error_explanation(status));
        response.body = view.render(page);
    } catch (const std::exception& failure) {
        std::cerr << "authgate: error page " << status << " rendered as plain text: " << failure.what() << "\n";
        response.headers.clear();
        response.add_header("Content-Type", "text/plain; charset=utf-8");
        response.body = std::to_string(status) + " " + http::reason_phrase(status) + "\n";
    }
    return response;
}

http::Response render_retry_later(View& view, int status, long seconds) noexcept {
    http::Response response = render_error(view, status);
    try {
        response.add_header("Retry-After", std::to_string(seconds));
    } catch (...) {
        // Out of memory for a header: the page still says to wait.
    }
    return response;
}

}  // namespace authgate::web
