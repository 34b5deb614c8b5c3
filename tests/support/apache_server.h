// apache_server.h -- starts Debian's Apache httpd in a temporary directory with one of the shipped
// apache/*.conf sites, its paths pointed at the build and the test's files.
#pragma once

#include <string>
#include <sys/types.h>

#include "support/test_server.h"

namespace authgate::test {

// How Apache reaches authgate; each names the shipped site file it is configured from.
enum class ApacheMode {
    proxy_fcgi,  // apache/authgate-proxy-fcgi.conf: authgate listens on a unix socket
    fcgid,       // apache/authgate-fcgid.conf: mod_fcgid spawns authgate (socket on fd 0)
    cgi,         // apache/authgate-cgi.conf with apache/authgate.cgi: one authgate per request
};

class ApacheServer {
public:
    explicit ApacheServer(ApacheMode mode);
    ~ApacheServer();
    ApacheServer(const ApacheServer&) = delete;
    ApacheServer& operator=(const ApacheServer&) = delete;

    // "http://127.0.0.1:PORT"
    std::string base_url() const;
    const std::string& dir() const { return dir_.path(); }
    // The database every authgate of this server uses.
    std::string database() const;
    // The socket the config file names in the fcgid and CGI modes; the inherited one must win.
    std::string unused_socket() const;
    // Apache's error log and authgate's stderr (proxy_fcgi mode), for failure messages.
    std::string logs() const;

private:
    void write_authgate_files();
    void start_authgate();
    void write_httpd_config();
    void start_httpd();

    ApacheMode mode_;
    TempDir dir_;
    int port_ = 0;
    pid_t authgate_pid_ = -1;
    pid_t httpd_pid_ = -1;
};

}  // namespace authgate::test
