// response.h -- the HTTP response value type and its serialisation as a CGI/FastCGI header block.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace authgate::http {

enum class SameSite { lax, strict, none };

struct SetCookie {
    std::string name;
    std::string value;
    std::optional<long> max_age_seconds;  // absent: a session cookie; 0 deletes it
    bool http_only = true;
    bool secure = false;
    SameSite same_site = SameSite::lax;
    std::string path = "/";
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  // besides Status and Set-Cookie
    std::vector<SetCookie> cookies;
    std::string body;
    bool personal = false;  // a page about a user, or a form: must not be cached
    bool only_own_headers = false;  // finalize_headers adds nothing (a FastCGI authorizer's grant:
                                    // Apache passes every header on to the protected page)
    std::string_view standard_headers;  // header lines finalize_headers chose, written after `headers`
                                        // (constant text: the defaults cost no allocation per response)

    // Adds a header line (no check for duplicates).
    void add_header(std::string name, std::string value);
    // The value of the first header called `name` (case-insensitive), or "": the own headers
    // first, then the standard ones.
    std::string header(const std::string& name) const;
    // True when a header called `name` (case-insensitive) is present, own or standard.
    bool has_header(const std::string& name) const;
};

// The standard reason phrase for `status` ("Not Found"), or "Unknown".
std::string reason_phrase(int status);

// Formats one Set-Cookie header value. Throws std::invalid_argument when the name or value
// holds characters a cookie cannot carry (they would split the header).
std::string format_set_cookie(const SetCookie& cookie);

// A 302/303 response to `location` (which must already be safe and encoded).
Response redirect(const std::string& location, int status = 302);

// Unless only_own_headers: adds Content-Type (when missing), the security headers every response carries, HSTS when
// `https`, Cache-Control: no-store for personal responses and for any that set a cookie, and
// Content-Length (when missing) of the body as it is now: call it once the body is final.
void finalize_headers(Response& response, bool https);

// The CGI header block: "Status: ...\r\n", headers, Set-Cookie lines, then an empty line.
// Throws std::invalid_argument when a header or cookie could not be written safely.
std::string serialize_head(const Response& response);

// serialize_head() appended to `out` (left unchanged when it throws).
void append_head(std::string& out, const Response& response);

}  // namespace authgate::http
