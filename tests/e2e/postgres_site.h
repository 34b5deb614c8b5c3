// postgres_site.h -- authgate on a throwaway PostgreSQL server for the end-to-end tests: one host
// or several behind one nginx upstream, and requests sent straight to one host's socket.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/postgres_server.h"
#include "support/test_server.h"

namespace authgate::test {

// A PostgreSQL server, then `hosts` authgate processes on its `authgate` database (with
// `authgate_args`) behind one nginx. The server is declared first: it outlives the hosts.
struct PostgresSite {
    explicit PostgresSite(int hosts = 1, std::vector<std::string> authgate_args = {});
    PostgresServer postgres;
    std::unique_ptr<TestServer> server;
};

// ServerOptions for `hosts` hosts on `database` with `authgate_args`; nginx adds an
// X-Upstream header naming the socket that answered (unix:PATH).
ServerOptions postgres_site_options(const std::string& database, int hosts, std::vector<std::string> authgate_args);

// What a host answered to a request sent straight to its FastCGI socket.
struct DirectAnswer {
    int status = 0;
    std::string location;
    std::vector<std::string> set_cookies;
    std::string body;
};

// One request to the socket `socket` without nginx, as from 127.0.0.1 with `cookies` (e.g. an
// HttpClient's jar); a POST sends `form` urlencoded. Cookies the answer sets are put into `cookies`.
DirectAnswer direct_request(const std::string& socket, const std::string& method, const std::string& path,
                            std::map<std::string, std::string>& cookies,
                            const std::vector<std::pair<std::string, std::string>>& form = {});

}  // namespace authgate::test
