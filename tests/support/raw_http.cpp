// raw_http.cpp -- plain sockets, poll() deadlines and a small HTTP/1.x response reader.
#include "support/text_util.h"
#include "support/raw_http.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace authgate::test {

namespace {

// Decodes a chunked body into `out`; false when it is not complete (or not valid) yet.
bool decode_chunked(const std::string& data, std::string& out) {
    std::size_t at = 0;
    out.clear();
    for (;;) {
        auto line_end = data.find("\r\n", at);
        if (line_end == std::string::npos) return false;
        std::string size_text = data.substr(at, line_end - at);
        size_text = size_text.substr(0, size_text.find(';'));
        std::size_t size = 0;
        try {
            size = std::stoul(size_text, nullptr, 16);
        } catch (const std::exception&) {
            return false;
        }
        at = line_end + 2;
        if (size == 0) return data.find("\r\n", at) != std::string::npos;
        if (data.size() < at + size + 2) return false;
        out.append(data, at, size);
        at += size + 2;
    }
}

struct Head {
    bool whole = false;
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::size_t body_at = 0;
};

Head read_head(const std::string& raw) {
    Head head;
    auto end = raw.find("\r\n\r\n");
    if (end == std::string::npos) return head;
    head.whole = true;
    head.body_at = end + 4;
    std::size_t at = 0;
    bool first = true;
    while (at < end) {
        auto line_end = raw.find("\r\n", at);
        std::string line = raw.substr(at, line_end - at);
        at = line_end + 2;
        if (first) {
            first = false;
            if (line.rfind("HTTP/", 0) == 0 && line.size() >= 12) {
                try {
                    head.status = std::stoi(line.substr(9, 3));
                } catch (const std::exception&) {
                    head.status = 0;
                }
            }
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        head.headers.emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
    }
    return head;
}

std::string find_header(const std::vector<std::pair<std::string, std::string>>& headers, const std::string& name) {
    std::string key = lower(name);
    for (const auto& [header_name, value] : headers)
        if (header_name == key) return value;
    return "";
}

}  // namespace

RawSocket RawSocket::tcp(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        if (fd >= 0) close(fd);
        throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
    }
    return RawSocket(fd);
}

RawSocket RawSocket::unix_socket(const std::string& path) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    if (fd < 0 || connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        if (fd >= 0) close(fd);
        throw std::runtime_error("cannot connect to " + path);
    }
    return RawSocket(fd);
}

RawSocket::~RawSocket() {
    if (fd_ >= 0) close(fd_);
}

RawSocket::RawSocket(RawSocket&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

RawSocket& RawSocket::operator=(RawSocket&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

bool RawSocket::send_all(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

void RawSocket::close_write() {
    shutdown(fd_, SHUT_WR);
}

long RawSocket::read_some(char* buffer, unsigned long size, int timeout_ms) {
    pollfd waiting{fd_, POLLIN, 0};
    int ready = poll(&waiting, 1, timeout_ms);
    if (ready == 0) return -1;
    if (ready < 0) return errno == EINTR ? read_some(buffer, size, 0) : 0;
    ssize_t n = recv(fd_, buffer, size, 0);
    return n > 0 ? static_cast<long>(n) : 0;  // an error (e.g. a reset) reads as closed
}

std::string RawSocket::read_all(int timeout_ms, bool* timed_out) {
    return read_until([](const std::string&) { return false; }, timeout_ms, timed_out);
}

std::string RawHttpResponse::header(const std::string& name) const {
    return find_header(headers, name);
}

bool http_response_complete(const std::string& raw) {
    Head head = read_head(raw);
    if (!head.whole) return false;
    if (head.status == 204 || head.status == 304 || (head.status >= 100 && head.status < 200)) return true;
    std::string length = find_header(head.headers, "content-length");
    if (!length.empty()) {
        try {
            return raw.size() - head.body_at >= std::stoul(length);
        } catch (const std::exception&) {
            return false;
        }
    }
    if (lower(find_header(head.headers, "transfer-encoding")).find("chunked") != std::string::npos) {
        std::string body;
        return decode_chunked(raw.substr(head.body_at), body);
    }
    return false;  // the body ends when the connection closes
}

RawHttpResponse parse_http_response(const std::string& raw) {
    RawHttpResponse response;
    response.raw = raw;
    Head head = read_head(raw);
    if (!head.whole) return response;
    response.status = head.status;
    response.headers = head.headers;
    response.body = raw.substr(head.body_at);
    if (lower(response.header("transfer-encoding")).find("chunked") != std::string::npos) {
        std::string decoded;
        if (decode_chunked(response.body, decoded)) response.body = decoded;
    }
    return response;
}

RawHttpResponse raw_http_exchange(int port, const std::string& request, int timeout_ms, AfterSending after) {
    RawSocket socket = RawSocket::tcp(port);
    socket.send_all(request);  // the server may answer and close before it has read everything
    if (after == AfterSending::close_write) socket.close_write();
    bool timed_out = false;
    std::string raw = socket.read_until(http_response_complete, timeout_ms, &timed_out);
    RawHttpResponse response = parse_http_response(raw);
    response.timed_out = timed_out;
    return response;
}

}  // namespace authgate::test
