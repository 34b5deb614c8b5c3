// test_server.h -- starts authgate and a private nginx in a temporary directory for one test.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace authgate::test {

// The value of environment variable `name`; throws when it is unset (the test is run outside make).
std::string required_env(const std::string& name);

// A fresh temporary directory, removed with its contents on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

struct ServerOptions {
    std::vector<std::string> authgate_args;   // extra command-line options
    std::string nginx_max_body = "64k";       // client_max_body_size
    bool under_spawn_fcgi = false;             // start authgate through spawn-fcgi (socket on fd 0)
    bool under_socket_activation = false;      // start authgate through systemd-socket-activate (fd 3)
    std::string database;                      // default: DIR/authgate.db
    std::string nginx_extra_http;              // more directives inside http {}
    std::string nginx_extra_server;            // more directives inside the authgate server {}
    std::string nginx_form_rate = "1000r/s";   // limit_req rate for POST /login and /register
                                               // (the shipped 5r/s would trip tests that post fast)
    std::string nginx_extra_fastcgi;           // directives in `location /` before `include fastcgi_params`
                                               // (e.g. "fastcgi_param HTTPS on;")
};

class TestServer {
public:
    explicit TestServer(ServerOptions options = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    // "http://127.0.0.1:PORT"
    std::string base_url() const;
    const std::string& dir() const { return dir_.path(); }
    const std::string& socket_path() const { return socket_path_; }
    const std::string& database() const { return database_; }
    pid_t authgate_pid() const { return authgate_pid_; }
    int port() const { return port_; }

    // Sends `signal` to authgate and waits (up to 20 s) for it to exit; returns its exit status,
    // or -1 when it was killed by a signal or did not exit.
    int stop_authgate(int signal);
    // Sends `signal` to authgate without waiting.
    void signal_authgate(int signal) const;
    // Everything authgate wrote to stderr so far.
    std::string authgate_log() const;

private:
    void start_authgate();
    void start_nginx();
    void write_nginx_config();

    ServerOptions options_;
    TempDir dir_;
    std::string socket_path_;
    std::string database_;
    int port_ = 0;
    pid_t authgate_pid_ = -1;
    pid_t nginx_pid_ = -1;
};

// A free TCP port on 127.0.0.1.
int free_port();

// Reads a whole file ("" when missing).
std::string read_file(const std::string& path);
// Writes a whole file.
void write_file(const std::string& path, const std::string& content);

// Runs `argv` with `input` on stdin; returns exit status and stdout. stderr goes to `error_out`
// when given.
struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
};
CommandResult run_command(const std::vector<std::string>& argv, const std::string& input = "",
                          const std::vector<std::string>& extra_env = {});

}  // namespace authgate::test
