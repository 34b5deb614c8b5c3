// fcgi_server.cpp -- the FastCGI accept loop (no mutex around FCGX_Accept_r; stop by shutdown()).
#include "server/fcgi_server.h"

#include <chrono>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <iostream>
#include <string>
#include <string_view>
#include <sys/socket.h>

#include "server/request_pipeline.h"

namespace authgate::server {

namespace {

// True when the request's input has been read to its end, the empty FCGI_STDIN record included.
// Closing the connection then leaves nothing unread, so libfcgi's lingering close (shutdown, then
// wait for the web server's end of file) has nothing to protect and can be skipped. When the body
// was not read in full (a refused body) nothing more is read here: the lingering close drains it.
bool input_at_end(FCGX_Request& request, bool body_read_in_full) {
    if (FCGX_HasSeenEOF(request.in) == EOF) return FCGX_GetError(request.in) == 0;
    // Only a responder's web server must send FCGI_STDIN (an authorizer's, Apache's
    // mod_authnz_fcgi, sends none): it sends the end record right after the body, or after the
    // parameters, so reading it does not wait; it is usually in libfcgi's buffer already.
    if (!body_read_in_full || request.role != FCGI_RESPONDER) return false;
    return FCGX_GetChar(request.in) == EOF && FCGX_GetError(request.in) == 0;
}

// The body length to expect: CONTENT_LENGTH's, or without one 0 for GET and HEAD; -1 when it is
// unknown. A body without a declared length (a chunked upload nginx passes on unbuffered, with
// fastcgi_request_buffering off) may still be on its way: its end is left to the lingering close.
long long expected_body_length(const http::Params& params) {
    std::string_view length = params.find("CONTENT_LENGTH");
    if (!length.empty()) return declared_body_length(length);
    std::string_view method = params.find("REQUEST_METHOD");
    return method == "GET" || method == "HEAD" ? 0 : -1;
}

}  // namespace

FcgiServer::FcgiServer(int listen_fd, std::vector<std::unique_ptr<http::RequestHandler>> handlers,
                       std::size_t max_body)
    : listen_fd_(listen_fd), handlers_(std::move(handlers)), max_body_(max_body) {
    FCGX_Init();
}

FcgiServer::~FcgiServer() {
    stop();
    join();
}

void FcgiServer::start() {
    for (auto& handler : handlers_) workers_.emplace_back([this, &handler] { work(*handler); });
}

void FcgiServer::stop() {
    if (stopping_.exchange(true)) return;
    shutdown(listen_fd_, SHUT_RDWR);
}

void FcgiServer::join() {
    for (auto& worker : workers_)
        if (worker.joinable()) worker.join();
}

void FcgiServer::work(http::RequestHandler& handler) {
    FCGX_Request request;
    FCGX_InitRequest(&request, listen_fd_, 0);
    while (!stopping_) {
        if (FCGX_Accept_r(&request) < 0) {
            if (stopping_) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        auto params = http::Params::from_environment(request.envp);
        long long expected = expected_body_length(params);
        unsigned long long body_read = 0;
        BodyReader read_body = [&request, &body_read](char* buffer, std::size_t size) -> std::size_t {
            int n = FCGX_GetStr(buffer, static_cast<int>(size), request.in);
            if (n <= 0) return 0;
            body_read += static_cast<unsigned long long>(n);
            return static_cast<std::size_t>(n);
        };
        std::string output = serve_request(std::move(params), read_body, handler, max_body_);
        FCGX_PutStr(output.data(), static_cast<int>(output.size()), request.out);
        bool body_read_in_full = expected >= 0 && body_read == static_cast<unsigned long long>(expected);
        // A detached request's connection is closed at once, without the lingering close. A kept
        // connection (FCGI_KEEP_CONN) is not closed here at all and keeps libfcgi's handling.
        if (!request.keepConnection && input_at_end(request, body_read_in_full)) FCGX_Detach(&request);
        FCGX_Finish_r(&request);
    }
    FCGX_Free(&request, 1);
}

}  // namespace authgate::server
