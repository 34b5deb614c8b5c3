// request_parser.cpp -- cgicc over an in-memory CgiInput: body fields, query fields, cookies, path.
#include "http/request_parser.h"

#include <algorithm>
#include <cctype>
#include <cgicc/CgiEnvironment.h>
#include <cgicc/CgiInput.h>
#include <cgicc/Cgicc.h>
#include <cgicc/HTTPCookie.h>

#include "http/cookie_header.h"
#include "http/url.h"

namespace authgate::http {

namespace {

// Feeds cgicc from copied parameters and body, with a few parameters overridden so that one
// parse sees only the body and another only the query string.
class MemoryInput : public cgicc::CgiInput {
public:
    MemoryInput(const Params& params, const std::string& body,
                std::map<std::string, std::string> overrides)
        : params_(params), body_(body), overrides_(std::move(overrides)) {}

    size_t read(char* data, size_t length) override {
        size_t count = std::min(length, body_.size() - position_);
        std::copy_n(body_.data() + position_, count, data);
        position_ += count;
        return count;
    }

    std::string getenv(const char* name) override {
        auto override_it = overrides_.find(name);
        if (override_it != overrides_.end()) return override_it->second;
        return params_.value(name);
    }

private:
    const Params& params_;
    const std::string& body_;
    std::map<std::string, std::string> overrides_;
    size_t position_ = 0;
};

std::string param(const RawRequest& raw, std::string_view name) {
    return raw.params.value(name);
}

Fields fields_of(const cgicc::Cgicc& parsed) {
    Fields fields;
    for (const auto& entry : *parsed)
        fields.emplace_back(entry.getName(), entry.getValue());
    for (const auto& file : parsed.getFiles())
        fields.emplace_back(file.getName(), file.getData());
    return fields;
}

// The request path: PATH_INFO when a web server set one (CGI under Apache), else the path part
// of REQUEST_URI, else DOCUMENT_URI; percent-decoded.
std::string request_path(const RawRequest& raw) {
    std::string path = param(raw, "PATH_INFO");
    if (path.empty()) {
        std::string uri = param(raw, "REQUEST_URI");
        if (!uri.empty()) {
            auto decoded = percent_decode(uri.substr(0, uri.find('?')));
            if (!decoded) throw BadRequest("malformed escape in the request path");
            path = *decoded;
        } else {
            path = param(raw, "DOCUMENT_URI");
        }
    }
    if (path.empty()) path = "/";
    if (path[0] != '/') throw BadRequest("request path does not start with '/'");
    if (path.find('\0') != std::string::npos) throw BadRequest("NUL in the request path");
    return path;
}

// cgicc quietly accepts many broken multipart bodies; check the outline first: a boundary in the
// content type, the body opening with it, every part's headers ended by a blank line, and the
// closing delimiter present.
// Returns the boundary, unquoted.
std::string check_multipart_outline(const std::string& content_type, const std::string& body) {
    auto at = content_type.find("boundary=");
    if (at == std::string::npos) throw BadRequest("multipart body without a boundary");
    std::string boundary = content_type.substr(at + 9);
    boundary = boundary.substr(0, boundary.find(';'));
    if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
        boundary = boundary.substr(1, boundary.size() - 2);
    if (boundary.empty() || boundary.size() > 200 || boundary.find('"') != std::string::npos)
        throw BadRequest("multipart body with a bad boundary");
    const std::string delimiter = "--" + boundary;
    if (body.compare(0, delimiter.size(), delimiter) != 0) throw BadRequest("multipart body does not open with its boundary");
    const std::string closing = "\r\n" + delimiter + "--";
    auto end = body.rfind(closing);
    if (end == std::string::npos) throw BadRequest("multipart body is not closed");
    std::size_t part = delimiter.size();
    while (part < end) {
        if (body.compare(part, 2, "\r\n") != 0) throw BadRequest("malformed multipart delimiter");
        auto headers_end = body.find("\r\n\r\n", part);
        if (headers_end == std::string::npos || headers_end > end) throw BadRequest("multipart part without headers");
        auto next = body.find("\r\n" + delimiter, headers_end);
        if (next == std::string::npos) throw BadRequest("multipart part is not closed");
        part = next + 2 + delimiter.size();
    }
    return boundary;
}

bool is_https(const RawRequest& raw) {
    std::string https = param(raw, "HTTPS");
    std::transform(https.begin(), https.end(), https.begin(), ::tolower);
    return https == "on" || https == "1" || param(raw, "REQUEST_SCHEME") == "https";
}

}  // namespace

Request parse_request(RawRequest raw) {
    Request request;
    request.method = param(raw, "REQUEST_METHOD");
    if (request.method.empty()) request.method = "GET";
    for (char c : request.method)
        if (!std::isupper(static_cast<unsigned char>(c))) throw BadRequest("malformed request method");
    request.path = request_path(raw);
    request.query_string = param(raw, "QUERY_STRING");
    request.raw_target = param(raw, "REQUEST_URI");
    if (request.raw_target.empty())
        request.raw_target = request.path + (request.query_string.empty() ? "" : "?" + request.query_string);
    request.remote_addr = param(raw, "REMOTE_ADDR");
    request.user_agent = param(raw, "HTTP_USER_AGENT");
    request.host = param(raw, "HTTP_HOST");
    request.https = is_https(raw);
    request.authorizer = param(raw, "FCGI_ROLE") == "AUTHORIZER";
    // The first of several cookies with one name wins.
    for (auto& [name, value] : parse_cookie_header(param(raw, "HTTP_COOKIE")))
        request.cookies.emplace(std::move(name), std::move(value));

    // cgicc builds a whole CGI environment per parse: only run it when there is a query or a body.
    const std::string no_body;
    try {
        if (!request.query_string.empty()) {
            MemoryInput query_input(raw.params, no_body,
                                    {{"REQUEST_METHOD", "GET"}, {"CONTENT_LENGTH", "0"}, {"CONTENT_TYPE", ""}});
            cgicc::Cgicc query_parse(&query_input);
            request.query = fields_of(query_parse);
        }

        if (!raw.body.empty()) {
            std::string content_type = param(raw, "CONTENT_TYPE");
            // cgicc does not unquote a quoted boundary: hand it the plain form.
            if (content_type.rfind("multipart/form-data", 0) == 0)
                content_type = "multipart/form-data; boundary=" + check_multipart_outline(content_type, raw.body);
            MemoryInput body_input(raw.params, raw.body,
                                   {{"REQUEST_METHOD", "POST"}, {"QUERY_STRING", ""}, {"CONTENT_TYPE", content_type},
                                    {"CONTENT_LENGTH", std::to_string(raw.body.size())}});
            cgicc::Cgicc body_parse(&body_input);
            request.form = fields_of(body_parse);
        }
    } catch (const std::exception& error) {
        throw BadRequest(std::string("malformed request: ") + error.what());
    }
    request.params = std::move(raw.params);
    return request;
}

}  // namespace authgate::http
