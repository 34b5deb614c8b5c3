// fcgi_client.cpp -- FastCGI record encoding (responder role, request id 1).
#include "support/fcgi_client.h"

#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <cstring>

namespace authgate::test {

namespace {

const unsigned char begin_request = 1, end_request = 3, params_type = 4, stdin_type = 5, stdout_type = 6;

void append_length(std::string& out, size_t length) {
    if (length < 128) {
        out.push_back(static_cast<char>(length));
    } else {
        out.push_back(static_cast<char>(((length >> 24) & 0x7f) | 0x80));
        out.push_back(static_cast<char>((length >> 16) & 0xff));
        out.push_back(static_cast<char>((length >> 8) & 0xff));
        out.push_back(static_cast<char>(length & 0xff));
    }
}

}  // namespace

FcgiClient::FcgiClient(const std::string& socket_path) {
    fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
    if (fd_ < 0 || connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        if (fd_ >= 0) close(fd_);
        throw std::runtime_error("cannot connect to " + socket_path);
    }
}

FcgiClient::~FcgiClient() {
    close(fd_);
}

void FcgiClient::send_raw(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) throw std::runtime_error("FastCGI send failed");
        sent += static_cast<size_t>(n);
    }
}

void FcgiClient::send_record(unsigned char type, const std::string& content) {
    size_t offset = 0;
    do {
        size_t chunk = std::min<size_t>(content.size() - offset, 65535);
        std::string record = {1, static_cast<char>(type), 0, 1, static_cast<char>(chunk >> 8),
                              static_cast<char>(chunk & 0xff), 0, 0};
        record += content.substr(offset, chunk);
        send_raw(record);
        offset += chunk;
    } while (offset < content.size());
}

void FcgiClient::begin(const std::map<std::string, std::string>& params) {
    send_record(begin_request, std::string({0, 1, 0, 0, 0, 0, 0, 0}));
    std::string encoded;
    for (const auto& [name, value] : params) {
        append_length(encoded, name.size());
        append_length(encoded, value.size());
        encoded += name + value;
    }
    if (!encoded.empty()) send_record(params_type, encoded);
    send_record(params_type, "");
}

void FcgiClient::send_stdin(const std::string& data) {
    if (!data.empty()) send_record(stdin_type, data);
}

void FcgiClient::end_stdin() {
    send_record(stdin_type, "");
}

std::string FcgiClient::read_response(int timeout_seconds) {
    std::string buffer;
    std::string output;
    char chunk[65536];
    for (;;) {
        while (buffer.size() >= 8) {
            auto type = static_cast<unsigned char>(buffer[1]);
            size_t length = (static_cast<unsigned char>(buffer[4]) << 8) | static_cast<unsigned char>(buffer[5]);
            size_t padding = static_cast<unsigned char>(buffer[6]);
            if (buffer.size() < 8 + length + padding) break;
            if (type == stdout_type) output += buffer.substr(8, length);
            buffer.erase(0, 8 + length + padding);
            if (type == end_request) return output;
        }
        pollfd waiting{fd_, POLLIN, 0};
        if (poll(&waiting, 1, timeout_seconds * 1000) <= 0) return output;
        ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return output;
        buffer.append(chunk, static_cast<size_t>(n));
    }
}

bool FcgiClient::closed_by_peer(int timeout_seconds) {
    char chunk[4096];
    for (;;) {
        pollfd waiting{fd_, POLLIN, 0};
        if (poll(&waiting, 1, timeout_seconds * 1000) <= 0) throw std::runtime_error("the connection stayed open");
        ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
        if (n == 0) break;
        if (n < 0) return true;
    }
    // A unix socket whose other end is closed refuses writes with EPIPE at once; a half-closed one
    // (shut down for writing only) still takes them.
    return send(fd_, "x", 1, MSG_NOSIGNAL) < 0;
}

std::string FcgiClient::round_trip(const std::string& socket_path, const std::map<std::string, std::string>& params,
                                   const std::string& body) {
    FcgiClient client(socket_path);
    client.begin(params);
    client.send_stdin(body);
    client.end_stdin();
    return client.read_response();
}

}  // namespace authgate::test
