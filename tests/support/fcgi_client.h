// fcgi_client.h -- a raw FastCGI client, to talk to authgate's socket without nginx in between.
#pragma once

#include <map>
#include <string>

namespace authgate::test {

class FcgiClient {
public:
    // Connects to a unix socket path. Throws std::runtime_error on failure.
    explicit FcgiClient(const std::string& socket_path);
    ~FcgiClient();
    FcgiClient(const FcgiClient&) = delete;
    FcgiClient& operator=(const FcgiClient&) = delete;

    // Sends BEGIN_REQUEST and every parameter, then the empty PARAMS record.
    void begin(const std::map<std::string, std::string>& params);
    // Sends `data` as STDIN records (the body may be split over several calls).
    void send_stdin(const std::string& data);
    // Sends the empty STDIN record that ends the body.
    void end_stdin();
    // Sends raw bytes as they are (for malformed records).
    void send_raw(const std::string& bytes);
    // Reads STDOUT until END_REQUEST or the connection closes (at most `timeout_seconds`).
    std::string read_response(int timeout_seconds = 20);
    // After the response: waits (at most `timeout_seconds`) for the end of the connection, then
    // tells how authgate left it: true when it closed its end (a write now fails), false when it
    // only shut its sending side and still waits for this client's end of file.
    bool closed_by_peer(int timeout_seconds = 5);

    // One whole request: params, body, response.
    static std::string round_trip(const std::string& socket_path, const std::map<std::string, std::string>& params,
                                  const std::string& body = "");

private:
    void send_record(unsigned char type, const std::string& content);
    int fd_;
};

}  // namespace authgate::test
