// fuzz_request_parser.cpp -- libFuzzer target: arbitrary CGI parameters and body through http::parse_request.
// Input: see request_input.h (e.g. "REQUEST_METHOD=POST\nCONTENT_TYPE=...\nHTTP_COOKIE=...\n\nBODY").
// parse_request may only throw http::BadRequest; anything else escaping, or a crash, is a finding.
#include <cctype>

#include "request_input.h"

using namespace authgate;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const http::RawRequest raw = fuzz::raw_request_from(fuzz::as_text(data, size));
    try {
        const http::Request request = http::parse_request(raw);
        fuzz::require(!request.path.empty() && request.path[0] == '/', "the path starts with '/'");
        fuzz::require(request.path.find('\0') == std::string::npos, "the path holds no NUL");
        fuzz::require(!request.method.empty(), "the method is never empty");
        for (char c : request.method)
            fuzz::require(std::isupper(static_cast<unsigned char>(c)) != 0, "the method is upper-case letters");
        fuzz::require(!raw.body.empty() || request.form.empty(), "form fields come from the body only");
        fuzz::require(!raw.params.find("QUERY_STRING").empty() || request.query.empty(),
                      "query fields come from QUERY_STRING only");
        fuzz::require(!raw.params.find("HTTP_COOKIE").empty() || request.cookies.empty(),
                      "cookies come from HTTP_COOKIE only");
    } catch (const http::BadRequest&) {
        // A malformed request: the front end answers 400.
    }
    return 0;
}
