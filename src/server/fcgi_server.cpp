// fcgi_server.cpp -- the FastCGI accept loop (no mutex around FCGX_Accept_r; stop by shutdown()).
#include "server/fcgi_server.h"

#include <chrono>
#include <fcgiapp.h>
#include <iostream>
#include <string>
#include <sys/socket.h>

#include "server/request_pipeline.h"

namespace authgate::server {

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
        BodyReader read_body = [&request](char* buffer, std::size_t size) -> std::size_t {
            int n = FCGX_GetStr(buffer, static_cast<int>(size), request.in);
            return n > 0 ? static_cast<std::size_t>(n) : 0;
        };
        std::string output = serve_request(std::move(params), read_body, handler, max_body_);
        FCGX_PutStr(output.data(), static_cast<int>(output.size()), request.out);
        FCGX_Finish_r(&request);
    }
    FCGX_Free(&request, 1);
}

}  // namespace authgate::server
