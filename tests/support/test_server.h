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
    std::string database;                      // default: DIR/authgate.db, or a new database on the
                                               // server $AUTHGATE_TEST_POSTGRES names when it is set
                                               // (postgresql://USER@HOST:PORT; see
                                               // tests/e2e/flows_on_postgresql.sh)
    std::string nginx_extra_http;              // more directives inside http {}
    std::string nginx_extra_server;            // more directives inside the authgate server {}
    std::string nginx_form_rate = "1000r/s";   // limit_req rate for POST /login and /register
                                               // (the shipped 5r/s would trip tests that post fast)
    std::string nginx_extra_fastcgi;           // directives in `location /` before `include fastcgi_params`
                                               // (e.g. "fastcgi_param HTTPS on;")
    int hosts = 1;                             // authgate processes on the same database, behind one
                                               // nginx upstream (round robin) when more than one
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
    // The database every host uses: ServerOptions::database, else DIR/authgate.db.
    const std::string& database() const { return database_; }
    int port() const { return port_; }
    int hosts() const { return static_cast<int>(socket_paths_.size()); }

    // Host `host` (0 .. hosts()-1): its FastCGI socket (DIR/authgate.sock for host 0,
    // DIR/authgate-N.sock for host N-1 after it) and its pid (-1 once stopped).
    const std::string& socket_path(int host = 0) const { return socket_paths_.at(host); }
    pid_t authgate_pid(int host = 0) const { return authgate_pids_.at(host); }

    // Sends `signal` to host `host` and waits (up to 20 s) for it to exit; returns its exit status,
    // or -1 when it was killed by a signal or did not exit.
    int stop_authgate(int signal, int host = 0);
    // Sends `signal` to host `host` without waiting.
    void signal_authgate(int signal, int host = 0) const;
    // Everything host `host` wrote to stderr so far (DIR/authgate.log, DIR/authgate-N.log).
    std::string authgate_log(int host = 0) const;

private:
    void start_authgates();
    void start_nginx();
    void write_nginx_config();
    std::string log_path(int host) const;

    ServerOptions options_;
    TempDir dir_;
    std::vector<std::string> socket_paths_;
    std::string database_;
    int port_ = 0;
    std::vector<pid_t> authgate_pids_;
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
