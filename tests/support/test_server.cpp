// test_server.cpp -- process management for the end-to-end tests: authgate, nginx, spawn-fcgi.
#include "support/test_server.h"

#include <algorithm>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "support/postgres_server.h"

namespace authgate::test {

namespace {

using namespace std::chrono_literals;

bool can_connect_unix(const std::string& path) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

bool can_connect_tcp(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

pid_t spawn(const std::vector<std::string>& argv, const std::string& log_path) {
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(log, 1);
        dup2(log, 2);
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        std::vector<char*> args;
        for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::this_thread::sleep_for(20ms);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

}  // namespace

std::string required_env(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (!value || !*value) throw std::runtime_error(name + " is not set; run the tests with make check");
    return value;
}

TempDir::TempDir() {
    std::string pattern = "/tmp/authgate-test-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    if (std::getenv("AUTHGATE_KEEP_TEST_DIRS")) return;
    std::string command = "rm -rf '" + path_ + "'";
    if (std::system(command.c_str()) != 0) {
    }
}

std::string read_file(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << stream.rdbuf();
    return bytes.str();
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream << content;
    if (!stream) throw std::runtime_error("cannot write " + path);
}

int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t size = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    close(fd);
    return ntohs(address.sin_port);
}

TestServer::TestServer(ServerOptions options) : options_(std::move(options)) {
    if (options_.hosts < 1) throw std::invalid_argument("ServerOptions::hosts must be at least 1");
    for (int host = 0; host < options_.hosts; ++host)
        socket_paths_.push_back(dir_.path() + (host == 0 ? "/authgate.sock" : "/authgate-" + std::to_string(host + 1) + ".sock"));
    database_ = options_.database.empty() ? dir_.path() + "/authgate.db" : options_.database;
    const char* postgres = std::getenv("AUTHGATE_TEST_POSTGRES");
    if (options_.database.empty() && postgres && *postgres)
        database_ = create_database_on(postgres, dir_.path().substr(dir_.path().rfind('/') + 1));
    port_ = free_port();
    try {
        start_authgates();
        start_nginx();
    } catch (...) {
        for (int host = 0; host < hosts(); ++host) stop_authgate(SIGTERM, host);
        throw;
    }
}

TestServer::~TestServer() {
    if (nginx_pid_ > 0) {
        kill(nginx_pid_, SIGQUIT);
        wait_exit(nginx_pid_, std::chrono::seconds(10));
    }
    for (int host = 0; host < hosts(); ++host) stop_authgate(SIGTERM, host);
}

std::string TestServer::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

// Every host is started first, then each socket is waited for, so that hosts start together.
void TestServer::start_authgates() {
    std::string srcdir = required_env("AUTHGATE_SRCDIR");
    for (int host = 0; host < hosts(); ++host) {
        const std::string& socket_path = socket_paths_[host];
        std::vector<std::string> argv;
        if (options_.under_spawn_fcgi) {
            argv = {required_env("SPAWN_FCGI"), "-n", "-s", socket_path, "-M", "0600", "--",
                    required_env("AUTHGATE_BIN")};
        } else if (options_.under_socket_activation) {
            argv = {required_env("SYSTEMD_SOCKET_ACTIVATE"), "-l", socket_path, required_env("AUTHGATE_BIN")};
        } else {
            argv = {required_env("AUTHGATE_BIN"), "--listen", "unix:" + socket_path};
        }
        for (const std::string& arg : {std::string("--database"), database_, std::string("--template-root"),
                                       srcdir + "/templates", std::string("--static"), srcdir + "/static"})
            argv.push_back(arg);
        // Four workers unless the test chose its own number.
        const auto& args = options_.authgate_args;
        if (std::find(args.begin(), args.end(), "--threads") == args.end()) {
            argv.push_back("--threads");
            argv.push_back("4");
        }
        argv.insert(argv.end(), options_.authgate_args.begin(), options_.authgate_args.end());
        authgate_pids_.push_back(spawn(argv, log_path(host)));
    }
    auto deadline = std::chrono::steady_clock::now() + 20s;
    for (int host = 0; host < hosts(); ++host) {
        while (!can_connect_unix(socket_paths_[host])) {
            int status = 0;
            if (waitpid(authgate_pids_[host], &status, WNOHANG) == authgate_pids_[host]) {
                authgate_pids_[host] = -1;
                throw std::runtime_error("authgate exited at start: " + authgate_log(host));
            }
            if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("authgate did not start");
            std::this_thread::sleep_for(20ms);
        }
    }
}

std::string TestServer::log_path(int host) const {
    return dir_.path() + (host == 0 ? "/authgate.log" : "/authgate-" + std::to_string(host + 1) + ".log");
}

// nginx/private-conf writes the configuration, as it does for ./quickstart and bench/http.
void TestServer::write_nginx_config() {
    std::string srcdir = required_env("AUTHGATE_SRCDIR");
    std::vector<std::string> argv = {"/bin/sh", srcdir + "/nginx/private-conf", "--max-body", options_.nginx_max_body,
                                     "--form-rate", options_.nginx_form_rate, "--http", options_.nginx_extra_http,
                                     "--server", options_.nginx_extra_server, "--fastcgi", options_.nginx_extra_fastcgi,
                                     "--connections", "256"};
    for (int host = 1; host < hosts(); ++host) {
        argv.push_back("--upstream");
        argv.push_back(socket_paths_[host]);
    }
    for (const auto& arg : {dir_.path(), std::to_string(port_), socket_paths_[0], srcdir + "/static"})
        argv.push_back(arg);
    auto result = run_command(argv);
    if (result.status != 0) throw std::runtime_error("nginx/private-conf failed: " + result.out + result.err);
}

void TestServer::start_nginx() {
    write_nginx_config();
    const std::string& dir = dir_.path();
    nginx_pid_ = spawn({required_env("NGINX"), "-e", dir + "/nginx-error.log", "-p", dir, "-c", dir + "/nginx.conf"},
                       dir + "/nginx.log");
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!can_connect_tcp(port_)) {
        int status = 0;
        if (waitpid(nginx_pid_, &status, WNOHANG) == nginx_pid_) {
            nginx_pid_ = -1;
            throw std::runtime_error("nginx exited at start: " + read_file(dir + "/nginx-error.log") +
                                     read_file(dir + "/nginx.log"));
        }
        if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("nginx did not start");
        std::this_thread::sleep_for(20ms);
    }
}

void TestServer::signal_authgate(int signal, int host) const {
    if (authgate_pids_.at(host) > 0) kill(authgate_pids_[host], signal);
}

int TestServer::stop_authgate(int signal, int host) {
    if (host >= static_cast<int>(authgate_pids_.size()) || authgate_pids_[host] <= 0) return -1;
    kill(authgate_pids_[host], signal);
    int status = wait_exit(authgate_pids_[host], std::chrono::seconds(20));
    authgate_pids_[host] = -1;
    return status;
}

std::string TestServer::authgate_log(int host) const {
    return read_file(log_path(host));
}

CommandResult run_command(const std::vector<std::string>& argv, const std::string& input,
                          const std::vector<std::string>& extra_env) {
    TempDir scratch;
    write_file(scratch.path() + "/in", input);
    pid_t pid = fork();
    if (pid == 0) {
        int in = open((scratch.path() + "/in").c_str(), O_RDONLY);
        int out = open((scratch.path() + "/out").c_str(), O_WRONLY | O_CREAT, 0600);
        int err = open((scratch.path() + "/err").c_str(), O_WRONLY | O_CREAT, 0600);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        for (const auto& assignment : extra_env) putenv(const_cast<char*>(assignment.c_str()));
        std::vector<char*> args;
        for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    CommandResult result;
    result.status = wait_exit(pid, std::chrono::seconds(120));
    result.out = read_file(scratch.path() + "/out");
    result.err = read_file(scratch.path() + "/err");
    return result;
}

}  // namespace authgate::test
