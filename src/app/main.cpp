// main.cpp -- authgate's entry point: read the settings, prepare the database, serve until stopped.
#include <iostream>
#include <memory>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "app/application.h"
#include "app/settings.h"
#include "app/shared_state.h"
#include "server/cgi_runner.h"
#include "server/data_files.h"
#include "server/fcgi_server.h"
#include "server/listen_socket.h"
#include "server/signals.h"
#include "store/store.h"

namespace {

using namespace authgate;

// The database file --data-group shares: none when the database is on a PostgreSQL server.
std::string local_database(const app::Config& config) {
    return store::is_postgresql(config.database) ? std::string() : config.database;
}

// Learns the cost of every stored hash method in the background, so that the first failed login
// does not wait for it (the verifier waits only if a failure comes before it is done).
std::thread start_calibration(app::SharedState& shared) {
    return std::thread([&shared] {
        try {
            auto store = store::open_store(shared.config.database, shared.config.database_password);
            shared.passwords.calibrate(*store);
        } catch (const std::exception& error) {
            std::cerr << "authgate: cannot learn the hash costs yet: " << error.what() << std::endl;
        }
    });
}

int serve_fastcgi(const app::Config& config, app::SharedState& shared, int listen_fd) {
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
    gid_t data_gid = 0;
    if (!config.data_group.empty()) {
        // Files made from here on (the database's -wal and -shm, the audit log) may be read by the group.
        try {
            data_gid = server::group_id(config.data_group);
        } catch (const server::DataFilesError& error) {
            throw app::ConfigError(error.what());
        }
        umask(027);
        server::share_data_files(local_database(config), "", data_gid);
    }
    // A socket handed over (systemd, spawn-fcgi, mod_fcgid) wins over --listen, which a shared config
    // file may name; its file belongs to the parent and stays when authgate exits.
    int inherited_fd = config.cgi ? -1 : server::inherited_listen_socket();
    bool one_request = config.cgi || (inherited_fd < 0 && config.listen.empty());
    if (one_request) {
        if (!config.cgi && !getenv("GATEWAY_INTERFACE")) {
            std::cerr << "authgate: nothing to serve: give --listen unix:/path or 127.0.0.1:PORT, start it "
                         "under spawn-fcgi or systemd, or run it as a CGI program (--cgi)\n";
            return 2;
        }
        app::SharedState shared(config, app::ServeMode::one_request);
        if (!config.data_group.empty()) server::share_data_files(local_database(config), config.audit_log, data_gid);
        app::Application application(shared);
        return server::run_cgi_request(application, config.max_body);
    }
    // Before any thread starts (the hash pool's start in SharedState): every thread inherits the
    // blocked signals, so a SIGHUP or SIGTERM that comes while the workers are still being set up
    // waits for sigwait instead of killing the process through a thread that does not block it.
    server::block_signals();
    app::SharedState shared(config, app::ServeMode::server);
    if (!config.data_group.empty()) server::share_data_files(local_database(config), config.audit_log, data_gid);
    int listen_fd = inherited_fd;
    std::string socket_path;
    if (listen_fd < 0) {
        listen_fd = server::open_listen_socket(config.listen, {config.socket_mode, config.socket_group});
        socket_path = server::unix_socket_path(config.listen);
    }
    int status = serve_fastcgi(config, shared, listen_fd);
    if (!socket_path.empty()) unlink(socket_path.c_str());
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    // The database, its -wal/-shm files and the audit log are private (0600) unless --data-group says
    // otherwise; a unix socket is bound under this mask and only then opened up to --socket-mode.
    umask(077);
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
