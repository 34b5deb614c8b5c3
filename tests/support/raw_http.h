// raw_http.h -- byte-exact requests over TCP or a unix socket, for what libcurl will not send.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace authgate::test {

// A connected stream socket that sends bytes as they are and reads with a deadline.
class RawSocket {
public:
    // Connects to 127.0.0.1:`port`. Throws std::runtime_error on failure.
    static RawSocket tcp(int port);
    // Connects to the unix socket at `path`. Throws std::runtime_error on failure.
    static RawSocket unix_socket(const std::string& path);

    ~RawSocket();
    RawSocket(RawSocket&& other) noexcept;
    RawSocket& operator=(RawSocket&& other) noexcept;
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;

    // Sends every byte; false when the peer closed or reset the connection first.
    bool send_all(const std::string& bytes);
    // Ends the sending side (the peer reads end-of-file), keeping the reading side open.
    void close_write();
    // Reads what arrives until the peer closes, `complete(received)` is true, or `timeout_ms`
    // passes; `timed_out` (when given) tells whether the deadline ended it.
    template <typename Complete>
    std::string read_until(Complete complete, int timeout_ms, bool* timed_out = nullptr);
    // Reads until the peer closes or `timeout_ms` passes.
    std::string read_all(int timeout_ms, bool* timed_out = nullptr);

private:
    explicit RawSocket(int fd) : fd_(fd) {}
    // One read of at most `size` bytes waiting up to `timeout_ms`: >0 bytes, 0 closed, -1 timeout.
    long read_some(char* buffer, unsigned long size, int timeout_ms);
    int fd_ = -1;
};

// A response read off the wire: status 0 when nothing (or no status line) arrived.
struct RawHttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
    std::string body;
    std::string raw;         // every byte received
    bool timed_out = false;  // the deadline passed before the response was complete or the peer closed

    // The first header `name` (any case), or "".
    std::string header(const std::string& name) const;
};

// Takes apart an HTTP/1.x response (status line, headers, body; a chunked body is decoded).
RawHttpResponse parse_http_response(const std::string& raw);

// True when `raw` holds a whole HTTP/1.x response (by Content-Length, chunked end, or a status
// that has no body).
bool http_response_complete(const std::string& raw);

// How the client behaves once the request bytes are sent.
enum class AfterSending {
    read,        // keep the connection open and read the answer
    close_write  // half-close (the server sees end-of-file), then read the answer
};

// Connects to 127.0.0.1:`port`, sends `request` byte for byte and reads one response, waiting at
// most `timeout_ms` for it.
RawHttpResponse raw_http_exchange(int port, const std::string& request, int timeout_ms = 5000,
                                  AfterSending after = AfterSending::read);

template <typename Complete>
std::string RawSocket::read_until(Complete complete, int timeout_ms, bool* timed_out) {
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::milliseconds(timeout_ms);
    std::string received;
    char buffer[65536];
    if (timed_out) *timed_out = false;
    for (;;) {
        if (complete(received)) return received;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
        long n = read_some(buffer, sizeof buffer, left > 0 ? static_cast<int>(left) : 0);
        if (n < 0) {
            if (timed_out) *timed_out = true;
            return received;
        }
        if (n == 0) return received;
        received.append(buffer, static_cast<std::size_t>(n));
    }
}

}  // namespace authgate::test
