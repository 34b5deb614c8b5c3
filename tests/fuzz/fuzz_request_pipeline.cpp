// fuzz_request_pipeline.cpp -- libFuzzer target: server::serve_request (size limit, body reading,
// parsing, error pages, header serialisation) with a stub handler that echoes request values into
// headers, a cookie and the body. Input: a byte choosing the read size (1-64), a byte choosing
// max_body (16, 256, 4096 or 65536), then parameters and body as in request_input.h.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <stdexcept>

#include "request_input.h"
#include "http/request_handler.h"
#include "server/request_pipeline.h"

using namespace authgate;

namespace {

class EchoHandler : public http::RequestHandler {
public:
    http::Response handle(const http::Request& request) override {
        if (request.method == "DELETE") throw std::runtime_error("the handler failed");
        http::Response response;
        response.status = request.method == "POST" ? 422 : 200;
        response.add_header("X-Echo-Path", request.path);
        response.add_header("X-Echo-Next", request.query_value("next"));
        response.cookies.push_back({"echo", request.cookie("echo")});
        response.body = request.form_value("text");
        response.personal = !request.form.empty();
        return response;
    }
    http::Response error_page(int status, const std::string&) noexcept override {
        http::Response response;
        response.status = status;
        response.body = "error page\n";
        return response;
    }
};

// The declared body length as a number when it is all digits (saturating), or -1 when malformed.
long double declared_length(const http::Params& params) {
    std::string_view text = params.find("CONTENT_LENGTH");
    if (text.empty()) return 0;
    long double value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::cerr.rdbuf(nullptr);  // the pipeline logs every 500 on stderr
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::size_t read_size = data[0] % 64 + 1;
    static const std::size_t limits[] = {16, 256, 4096, 65536};
    const std::size_t max_body = limits[data[1] % 4];
    const http::RawRequest raw = fuzz::raw_request_from(fuzz::as_text(data + 2, size - 2));

    std::size_t position = 0;
    server::BodyReader read_body = [&](char* buffer, std::size_t wanted) -> std::size_t {
        std::size_t n = std::min({wanted, read_size, raw.body.size() - position});
        std::copy_n(raw.body.data() + position, n, buffer);
        position += n;
        return n;
    };
    EchoHandler handler;
    const std::string output = server::serve_request(raw.params, read_body, handler, max_body);

    fuzz::require(output.rfind("Status: ", 0) == 0, "the output starts with a Status line");
    fuzz::require(output.size() >= 12 && std::isdigit(static_cast<unsigned char>(output[8])) &&
                      std::isdigit(static_cast<unsigned char>(output[9])) &&
                      std::isdigit(static_cast<unsigned char>(output[10])) && output[11] == ' ',
                  "the status is three digits");
    const std::size_t head_end = output.find("\r\n\r\n");
    fuzz::require(head_end != std::string::npos, "the header block ends with an empty line");
    for (std::size_t i = 0; i < head_end; ++i) {
        if (output[i] == '\r') fuzz::require(output[i + 1] == '\n', "a CR in the head starts a CRLF");
        if (output[i] == '\n') fuzz::require(i > 0 && output[i - 1] == '\r', "an LF in the head ends a CRLF");
    }
    const int status = std::stoi(output.substr(8, 3));
    const long double declared = declared_length(raw.params);
    if (declared < 0) fuzz::require(status == 400, "a malformed CONTENT_LENGTH gets 400");
    if (declared > static_cast<long double>(max_body))
        fuzz::require(status == 400 || status == 413, "a CONTENT_LENGTH above the limit gets 413 (or 400)");
    return 0;
}
