// fuzz_form_cookie.cpp -- libFuzzer target: urlencoded and multipart form bodies and Cookie headers
// through http::parse_request. Input: one mode byte ('u' urlencoded, 'm' multipart, 'c' cookie; any
// other byte picks by its value modulo 3), then for 'm' the boundary up to the first "\n", then the
// body or the Cookie header.
#include <algorithm>

#include "request_input.h"

using namespace authgate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string_view rest = fuzz::as_text(data + 1, size - 1);
    const char mode = data[0] == 'u' || data[0] == 'm' || data[0] == 'c' ? static_cast<char>(data[0])
                                                                         : "umc"[data[0] % 3];
    http::RawRequest raw;
    raw.params = {{"REQUEST_METHOD", "POST"}, {"REQUEST_URI", "/login"}, {"REMOTE_ADDR", "127.0.0.1"}};
    if (mode == 'u') {
        raw.params.set("CONTENT_TYPE", "application/x-www-form-urlencoded");
        raw.body.assign(rest);
    } else if (mode == 'm') {
        std::size_t newline = std::min(rest.find('\n'), rest.size());
        raw.params.set("CONTENT_TYPE", "multipart/form-data; boundary=" + std::string(rest.substr(0, newline)));
        raw.body.assign(rest.substr(std::min(newline + 1, rest.size())));
    } else {
        raw.params.set("REQUEST_METHOD", "GET");
        raw.params.set("HTTP_COOKIE", rest);
    }
    raw.params.set("CONTENT_LENGTH", std::to_string(raw.body.size()));
    try {
        const http::Request request = http::parse_request(raw);
        fuzz::require(request.query.empty(), "no query fields without a query string");
        if (mode == 'c') {
            fuzz::require(request.form.empty(), "a cookie header makes no form fields");
        } else {
            fuzz::require(request.cookies.empty(), "a body makes no cookies");
        }
        if (mode == 'u') {
            std::size_t separators = std::count(raw.body.begin(), raw.body.end(), '&') +
                                     std::count(raw.body.begin(), raw.body.end(), ';');
            fuzz::require(request.form.size() <= separators + 1, "no more fields than the body has pairs");
        }
        for (const auto& [name, value] : request.form)
            fuzz::require(name.size() + value.size() <= raw.body.size() + 1, "no field outgrows the body");
    } catch (const http::BadRequest&) {
        // A malformed body: the front end answers 400.
    }
    return 0;
}
