// response.cpp -- response headers: security defaults, cookies, and the CGI header block.
#include "http/response.h"

#include <stdexcept>
#include <strings.h>

namespace authgate::http {

void Response::add_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
}

namespace {

bool own_header(const Response& response, const std::string& name, std::string* value) {
    for (const auto& [key, text] : response.headers) {
        if (strcasecmp(key.c_str(), name.c_str()) != 0) continue;
        if (value) *value = text;
        return true;
    }
    return false;
}

// Looks `name` up in a block of "Name: value\r\n" lines.
bool block_header(std::string_view block, const std::string& name, std::string* value) {
    while (!block.empty()) {
        auto end = block.find("\r\n");
        std::string_view line = block.substr(0, end);
        block = end == std::string_view::npos ? std::string_view() : block.substr(end + 2);
        auto colon = line.find(": ");
        if (colon == std::string_view::npos || colon != name.size() ||
            strncasecmp(line.data(), name.data(), name.size()) != 0)
            continue;
        if (value) *value = std::string(line.substr(colon + 2));
        return true;
    }
    return false;
}

}  // namespace

std::string Response::header(const std::string& name) const {
    std::string value;
    if (!own_header(*this, name, &value)) block_header(standard_headers, name, &value);
    return value;
}

bool Response::has_header(const std::string& name) const {
    return own_header(*this, name, nullptr) || block_header(standard_headers, name, nullptr);
}

std::string reason_phrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 204: return "No Content";
        case 302: return "Found";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 411: return "Length Required";
        case 413: return "Payload Too Large";
        case 415: return "Unsupported Media Type";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Unknown";
    }
}

namespace {

bool is_cookie_token_char(unsigned char c) {
    return c > 0x20 && c < 0x7f && c != '=' && c != ';' && c != ',' && c != '"' && c != '\\';
}

bool is_cookie_value_char(unsigned char c) {
    return c > 0x20 && c < 0x7f && c != ';' && c != ',' && c != '"' && c != '\\';
}

const char* same_site_name(SameSite same_site) {
    switch (same_site) {
        case SameSite::strict: return "Strict";
        case SameSite::none: return "None";
        case SameSite::lax: break;
    }
    return "Lax";
}

bool has_line_break(const std::string& text) {
    // A plain loop: find_first_of with a two-character set costs several times as much.
    for (char c : text)
        if (c == '\r' || c == '\n') return true;
    return false;
}

}  // namespace

std::string format_set_cookie(const SetCookie& cookie) {
    if (cookie.name.empty()) throw std::invalid_argument("empty cookie name");
    for (unsigned char c : cookie.name)
        if (!is_cookie_token_char(c)) throw std::invalid_argument("bad character in cookie name");
    for (unsigned char c : cookie.value)
        if (!is_cookie_value_char(c)) throw std::invalid_argument("bad character in cookie value");
    for (unsigned char c : cookie.path)
        if (!is_cookie_value_char(c)) throw std::invalid_argument("bad character in cookie path");
    std::string out = cookie.name + "=" + cookie.value + "; Path=" + cookie.path;
    if (cookie.max_age_seconds) {
        out += "; Max-Age=" + std::to_string(*cookie.max_age_seconds);
        if (*cookie.max_age_seconds <= 0) out += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    }
    if (cookie.secure) out += "; Secure";
    if (cookie.http_only) out += "; HttpOnly";
    out += "; SameSite=";
    out += same_site_name(cookie.same_site);
    return out;
}

Response redirect(const std::string& location, int status) {
    if (has_line_break(location)) throw std::invalid_argument("line break in redirect location");
    Response response;
    response.status = status;
    response.add_header("Location", location);
    response.add_header("Content-Type", "text/plain; charset=utf-8");
    response.body = "Redirecting to " + location + "\n";
    return response;
}

namespace {

// The lines every finalized response carries, in four variants: with or without the default
// Content-Type, with or without HSTS. Built once; responses point at them.
std::string_view standard_block(bool default_content_type, bool https) {
    auto build = [](bool content_type, bool hsts) {
        std::string block;
        if (content_type) block += "Content-Type: text/html; charset=utf-8\r\n";
        block +=
            "X-Content-Type-Options: nosniff\r\n"
            "X-Frame-Options: DENY\r\n"
            "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            "base-uri 'none'; object-src 'none'\r\n"
            "Referrer-Policy: same-origin\r\n"
            "Cross-Origin-Opener-Policy: same-origin\r\n";
        if (hsts) block += "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n";
        return block;
    };
    static const std::string variants[4] = {build(false, false), build(true, false), build(false, true),
                                            build(true, true)};
    return variants[(default_content_type ? 1 : 0) + (https ? 2 : 0)];
}

}  // namespace

void finalize_headers(Response& response, bool https) {
    if (response.only_own_headers) return;
    bool needs_content_type = !own_header(response, "Content-Type", nullptr);
    response.standard_headers = standard_block(needs_content_type, https);
    if ((response.personal || !response.cookies.empty()) && !own_header(response, "Cache-Control", nullptr))
        response.add_header("Cache-Control", "no-store");
    // A known length lets the web server pass the body on as it is instead of re-framing it in chunks.
    if (!own_header(response, "Content-Length", nullptr))
        response.add_header("Content-Length", std::to_string(response.body.size()));
}

void append_head(std::string& out, const Response& response) {
    // Checked before anything is appended, so that a refused head leaves `out` as it was.
    for (const auto& [name, value] : response.headers)
        if (has_line_break(name) || has_line_break(value))
            throw std::invalid_argument("line break in response header " + name);
    std::vector<std::string> cookies;
    cookies.reserve(response.cookies.size());
    for (const auto& cookie : response.cookies) cookies.push_back(format_set_cookie(cookie));
    out += "Status: ";
    out += std::to_string(response.status);
    out += ' ';
    out += reason_phrase(response.status);
    out += "\r\n";
    for (const auto& [name, value] : response.headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += response.standard_headers;
    for (const auto& cookie : cookies) {
        out += "Set-Cookie: ";
        out += cookie;
        out += "\r\n";
    }
    out += "\r\n";
}

std::string serialize_head(const Response& response) {
    std::string head;
    head.reserve(512);
    append_head(head, response);
    return head;
}

}  // namespace authgate::http
