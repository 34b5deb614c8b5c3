// fcgi_server.h -- worker threads accepting FastCGI requests on one listening socket.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

#include "http/request_handler.h"

namespace authgate::server {

class FcgiServer {
public:
    // One worker thread per handler; each handler (with its own database connection) is used by
    // its thread only. `listen_fd` must be a listening socket; bodies above `max_body` get a 413.
    FcgiServer(int listen_fd, std::vector<std::unique_ptr<http::RequestHandler>> handlers, std::size_t max_body);
    ~FcgiServer();
    FcgiServer(const FcgiServer&) = delete;
    FcgiServer& operator=(const FcgiServer&) = delete;

    // Starts the worker threads. Signals should already be blocked in the calling thread.
    void start();
    // Stops accepting (shuts the listening socket down); requests in flight run to completion.
    void stop();
    // Waits for every worker to finish its current request and exit.
    void join();

private:
    void work(http::RequestHandler& handler);

    int listen_fd_;
    std::vector<std::unique_ptr<http::RequestHandler>> handlers_;
    std::size_t max_body_;
    std::atomic<bool> stopping_{false};
    std::vector<std::thread> workers_;
};

}  // namespace authgate::server
