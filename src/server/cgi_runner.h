// cgi_runner.h -- plain CGI: one request from the environment and stdin, answered on stdout.
#pragma once

#include <cstddef>

#include "http/request_handler.h"

namespace authgate::server {

// Serves the single request described by the process environment; returns the exit status.
int run_cgi_request(http::RequestHandler& handler, std::size_t max_body);

}  // namespace authgate::server
