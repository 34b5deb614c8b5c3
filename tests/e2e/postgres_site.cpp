// postgres_site.cpp -- starting authgate hosts on a throwaway PostgreSQL server, and talking to one
// host's FastCGI socket directly.
#include "postgres_site.h"

#include <stdexcept>

#include "support/fcgi_client.h"
#include "support/http_client.h"

namespace authgate::test {

ServerOptions postgres_site_options(const std::string& database, int hosts, std::vector<std::string> authgate_args) {
    ServerOptions options;
    options.database = database;
    options.hosts = hosts;
    options.authgate_args = std::move(authgate_args);
    options.nginx_extra_server = "add_header X-Upstream $upstream_addr always;";
    return options;
}

PostgresSite::PostgresSite(int hosts, std::vector<std::string> authgate_args)
    : server(std::make_unique<TestServer>(postgres_site_options(postgres.uri(), hosts, std::move(authgate_args)))) {}

DirectAnswer direct_request(const std::string& socket, const std::string& method, const std::string& path,
                            std::map<std::string, std::string>& cookies,
                            const std::vector<std::pair<std::string, std::string>>& form) {
    std::string cookie_line;
    for (const auto& [name, value] : cookies) cookie_line += (cookie_line.empty() ? "" : "; ") + name + "=" + value;
    std::string body = method == "POST" ? HttpClient::encode_form(form) : "";
    auto query_at = path.find('?');
    std::map<std::string, std::string> params = {
        {"REQUEST_METHOD", method},
        {"REQUEST_URI", path},
        {"SCRIPT_NAME", path.substr(0, query_at)},
        {"DOCUMENT_URI", path.substr(0, query_at)},
        {"QUERY_STRING", query_at == std::string::npos ? "" : path.substr(query_at + 1)},
        {"REMOTE_ADDR", "127.0.0.1"},
        {"SERVER_PROTOCOL", "HTTP/1.1"},
        {"HTTP_HOST", "127.0.0.1"},
        {"CONTENT_LENGTH", std::to_string(body.size())},
    };
    if (method == "POST") params["CONTENT_TYPE"] = "application/x-www-form-urlencoded";
    if (!cookie_line.empty()) params["HTTP_COOKIE"] = cookie_line;
    std::string raw = FcgiClient::round_trip(socket, params, body);

    DirectAnswer answer;
    auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) throw std::runtime_error("no CGI header block from " + socket + ": " + raw);
    answer.body = raw.substr(head_end + 4);
    answer.status = 200;
    std::size_t at = 0;
    while (at < head_end) {
        auto end = raw.find("\r\n", at);
        std::string line = raw.substr(at, end - at);
        at = end + 2;
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        if (name == "Status") answer.status = std::stoi(value);
        if (name == "Location") answer.location = value;
        if (name == "Set-Cookie") {
            answer.set_cookies.push_back(value);
            auto equals = value.find('=');
            auto semicolon = value.find(';');
            std::string cookie = value.substr(0, equals);
            std::string content = value.substr(equals + 1, semicolon == std::string::npos ? std::string::npos
                                                                                           : semicolon - equals - 1);
            if (value.find("Max-Age=0") != std::string::npos || content.empty())
                cookies.erase(cookie);
            else
                cookies[cookie] = content;
        }
    }
    return answer;
}

}  // namespace authgate::test
