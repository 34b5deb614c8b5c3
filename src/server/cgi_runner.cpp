// cgi_runner.cpp -- CGI mode: environment in, stdout out, then exit.
#include "server/cgi_runner.h"

#include <string>
#include <unistd.h>

#include "server/request_pipeline.h"

extern char** environ;

namespace authgate::server {

int run_cgi_request(http::RequestHandler& handler, std::size_t max_body) {
    auto params = http::Params::from_environment(environ);
    BodyReader read_body = [](char* buffer, std::size_t size) -> std::size_t {
        ssize_t n = read(STDIN_FILENO, buffer, size);
        return n > 0 ? static_cast<std::size_t>(n) : 0;
    };
    std::string output = serve_request(std::move(params), read_body, handler, max_body);
    std::size_t written = 0;
    while (written < output.size()) {
        ssize_t n = write(STDOUT_FILENO, output.data() + written, output.size() - written);
        if (n <= 0) return 1;
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace authgate::server
