// apache_server.cpp -- Apache httpd (and, for mod_proxy_fcgi, authgate) run for one end-to-end test.
#include "support/apache_server.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "support/auth_flow.h"

namespace authgate::test {

namespace {

using namespace std::chrono_literals;

const std::string modules = "/usr/lib/apache2/modules";

// Apache refuses to serve as root: when the tests run as root its children run as this user.
const char* const apache_user = "www-data";

pid_t spawn_logged(const std::vector<std::string>& argv, const std::string& log_path) {
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

void stop(pid_t pid, int signal) {
    if (pid <= 0) return;
    kill(pid, signal);
    for (int i = 0; i < 1000; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid) return;
        std::this_thread::sleep_for(20ms);
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

bool connects(const sockaddr* address, socklen_t size, int family) {
    int fd = socket(family, SOCK_STREAM, 0);
    bool ok = connect(fd, address, size) == 0;
    close(fd);
    return ok;
}

bool tcp_connects(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return connects(reinterpret_cast<sockaddr*>(&address), sizeof address, AF_INET);
}

bool unix_connects(const std::string& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    path.copy(address.sun_path, sizeof address.sun_path - 1);
    return connects(reinterpret_cast<sockaddr*>(&address), sizeof address, AF_UNIX);
}

// Waits up to 20 s for `ready`; throws with `logs` when `pid` exits first or time runs out.
template <typename Ready, typename Logs>
void wait_until(Ready ready, pid_t& pid, const std::string& what, Logs logs) {
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!ready()) {
        if (waitpid(pid, nullptr, WNOHANG) == pid) {
            pid = -1;
            throw std::runtime_error(what + " exited at start: " + logs());
        }
        if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error(what + " did not start: " + logs());
        std::this_thread::sleep_for(20ms);
    }
}

// Gives `path` to Apache's user when running as root, so authgate started by Apache may write there.
void give_to_apache_user(const std::string& path) {
    if (geteuid() != 0) return;
    struct passwd* user = getpwnam(apache_user);
    if (!user || chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
        throw std::runtime_error(std::string("cannot give ") + path + " to " + apache_user);
}

// The shipped file `name` under apache/ with the installed paths replaced by the test's.
std::string shipped(const std::string& name, const std::string& dir) {
    std::string text = read_file(required_env("AUTHGATE_SRCDIR") + "/apache/" + name);
    if (text.empty()) throw std::runtime_error("apache/" + name + " is missing or empty");
    text = replace_all_of(text, "/usr/local/share/authgate/static/", required_env("AUTHGATE_SRCDIR") + "/static/");
    text = replace_all_of(text, "/usr/local/share/authgate/apache/", dir + "/apache/");
    text = replace_all_of(text, "/usr/local/sbin/authgate", dir + "/sbin/authgate");
    text = replace_all_of(text, "/usr/local/etc/authgate.conf", dir + "/etc/authgate.conf");
    text = replace_all_of(text, "/run/authgate/authgate.sock", dir + "/authgate.sock");
    return text;
}

}  // namespace

ApacheServer::ApacheServer(ApacheMode mode) : mode_(mode) {
    port_ = free_port();
    // Apache's children (and the authgate they start) must reach the files in here.
    chmod(dir().c_str(), 0755);
    write_authgate_files();
    if (mode_ == ApacheMode::proxy_fcgi) start_authgate();
    write_httpd_config();
    start_httpd();
}

ApacheServer::~ApacheServer() {
    stop(httpd_pid_, SIGTERM);
    stop(authgate_pid_, SIGTERM);
}

std::string ApacheServer::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

std::string ApacheServer::unused_socket() const {
    return dir() + "/unused.sock";
}

std::string ApacheServer::database() const {
    return dir() + "/data/authgate.db";
}

std::string ApacheServer::logs() const {
    return "\n--- Apache error log:\n" + read_file(dir() + "/error.log") + read_file(dir() + "/httpd.log") +
           "\n--- authgate:\n" + read_file(dir() + "/authgate.log");
}

void ApacheServer::write_authgate_files() {
    const std::string srcdir = required_env("AUTHGATE_SRCDIR");
    for (const char* sub : {"/data", "/sbin", "/etc", "/apache", "/htdocs"}) mkdir((dir() + sub).c_str(), 0755);
    give_to_apache_user(dir() + "/data");
    // A copy of the built program where the shipped files expect sbin/authgate (its basename matters
    // to the fcgid site), readable by Apache's user wherever the build tree is.
    std::string program = read_file(required_env("AUTHGATE_BIN"));
    write_file(dir() + "/sbin/authgate", program);
    chmod((dir() + "/sbin/authgate").c_str(), 0755);
    write_file(dir() + "/etc/authgate.conf", "database = " + database() + "\ntemplate-root = " + srcdir +
                                                 "/templates\nstatic = " + srcdir + "/static\nthreads = 2\n"
                                                 "password-method = pbkdf2:sha256:1000\n" +
                                                 // as in the shipped example: only --listen-less modes ignore it
                                                 (mode_ == ApacheMode::proxy_fcgi ? "" : "listen = unix:" + unused_socket() + "\n"));
    write_file(dir() + "/apache/authgate.cgi", shipped("authgate.cgi", dir()));
    chmod((dir() + "/apache/authgate.cgi").c_str(), 0755);
}

void ApacheServer::start_authgate() {
    std::vector<std::string> argv = {dir() + "/sbin/authgate", "--config", dir() + "/etc/authgate.conf", "--listen",
                                     "unix:" + dir() + "/authgate.sock"};
    if (geteuid() == 0) argv.insert(argv.end(), {"--socket-group", apache_user});
    authgate_pid_ = spawn_logged(argv, dir() + "/authgate.log");
    std::string socket = dir() + "/authgate.sock";
    wait_until([&] { return unix_connects(socket); }, authgate_pid_, "authgate", [this] { return logs(); });
}

void ApacheServer::write_httpd_config() {
    std::string site;
    std::vector<std::string> needed = {"mpm_event", "authz_core", "alias", "mime"};
    switch (mode_) {
    case ApacheMode::proxy_fcgi:
        site = "authgate-proxy-fcgi.conf";
        needed.insert(needed.end(), {"proxy", "proxy_fcgi"});
        break;
    case ApacheMode::fcgid:
        site = "authgate-fcgid.conf";
        needed.push_back("fcgid");
        break;
    case ApacheMode::cgi:
        site = "authgate-cgi.conf";
        needed.push_back("cgid");
        break;
    }
    const std::string address = "127.0.0.1:" + std::to_string(port_);
    write_file(dir() + "/site.conf", replace_all_of(shipped(site, dir()), "<VirtualHost *:80>", "<VirtualHost " + address + ">"));
    std::string config = "ServerRoot " + dir() + "\nDefaultRuntimeDir " + dir() + "\nPidFile " + dir() +
                         "/httpd.pid\nErrorLog " + dir() + "/error.log\nLogLevel warn\nListen " + address +
                         "\nServerName 127.0.0.1\nDocumentRoot " + dir() + "/htdocs\n";
    if (geteuid() == 0) config += std::string("User ") + apache_user + "\nGroup " + apache_user + "\n";
    for (const std::string& module : needed)
        config += "LoadModule " + module + "_module " + modules + "/mod_" + module + ".so\n";
    config += "TypesConfig /etc/mime.types\n";
    if (mode_ == ApacheMode::cgi) config += "ScriptSock " + dir() + "/cgid.sock\n";
    if (mode_ == ApacheMode::fcgid)
        config += "FcgidIPCDir " + dir() + "/fcgid\nFcgidProcessTableFile " + dir() + "/fcgid-shm\n";
    config += "Include " + dir() + "/site.conf\n";
    write_file(dir() + "/httpd.conf", config);
}

void ApacheServer::start_httpd() {
    httpd_pid_ = spawn_logged({required_env("APACHE2"), "-f", dir() + "/httpd.conf", "-DFOREGROUND"}, dir() + "/httpd.log");
    wait_until([&] { return tcp_connects(port_); }, httpd_pid_, "apache2", [this] { return logs(); });
}

}  // namespace authgate::test
