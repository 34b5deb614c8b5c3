// request_pipeline.h -- one request from raw parameters to the bytes sent back, shared by FastCGI and CGI.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "http/params.h"
#include "http/request_handler.h"

namespace authgate::server {

// Reads up to `size` body bytes into `buffer`; returns how many were read (0 at the end).
using BodyReader = std::function<std::size_t(char* buffer, std::size_t size)>;

// The body length a CONTENT_LENGTH value declares: 0 when it is empty, -1 when it is not a plain
// decimal number of at most 18 digits.
long long declared_body_length(std::string_view text);

// Serves one request and returns the complete CGI output (header block and body). Never throws:
// CONTENT_LENGTH is checked against `max_body` before any body byte is read (413), a short or
// malformed body gives 400, and an exception from the handler gives a 500 page and one line on
// stderr with the method, path and reason.
std::string serve_request(http::Params params, const BodyReader& read_body,
                          http::RequestHandler& handler, std::size_t max_body);

}  // namespace authgate::server
