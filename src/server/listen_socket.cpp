// listen_socket.cpp -- binding unix and TCP sockets without libfcgi's exit-on-error helper.
#include "server/listen_socket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <grp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace authgate::server {

namespace {

const int backlog = 128;

[[noreturn]] void fail(const std::string& spec, const std::string& what) {
    throw SocketError("cannot listen on " + spec + ": " + what);
}

bool someone_listens(const sockaddr_un& address) {
    int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (probe < 0) return false;
    bool listening = connect(probe, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    close(probe);
    return listening;
}

int open_unix(const std::string& spec, const std::string& path, const UnixSocketAccess& access) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.empty() || path.size() >= sizeof address.sun_path) fail(spec, "socket path is empty or too long");
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);

    struct stat existing {};
    if (lstat(path.c_str(), &existing) == 0) {
        if (!S_ISSOCK(existing.st_mode)) fail(spec, "a file that is not a socket is in the way");
        if (someone_listens(address)) fail(spec, "another process is already listening there");
        unlink(path.c_str());
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) fail(spec, std::strerror(errno));
    if (bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        int error = errno;
        close(fd);
        fail(spec, std::strerror(error));
    }
    if (chmod(path.c_str(), access.mode) != 0) {
        int error = errno;
        close(fd);
        fail(spec, std::string("chmod: ") + std::strerror(error));
    }
    if (!access.group.empty()) {
        struct group* entry = getgrnam(access.group.c_str());
        if (!entry || chown(path.c_str(), static_cast<uid_t>(-1), entry->gr_gid) != 0) {
            close(fd);
            fail(spec, "cannot give the socket to group " + access.group);
        }
    }
    if (listen(fd, backlog) != 0) {
        int error = errno;
        close(fd);
        fail(spec, std::strerror(error));
    }
    return fd;
}

int open_tcp(const std::string& spec) {
    auto colon = spec.rfind(':');
    if (colon == std::string::npos) fail(spec, "expected unix:/path or ADDRESS:PORT");
    std::string host = spec.substr(0, colon);
    std::string port_text = spec.substr(colon + 1);
    char* end = nullptr;
    long port = std::strtol(port_text.c_str(), &end, 10);
    if (port_text.empty() || *end != '\0' || port < 1 || port > 65535) fail(spec, "bad port number");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    if (host.empty() || inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1)
        fail(spec, "expected an explicit IPv4 address such as 127.0.0.1");
    // Only the web server on this machine may talk FastCGI to authgate: a crafted record can
    // still abort libfcgi, so the socket must never be reachable from the network.
    if ((ntohl(address.sin_addr.s_addr) >> 24) != 127)
        fail(spec, "refusing to listen beyond this machine; use a 127.x.x.x address or a unix socket");
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) fail(spec, std::strerror(errno));
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 || listen(fd, backlog) != 0) {
        int error = errno;
        close(fd);
        fail(spec, std::strerror(error));
    }
    return fd;
}

bool is_listening_socket(int fd) {
    int accepting = 0;
    socklen_t size = sizeof accepting;
    return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &size) == 0 && accepting != 0;
}

}  // namespace

std::string unix_socket_path(const std::string& spec) {
    return spec.rfind("unix:", 0) == 0 ? spec.substr(5) : std::string();
}

int open_listen_socket(const std::string& spec, const UnixSocketAccess& access) {
    if (spec.rfind("unix:", 0) == 0) return open_unix(spec, unix_socket_path(spec), access);
    return open_tcp(spec);
}

int inherited_listen_socket() {
    const char* pid = std::getenv("LISTEN_PID");
    const char* fds = std::getenv("LISTEN_FDS");
    if (pid && fds && std::strtol(pid, nullptr, 10) == getpid() && std::strtol(fds, nullptr, 10) >= 1 &&
        is_listening_socket(3))
        return 3;
    if (is_listening_socket(0)) return 0;
    return -1;
}

}  // namespace authgate::server
