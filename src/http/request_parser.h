// request_parser.h -- turns raw CGI parameters and a body into a Request (cgicc does the form parsing).
#pragma once

#include <stdexcept>
#include <string>

#include "http/params.h"
#include "http/request.h"

namespace authgate::http {

// What the front end copied out of FastCGI/CGI: every parameter and the whole body.
struct RawRequest {
    Params params;
    std::string body;
};

// Thrown when a request cannot be understood (malformed body, bad path); becomes a 400 page.
class BadRequest : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Builds a Request from `raw` (taken by value: its parameters move into the Request). The body
// must already be complete and within the size limit. Body fields and query fields are kept
// apart. Throws BadRequest on anything malformed.
Request parse_request(RawRequest raw);

}  // namespace authgate::http
