// pages.cpp -- error pages.
#include "web/pages.h"

#include <cstring>  // ctemplate's str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>
#include <iostream>

namespace authgate::web {

namespace {

std::string error_explanation(int status) {
    switch (status) {
        case 400: return "The request could not be understood.";
        case 403: return "The request was refused.";
        case 404: return "There is no page at this address.";
        case 405: return "This page does not accept that kind of request.";
        case 413: return "The request is too large.";
        case 429: return "Too many attempts. Please wait a moment and try again.";
        default: return "Something went wrong on our side. Please try again later.";
    }
}

}  // namespace

http::Response Pages::error(int status) noexcept {
    return render_error(view_, status);
}

http::Response render_error(View& view, int status) noexcept {
    http::Response response;
    response.status = status;
    try {
        PageData page("error.tpl", std::to_string(status) + " " + http::reason_phrase(status));
        page.content().SetIntValue("STATUS", status);
        page.content().SetValue("EXPLANATION", error_explanation(status));
        response.body = view.render(page);
    } catch (const std::exception& failure) {
        std::cerr << "authgate: error page " << status << " rendered as plain text: " << failure.what() << "\n";
        response.headers.clear();
        response.add_header("Content-Type", "text/plain; charset=utf-8");
        response.body = std::to_string(status) + " " + http::reason_phrase(status) + "\n";
    }
    return response;
}

}  // namespace authgate::web
