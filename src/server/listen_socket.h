// listen_socket.h -- the listening socket: opened from --listen, or inherited from spawn-fcgi/systemd.
#pragma once

#include <stdexcept>
#include <string>
#include <sys/types.h>

namespace authgate::server {

// A socket that cannot be opened; the message names the address and the reason.
class SocketError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct UnixSocketAccess {
    mode_t mode = 0660;   // permissions of the socket file
    std::string group;    // group owning the socket file; empty keeps the process's group
};

// Opens and listens on `spec`: "unix:/path/to.sock" or "127.x.x.x:PORT" (any other address,
// wildcards and an empty host included, is refused: only the web server on this machine may reach
// authgate). A stale unix socket file nobody listens on is replaced. Throws SocketError.
int open_listen_socket(const std::string& spec, const UnixSocketAccess& access);

// The listening socket handed over by the parent, or -1: fd 3 when systemd's LISTEN_FDS/LISTEN_PID
// name this process, else fd 0 when it is a listening socket (spawn-fcgi, mod_fcgid).
int inherited_listen_socket();

// The file path of a "unix:" spec, or "" for a TCP address.
std::string unix_socket_path(const std::string& spec);

}  // namespace authgate::server
