// request_handler.h -- the interface the front end calls: one object per worker thread.
#pragma once

#include <string>

#include "http/request.h"
#include "http/response.h"

namespace authgate::http {

class RequestHandler {
public:
    virtual ~RequestHandler() = default;
    // Answers one request. May throw; the front end turns an exception into a 500 page.
    virtual Response handle(const Request& request) = 0;
    // A complete error page for `status` (400, 404, 413, 500...). Must not throw.
    virtual Response error_page(int status, const std::string& detail) noexcept = 0;
};

}  // namespace authgate::http
