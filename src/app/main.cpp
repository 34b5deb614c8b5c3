// main.cpp -- authgate's entry point: read the settings, prepare the database, serve until stopped.
#include <iostream>
#include <memory>
#include <thread>
#include <unistd.h>
#include <vector>

#include "app/application.h"
#include "app/settings.h"
#include "app/shared_state.h"
#include "server/cgi_runner.h"
#include "server/fcgi_server.h"
#include "server/listen_socket.h"
#include "server/signals.h"
#include "store/store.h"

namespace {

using namespace authgate;

// Learns the cost of every stored hash method in the background, so that the first failed login
// does not wait for it (the verifier waits only if a failure comes before it is done).
std::thread start_calibration(app::SharedState& shared) {
    return std::thread([&shared] {
        try {
            auto store = store::open_store(shared.config.database);
            shared.passwords.calibrate(*store);
        } catch (const std::exception& error) {
            std::cerr << "authgate: cannot learn the hash costs yet: " << error.what() << std::endl;
        }
    });
}

int serve_fastcgi(const app::Config& config, app::SharedState& shared, int listen_fd) {
    server::block_signals();
    std::thread calibration = start_calibration(shared);
    std::vector<std::unique_ptr<http::RequestHandler>> handlers;
    for (int i = 0; i < config.threads; ++i) handlers.push_back(std::make_unique<app::Application>(shared));
    server::FcgiServer fcgi(listen_fd, std::move(handlers), config.max_body);
    fcgi.start();
    shared.start_mail();
    while (server::wait_for_signal() == server::SignalEvent::reload) {
        shared.view.reload();
        std::cerr << "authgate: SIGHUP: templates will be re-read where changed" << std::endl;
    }
    fcgi.stop();
    fcgi.join();
    if (shared.sender) shared.sender->stop();
    calibration.join();
    return 0;
}

int run(const app::Config& config) {
    bool one_request = config.cgi || (config.listen.empty() && server::inherited_listen_socket() < 0);
    if (one_request) {
        if (!config.cgi && !getenv("GATEWAY_INTERFACE")) {
            std::cerr << "authgate: nothing to serve: give --listen unix:/path or 127.0.0.1:PORT, start it "
                         "under spawn-fcgi or systemd, or run it as a CGI program (--cgi)\n";
            return 2;
        }
        app::SharedState shared(config, app::ServeMode::one_request);
        app::Application application(shared);
        return server::run_cgi_request(application, config.max_body);
    }
    app::SharedState shared(config, app::ServeMode::server);
    int listen_fd = config.listen.empty()
                        ? server::inherited_listen_socket()
                        : server::open_listen_socket(config.listen, {config.socket_mode, config.socket_group});
    int status = serve_fastcgi(config, shared, listen_fd);
    std::string socket_path = server::unix_socket_path(config.listen);
    if (!socket_path.empty()) unlink(socket_path.c_str());
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        app::ParsedConfig parsed = app::parse_config(argc, argv);
        if (!parsed.config) return parsed.exit_status;
        return run(*parsed.config);
    } catch (const app::ConfigError& error) {
        std::cerr << "authgate: " << error.what() << " (see authgate --help)\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "authgate: " << error.what() << "\n";
        return 1;
    }
}
