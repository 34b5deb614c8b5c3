// request_pipeline.cpp -- size limit, parsing, dispatch and error pages for one request.
#include "server/request_pipeline.h"

#include <iostream>
#include <string_view>

#include "http/request_parser.h"
#include "http/text.h"

namespace authgate::server {

long long declared_body_length(std::string_view text) {
    if (text.empty()) return 0;
    if (text.size() > 18) return -1;
    long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

namespace {

// Reads and drops a refused body (up to a bound), so the web server sees the answer rather than
// a connection closed while it was still sending.
void discard_body(const BodyReader& read_body, unsigned long long length) {
    const unsigned long long bound = 1 << 20;
    char buffer[16384];
    unsigned long long left = length < bound ? length : bound;
    while (left > 0) {
        std::size_t n = read_body(buffer, left < sizeof buffer ? static_cast<std::size_t>(left) : sizeof buffer);
        if (n == 0) break;
        left -= n;
    }
}

// What a failure's log line names, kept aside because the parameters move into the request.
struct RequestLine {
    std::string method;
    std::string uri;
};

void log_failure(const RequestLine& line, const std::string& reason) {
    std::cerr << "authgate: request failed method=" << http::escape_for_log(line.method)
              << " path=" << http::escape_for_log(line.uri.substr(0, line.uri.find('?')))
              << " reason=" << http::escape_for_log(reason) << std::endl;
}

// The head and the body in one buffer, written to the web server in one call.
std::string to_output(http::Response& response, bool https, bool head_only) {
    http::finalize_headers(response, https);
    std::string out;
    out.reserve(1024 + (head_only ? 0 : response.body.size()));
    http::append_head(out, response);
    if (!head_only) out += response.body;
    return out;
}

}  // namespace

std::string serve_request(http::Params params, const BodyReader& read_body,
                          http::RequestHandler& handler, std::size_t max_body) {
    const RequestLine line{params.value("REQUEST_METHOD"), params.value("REQUEST_URI")};
    bool head_only = line.method == "HEAD";
    bool https = params.find("HTTPS") == "on" || params.find("REQUEST_SCHEME") == "https";
    http::Response response;
    try {
        long long length = declared_body_length(params.find("CONTENT_LENGTH"));
        if (length < 0) {
            response = handler.error_page(400, "malformed Content-Length");
        } else if (static_cast<unsigned long long>(length) > max_body) {
            discard_body(read_body, static_cast<unsigned long long>(length));
            response = handler.error_page(413, "body larger than the limit");
        } else {
            http::RawRequest raw{std::move(params), std::string(static_cast<std::size_t>(length), '\0')};
            std::size_t got = 0;
            while (got < raw.body.size()) {
                std::size_t n = read_body(raw.body.data() + got, raw.body.size() - got);
                if (n == 0) break;
                got += n;
            }
            if (got != raw.body.size()) {
                response = handler.error_page(400, "body shorter than Content-Length");
            } else {
                http::Request request = http::parse_request(std::move(raw));
                https = request.https;
                response = handler.handle(request);
            }
        }
    } catch (const http::BadRequest& error) {
        response = handler.error_page(400, error.what());
    } catch (const std::exception& error) {
        log_failure(line, error.what());
        response = handler.error_page(500, "internal error");
    } catch (...) {
        log_failure(line, "unknown exception");
        response = handler.error_page(500, "internal error");
    }
    try {
        return to_output(response, https, head_only);
    } catch (const std::exception& error) {
        log_failure(line, std::string("cannot format the response: ") + error.what());
        http::Response fallback = handler.error_page(500, "internal error");
        fallback.cookies.clear();
        return to_output(fallback, https, head_only);
    }
}

}  // namespace authgate::server
