// http_client.h -- a small libcurl HTTP client with a cookie jar, for the end-to-end tests.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace authgate::test {

using FormFields = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
    long status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
    std::string body;

    // The first header `name` (any case), or "".
    std::string header(const std::string& name) const;
    // Every header `name` (any case), in order.
    std::vector<std::string> headers_named(const std::string& name) const;
    // The full Set-Cookie line for cookie `cookie_name`, or "".
    std::string set_cookie(const std::string& cookie_name) const;
};

class HttpClient {
public:
    // `base` is "http://127.0.0.1:PORT". Redirects are never followed.
    explicit HttpClient(std::string base);

    HttpResponse get(const std::string& path, const std::vector<std::string>& headers = {});
    // POSTs fields as application/x-www-form-urlencoded.
    HttpResponse post(const std::string& path, const FormFields& fields, const std::vector<std::string>& headers = {});
    // Any method with a raw body and extra header lines ("Name: value").
    HttpResponse request(const std::string& method, const std::string& path, const std::string& body,
                         const std::vector<std::string>& headers);

    // The cookie jar: updated from every Set-Cookie, sent with every request.
    std::map<std::string, std::string> cookies;
    // A request not answered within this many seconds throws std::runtime_error.
    long timeout_seconds = 60;

    // application/x-www-form-urlencoded encoding of `fields`.
    static std::string encode_form(const FormFields& fields);

private:
    std::string base_;
};

// The value of <input name="NAME" value="..."> in an HTML page, or "".
std::string input_value(const std::string& html, const std::string& name);

}  // namespace authgate::test
