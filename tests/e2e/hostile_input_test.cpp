// hostile_input_test.cpp -- malformed and hostile requests through nginx (libcurl and raw TCP) and
// straight to authgate's FastCGI socket: each gets a 4xx (never a 5xx, never a hang), authgate keeps
// answering, and the database changes only when the request was a valid one.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "support/auth_flow.h"
#include "support/fcgi_client.h"
#include "support/http_client.h"
#include "support/raw_http.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

// Known limitation, left out of the tables below because it kills the process: Debian's libfcgi
// 2.4.2-2+deb12u1 patches CVE-2025-23016 by refusing a name or value length of exactly 2^31-1, but
// ReadParams still calls malloc(nameLen + valueLen + 2) in int arithmetic, so any pair of lengths
// whose sum plus 2 reaches 2^31 asks for a negative size and Malloc() aborts the whole process
// ("fcgiapp.c:75: Malloc: Assertion `size == 0 || result != NULL' failed"). These 32 bytes do it:
//   01 01 00 01 00 08 00 00  00 01 00 00 00 00 00 00   BEGIN_REQUEST, responder
//   01 04 00 01 00 08 00 00  e0 00 00 00 e0 00 00 00   PARAMS: name and value length 0x60000000
// The same bytes also work as the content of a management record (request id 0) of an unknown
// type sent in the middle of a request's PARAMS. Lengths of 2^31-1 (refused) and of 256 MiB with no
// data behind them (allocated, then freed) are tested below. The defence is the deployment's: the
// socket is reachable by the web server only, and a supervisor restarts authgate.

namespace {

using Clock = std::chrono::steady_clock;

// ---- the cases --------------------------------------------------------------------------------

enum class Via {
    curl,     // through nginx with libcurl
    raw_tcp,  // through nginx, the bytes exactly as written
    fastcgi   // straight to authgate's unix socket as one well-framed FastCGI request
};

// One hostile request and what it may get back. Placeholders, filled in before sending: {csrf} a
// valid CSRF token, {nonce} the csrf_nonce cookie value it belongs to, {email} and {password} of
// the one registered account; in raw_tcp bytes also {body_length}, the length of what follows the
// blank line, and {chunked:TEXT}, TEXT in chunked transfer coding.
struct HostileCase {
    std::string name;
    Via via = Via::curl;
    std::string method;                // curl and fastcgi
    std::string target;                // curl: path and query; fastcgi: REQUEST_URI
    std::vector<std::string> headers;  // curl: "Name: value"; fastcgi: "NAME=value" sets a parameter
    std::string body;                  // curl and fastcgi: the body; raw_tcp: every byte sent
    std::vector<int> statuses;         // the answers allowed; empty: any 4xx
    std::vector<std::string> absent;   // must appear nowhere in the answer
    std::vector<std::string> present;  // must appear in the answer
    int new_sessions = 0;              // sessions a valid request opens (a good login: 1)
    bool half_close = false;           // raw_tcp: end the sending side once the bytes are out

    HostileCase expect(std::vector<int> allowed) && {
        statuses = std::move(allowed);
        return std::move(*this);
    }
    HostileCase without(std::string text) && {
        absent.push_back(std::move(text));
        return std::move(*this);
    }
    HostileCase showing(std::string text) && {
        present.push_back(std::move(text));
        return std::move(*this);
    }
    HostileCase opens_a_session() && {
        new_sessions = 1;
        return std::move(*this);
    }
    HostileCase then_end_input() && {
        half_close = true;
        return std::move(*this);
    }
};

const std::string kForm = "Content-Type: application/x-www-form-urlencoded";

HostileCase through_nginx(std::string name, std::string method, std::string target, std::string body = "",
                          std::vector<std::string> headers = {}) {
    HostileCase c;
    c.name = std::move(name);
    c.via = Via::curl;
    c.method = std::move(method);
    c.target = std::move(target);
    c.body = std::move(body);
    c.headers = std::move(headers);
    return c;
}

HostileCase form_post(std::string name, std::string target, std::string body) {
    return through_nginx(std::move(name), "POST", std::move(target), std::move(body), {kForm});
}

HostileCase raw_tcp(std::string name, std::string bytes) {
    HostileCase c;
    c.name = std::move(name);
    c.via = Via::raw_tcp;
    c.body = std::move(bytes);
    return c;
}

HostileCase fastcgi(std::string name, std::string method, std::string target, std::string body = "",
                    std::vector<std::string> params = {}) {
    HostileCase c;
    c.name = std::move(name);
    c.via = Via::fastcgi;
    c.method = std::move(method);
    c.target = std::move(target);
    c.body = std::move(body);
    c.headers = std::move(params);
    return c;
}

std::string repeated(const std::string& text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += text;
    return out;
}

const std::string kToken = "&csrf_token={csrf}";
const std::string kPasswd = "root:x:0:0";
const std::string kSqliteFile = "SQLite format 3";

std::string multipart_field(const std::string& boundary, const std::string& name, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
}

// A well-formed multipart login body with these email and password fields.
std::string multipart_login(const std::string& boundary, const std::string& email, const std::string& password) {
    return multipart_field(boundary, "email", email) + multipart_field(boundary, "password", password) +
           multipart_field(boundary, "csrf_token", "{csrf}") + "--" + boundary + "--\r\n";
}

std::string multipart_type(const std::string& boundary) {
    return "Content-Type: multipart/form-data; boundary=" + boundary;
}

// Requests sent with libcurl through nginx.
std::vector<HostileCase> nginx_cases() {
    const std::string big_cookie = "Cookie: big=" + std::string(8 * 1024, 'c');
    return {
        through_nginx("PUT with a form body", "PUT", "/login", "email={email}&password={password}" + kToken, {kForm})
            .expect({405}),
        through_nginx("DELETE on the login form", "DELETE", "/login").expect({405}),
        through_nginx("PATCH on the registration form", "PATCH", "/register", "username=x", {kForm}).expect({405}),
        through_nginx("OPTIONS on the home page", "OPTIONS", "/").expect({405}),
        through_nginx("TRACE on the home page", "TRACE", "/").expect({405}),
        through_nginx("an invented method", "BREW", "/login").expect({405}),
        through_nginx("a method with a digit", "GET1", "/login").expect({400, 405}),
        through_nginx("an 8 KB path", "GET", "/" + std::string(8 * 1024, 'a')).expect({400, 404, 414}),
        through_nginx("an 8 KB query string", "GET", "/login?next=/" + std::string(8 * 1024, 'q'))
            .expect({400, 414}),
        through_nginx("a path climbing out of /static/", "GET", "/static/../../../../etc/passwd").without(kPasswd),
        through_nginx("a path climbing out with %2e%2e", "GET", "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd")
            .without(kPasswd),
        through_nginx("a path climbing out with encoded slashes", "GET", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd")
            .without(kPasswd),
        through_nginx("a path climbing out with backslashes", "GET", "/static/..\\..\\..\\..\\etc\\passwd")
            .without(kPasswd),
        through_nginx("a path reaching for the database file", "GET", "/static/%2e%2e/authgate.db")
            .without(kSqliteFile),
        through_nginx("a malformed percent escape in the path", "GET", "/a%zz").expect({400}),
        through_nginx("a truncated percent escape in the path", "GET", "/login%").expect({400}),
        through_nginx("an encoded NUL in the path", "GET", "/login%00").expect({400}),
        through_nginx("an encoded CR LF in the path", "GET", "/login%0d%0aX-Injected:%201").expect({400, 404}),
        through_nginx("invalid UTF-8 in the path", "GET", "/%ff%fe%c0%af").expect({400, 404}),
        through_nginx("a path with a semicolon parameter", "GET", "/login;jsessionid=1").expect({404}),
        through_nginx("a path that looks like another host", "GET", "//evil.example/").without("evil.example"),
        through_nginx("a Host header naming another site", "GET", "/", "", {"Host: evil.example"})
            .expect({302})
            .without("evil.example"),
        form_post("the password only in the query string", "/login?email={email}&password={password}",
                  "csrf_token={csrf}")
            .expect({422})
            .showing("Invalid email or password"),
        through_nginx("the password in the query string and an empty body", "POST",
                      "/login?email={email}&password={password}&csrf_token={csrf}", "", {kForm})
            .expect({403}),
        form_post("the right credentials under differently cased names", "/login",
                  "Email={email}&Password={password}" + kToken)
            .expect({422}),
        form_post("a wrong lowercase password beside a right uppercase one", "/login",
                  "email={email}&password=wrong-password-1&Password={password}" + kToken)
            .expect({422}),
        form_post("the lowercase email wins over a differently cased one", "/login",
                  "Email=nobody@example.com&email={email}&password={password}" + kToken)
            .expect({302})
            .opens_a_session(),
        form_post("a differently cased csrf_token field", "/login",
                  "email={email}&password=wrong-password-1&CSRF_TOKEN={csrf}")
            .expect({403}),
        form_post("two email fields, an unknown one first", "/login",
                  "email=nobody@example.com&email={email}&password={password}" + kToken)
            .expect({422}),
        form_post("two password fields, a wrong one first", "/login",
                  "email={email}&password=wrong-password-1&password={password}" + kToken)
            .expect({422}),
        form_post("two csrf_token fields, a forged one first", "/login",
                  "email={email}&password={password}&csrf_token=forged&csrf_token={csrf}")
            .expect({403}),
        form_post("SQL comment after the real email", "/login", "email={email}'--&password=x" + kToken).expect({422}),
        form_post("SQL tautology as the real account's password", "/login",
                  "email={email}&password=%27+OR+%271%27%3D%271" + kToken)
            .expect({422}),
        form_post("SQL tautology with a LIKE wildcard email", "/login",
                  "email=%25%27+OR+email+LIKE+%27%25&password=%27+OR+1%3D1+--" + kToken)
            .expect({422}),
        form_post("5000 extra fields", "/login",
                  repeated("a=1&", 5000) + "email={email}&password=wrong-password-1" + kToken)
            .expect({422}),
        form_post("2500 email fields", "/login",
                  repeated("email=x%40example.com&", 2500) + "password={password}" + kToken)
            .expect({422}),
        form_post("a 1 MB field", "/login", "email=" + std::string(1 << 20, 'a') + kToken).expect({413}),
        form_post("a 60 KB email", "/login", "email=" + std::string(60 * 1024, 'a') + "&password=x" + kToken)
            .expect({422}),
        form_post("a 60 KB field name", "/login",
                  std::string(60 * 1024, 'n') + "=1&email={email}&password=wrong-password-1" + kToken)
            .expect({422}),
        form_post("a raw NUL byte in the urlencoded body", "/login",
                  std::string("email=a\0b@example.com&password=x", 33) + kToken)
            .expect({422}),
        form_post("%00 after the real account's password", "/login", "email={email}&password={password}%00" + kToken)
            .expect({422}),
        form_post("%00 inside the real email", "/login", "email=victim%00@example.com&password={password}" + kToken)
            .expect({422}),
        form_post("fields without names and names without values", "/login",
                  "=x&&&=&email&password=" + kToken)
            .expect({422}),
        form_post("semicolons between the fields", "/login", "email={email};password=wrong-password-1" + kToken)
            .expect({403, 422}),
        form_post("malformed escapes in the body", "/login", "email=%zz%&password=%f" + kToken).expect({422}),
        through_nginx("form fields in a text/plain body", "POST", "/login",
                      "email={email}&password={password}" + kToken, {"Content-Type: text/plain"})
            .expect({403}),
        through_nginx("a JSON body", "POST", "/login", "{\"email\":\"{email}\",\"password\":\"{password}\"}",
                      {"Content-Type: application/json"})
            .expect({403}),
        through_nginx("a body on a GET", "GET", "/login", "email={email}&password={password}", {kForm})
            .expect({200}),
        through_nginx("an 8 KB cookie", "GET", "/login", "", {big_cookie}).expect({400}),
        through_nginx("a 4 KB cookie", "GET", "/login", "", {"Cookie: big=" + std::string(4 * 1024, 'c')})
            .expect({200}),
        through_nginx("duplicated session and nonce cookies", "GET", "/login", "",
                      {"Cookie: session=forged1; session=forged2; csrf_nonce=x; csrf_nonce=y"})
            .expect({200}),
        through_nginx("a forged session cookie with escapes", "GET", "/login", "",
                      {"Cookie: session=%0d%0aX-Injected:%201; remember_token=a:b:c"})
            .expect({200}),
        through_nginx("cookies made of separators", "GET", "/login", "", {"Cookie: ;;;; ;= =;=;;"}).expect({200}),
        through_nginx("a 7 KB User-Agent", "GET", "/login", "", {"User-Agent: " + std::string(7 * 1024, 'u')})
            .expect({200}),
        through_nginx("multipart without a boundary", "POST", "/login", multipart_login("b", "{email}", "x"),
                      {"Content-Type: multipart/form-data"})
            .expect({400}),
        through_nginx("multipart with an empty boundary", "POST", "/login", multipart_login("", "{email}", "x"),
                      {"Content-Type: multipart/form-data; boundary="})
            .expect({400}),
        through_nginx("multipart without the closing delimiter", "POST", "/login",
                      multipart_field("b", "email", "{email}") + multipart_field("b", "csrf_token", "{csrf}"),
                      {multipart_type("b")})
            .expect({400}),
        through_nginx("multipart part headers without the blank line", "POST", "/login",
                      "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n{email}\r\n--b--\r\n",
                      {multipart_type("b")})
            .expect({400}),
        through_nginx("multipart not opening with its boundary", "POST", "/login",
                      "junk\r\n" + multipart_login("b", "{email}", "x"), {multipart_type("b")})
            .expect({400}),
        through_nginx("multipart with a 300-character boundary", "POST", "/login",
                      multipart_login(std::string(300, 'b'), "{email}", "x"), {multipart_type(std::string(300, 'b'))})
            .expect({400}),
        through_nginx("multipart whose boundary never appears", "POST", "/login", multipart_login("b", "{email}", "x"),
                      {multipart_type("other")})
            .expect({400}),
        through_nginx("multipart with a quoted boundary is read like an unquoted one", "POST", "/login",
                      multipart_login("q b", "{email}", "wrong-password-1"),
                      {"Content-Type: multipart/form-data; boundary=\"q b\""})
            .expect({422}),
        through_nginx("multipart with a raw NUL in a field", "POST", "/login",
                      multipart_login("b", std::string("a\0b@example.com", 15), "x"), {multipart_type("b")})
            .expect({422}),
        through_nginx("multipart with the password as a file upload", "POST", "/login",
                      "--b\r\nContent-Disposition: form-data; name=\"password\"; filename=\"../../etc/passwd\"\r\n"
                      "Content-Type: application/octet-stream\r\n\r\nwrong-password-1\r\n" +
                          multipart_field("b", "email", "{email}") + multipart_field("b", "csrf_token", "{csrf}") +
                          "--b--\r\n",
                      {multipart_type("b")})
            .expect({422}),
        through_nginx("register with a script tag as username", "POST", "/register",
                      "email=x1%40example.com&username=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
                      "&password={password}&password_confirm={password}" + kToken,
                      {kForm})
            .expect({422})
            .without("<script>alert(1)</script>")
            .showing("&lt;script&gt;alert(1)&lt;/script&gt;"),
        through_nginx("register with an attribute breakout as email", "POST", "/register",
                      "email=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E%40example.com&username=xss_user"
                      "&password={password}&password_confirm={password}" + kToken,
                      {kForm})
            .expect({422})
            .without("<img src=x onerror=alert(1)>")
            .showing("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;@example.com"),
        through_nginx("register with a CR LF header in the username", "POST", "/register",
                      "email=x2%40example.com&username=abc%0D%0AX-Injected%3A+1"
                      "&password={password}&password_confirm={password}" + kToken,
                      {kForm})
            .expect({422}),
        form_post("register with a 1 MB password", "/register",
                  "email=x3%40example.com&username=big_password&password=" + std::string(1 << 20, 'p') + kToken)
            .expect({413}),
        through_nginx("a login page whose next breaks out of the attribute", "GET",
                      "/login?next=%2F%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            .expect({200})
            .without("<script>alert(1)</script>"),
        through_nginx("a login page whose next is javascript:", "GET", "/login?next=javascript:alert(1)")
            .expect({200})
            .without("javascript:alert"),
        form_post("the CSRF token only in the query string", "/login?csrf_token={csrf}",
                  "email={email}&password={password}")
            .expect({403}),
        form_post("the real email with a trailing %00 and the right password", "/login",
                  "email={email}%00&password={password}" + kToken)
            .expect({422}),
        form_post("a good login with two next parameters, a foreign one first",
                  "/login?next=%2F%2Fevil.example&next=%2Fprofile", "email={email}&password={password}" + kToken)
            .expect({302})
            .opens_a_session()
            .without("evil.example"),
        through_nginx("an X-Forwarded-Proto header claiming HTTPS", "GET", "/login", "", {"X-Forwarded-Proto: https"})
            .expect({200})
            .without("__Host-")
            .without("Strict-Transport-Security"),
        form_post("a good login whose next smuggles a header", "/login?next=%2Fdashboard%0D%0AX-Injected%3A%201",
                  "email={email}&password={password}" + kToken)
            .expect({302})
            .opens_a_session(),
    };
}

// Requests written byte for byte to nginx's TCP port (what libcurl refuses to send).
std::vector<HostileCase> raw_tcp_cases() {
    const std::string post = "POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                             "Content-Type: application/x-www-form-urlencoded\r\nCookie: csrf_nonce={nonce}\r\n";
    const std::string body = "email={email}&password=wrong-password-1&csrf_token={csrf}";
    const std::string get = "GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
    return {
        raw_tcp("a Content-Length of twenty digits", post + "Content-Length: 99999999999999999999\r\n\r\n" + body)
            .expect({400, 413}),
        raw_tcp("a negative Content-Length", post + "Content-Length: -1\r\n\r\n" + body).expect({400}),
        raw_tcp("a Content-Length with trailing letters", post + "Content-Length: 12abc\r\n\r\n" + body)
            .expect({400}),
        raw_tcp("a Content-Length in hex", post + "Content-Length: 0x10\r\n\r\n" + body).expect({400}),
        raw_tcp("two different Content-Length headers",
                post + "Content-Length: 5\r\nContent-Length: {body_length}\r\n\r\n" + body)
            .expect({400}),
        raw_tcp("Content-Length together with chunked",
                post + "Content-Length: {body_length}\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
            .expect({400}),
        raw_tcp("a chunk size that is not hex", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")
            .expect({400}),
        raw_tcp("an enormous chunk size", post + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nabc\r\n")
            .expect({400, 413}),
        raw_tcp("a well-formed chunked login with a wrong password",
                post + "Transfer-Encoding: chunked\r\n\r\n{chunked:" + body + "}")
            .expect({422}),
        raw_tcp("a body shorter than its Content-Length, then end of input",
                post + "Content-Length: 100\r\n\r\nemail=a%40")
            .then_end_input()
            .expect({0, 400}),
        raw_tcp("a header line without a colon", get + "NoColonHere\r\n\r\n").expect({200, 400}),
        raw_tcp("a raw NUL in a header value", get + std::string("X-Test: a\0b\r\n\r\n", 15)).expect({400}),
        raw_tcp("a raw NUL in the request target", std::string("GET /lo\0gin HTTP/1.1\r\nHost: x\r\n\r\n", 34))
            .expect({400}),
        raw_tcp("a lowercase method", "get /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .expect({400}),
        raw_tcp("an obsolete folded header", get + "X-Folded: a\r\n b\r\n\r\n").expect({400}),
        raw_tcp("HTTP/1.1 without a Host header", "GET /login HTTP/1.1\r\nConnection: close\r\n\r\n").expect({400}),
        raw_tcp("two Host headers", get + "Host: evil.example\r\n\r\n").expect({400}),
        raw_tcp("an absolute-form target naming another host",
                "GET http://evil.example/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .expect({200})
            .without("evil.example"),
        raw_tcp("a control character in the target",
                "GET /lo\x01gin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .expect({400}),
        raw_tcp("raw non-UTF-8 bytes in the target",
                "GET /\xff\xfe\xc0\xaf HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .expect({400, 404}),
        raw_tcp("a CR LF in the target", "GET /login\r\nX-Injected: 1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .then_end_input()
            .expect({0, 400}),
        raw_tcp("bare LF line endings", "GET /login HTTP/1.1\nHost: localhost\nConnection: close\n\n")
            .expect({200, 400}),
        raw_tcp("an 8 KB cookie header", get + "Cookie: big=" + std::string(8 * 1024, 'c') + "\r\n\r\n")
            .expect({400}),
        raw_tcp("500 cookie headers", get + repeated("Cookie: a=b\r\n", 500) + "\r\n").expect({200, 400}),
        raw_tcp("a header name with a space", get + "Bad Header: 1\r\n\r\n").expect({200, 400}),
        raw_tcp("a 1 MB chunked body", post + "Transfer-Encoding: chunked\r\n\r\n100000\r\n" +
                                           std::string(1 << 20, 'a') + "\r\n0\r\n\r\n")
            .expect({413}),
        raw_tcp("a body larger than its Content-Length",
                post + "Content-Length: 5\r\n\r\n" + body)
            .expect({403}),
        raw_tcp("an unsupported Expect header", post + "Expect: 999-explode\r\nContent-Length: {body_length}\r\n\r\n" +
                                                  body)
            .expect({417, 422}),
    };
}

// Requests framed correctly as FastCGI but carrying what nginx would never pass on.
std::vector<HostileCase> fastcgi_cases() {
    const std::string login = "email={email}&password=wrong-password-1&csrf_token={csrf}";
    std::string many_cookies;
    for (int i = 0; i < 10000; ++i) many_cookies += "c" + std::to_string(i) + "=1; ";
    std::vector<std::string> many_params;
    for (int i = 0; i < 10000; ++i) many_params.push_back("HTTP_X_FILLER_" + std::to_string(i) + "=1");
    return {
        fastcgi("CONTENT_LENGTH of twenty digits", "POST", "/login", login,
                {"CONTENT_LENGTH=99999999999999999999"})
            .expect({400}),
        fastcgi("a negative CONTENT_LENGTH", "POST", "/login", login, {"CONTENT_LENGTH=-1"}).expect({400}),
        fastcgi("CONTENT_LENGTH with trailing letters", "POST", "/login", login, {"CONTENT_LENGTH=12abc"})
            .expect({400}),
        fastcgi("CONTENT_LENGTH with a leading space", "POST", "/login", login, {"CONTENT_LENGTH= 12"})
            .expect({400}),
        fastcgi("CONTENT_LENGTH with a plus sign", "POST", "/login", login, {"CONTENT_LENGTH=+12"}).expect({400}),
        fastcgi("CONTENT_LENGTH of 2^64", "POST", "/login", login, {"CONTENT_LENGTH=18446744073709551616"})
            .expect({400}),
        fastcgi("a body shorter than CONTENT_LENGTH", "POST", "/login", "email=a%40",
                {"CONTENT_LENGTH=100"})
            .expect({400}),
        fastcgi("a body longer than CONTENT_LENGTH", "POST", "/login", login, {"CONTENT_LENGTH=5"})
            .expect({403}),
        fastcgi("CONTENT_LENGTH of zero with a body sent anyway", "POST", "/login", login, {"CONTENT_LENGTH=0"})
            .expect({403}),
        fastcgi("a body above --max-body", "POST", "/login", std::string(3 << 20, 'a')).expect({413}),
        fastcgi("a 1 MB email", "POST", "/login", "email=" + std::string(1 << 20, 'a') + "&password=x&csrf_token={csrf}")
            .expect({422}),
        fastcgi("a 1 MB password for the real account", "POST", "/login",
                "email={email}&password=" + std::string(1 << 20, 'p') + "&csrf_token={csrf}")
            .expect({422}),
        fastcgi("a registration with a 1 MB username", "POST", "/register",
                "email=big%40example.com&username=" + std::string(1 << 20, 'u') +
                    "&password={password}&password_confirm={password}&csrf_token={csrf}")
            .expect({422}),
        fastcgi("5000 extra fields", "POST", "/login", repeated("a=1&", 5000) + login).expect({422}),
        fastcgi("a lowercase REQUEST_METHOD", "post", "/login", login).expect({400}),
        fastcgi("a REQUEST_METHOD with a CR LF", "PO\r\nST", "/login", login).expect({400}),
        fastcgi("REQUEST_METHOD TRACE", "TRACE", "/login").expect({405}),
        fastcgi("REQUEST_URI with a malformed escape", "GET", "/a%zz").expect({400}),
        fastcgi("REQUEST_URI with an encoded NUL", "GET", "/login%00").expect({400}),
        fastcgi("REQUEST_URI without a leading slash", "GET", "login").expect({400}),
        fastcgi("REQUEST_URI of 1 MB", "GET", "/" + std::string(1 << 20, 'a')).expect({404}),
        fastcgi("REQUEST_URI with an encoded CR LF", "GET", "/login%0d%0aX-Injected:%201").expect({404}),
        fastcgi("REQUEST_URI climbing out of /static/", "GET", "/static/../../../../etc/passwd")
            .expect({404})
            .without(kPasswd),
        fastcgi("REQUEST_URI climbing out with encoded slashes", "GET", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd")
            .expect({404})
            .without(kPasswd),
        fastcgi("PATH_INFO reaching for the database file", "GET", "/static/x", "",
                {"PATH_INFO=/static/../authgate.db"})
            .expect({404})
            .without(kSqliteFile),
        fastcgi("an HTTP_COOKIE of 1 MB", "GET", "/login", "", {"HTTP_COOKIE=big=" + std::string(1 << 20, 'c')})
            .expect({200}),
        fastcgi("10000 cookies", "GET", "/login", "", {"HTTP_COOKIE=" + many_cookies}).expect({200}),
        fastcgi("a cookie header of separators", "GET", "/login", "", {"HTTP_COOKIE=;;;; ;= =;=;;"}).expect({200}),
        fastcgi("a raw NUL inside a parameter", "GET", "/login", "",
                {std::string("HTTP_COOKIE=csrf_nonce=x\0y; session=z", 37)})
            .expect({200}),
        fastcgi("10000 extra parameters", "GET", "/login", "", many_params).expect({200}),
        fastcgi("a parameter with an empty name", "GET", "/login", "", {"=value"}).expect({200}),
        fastcgi("multipart without a boundary", "POST", "/login", multipart_login("b", "{email}", "x"),
                {"CONTENT_TYPE=multipart/form-data"})
            .expect({400}),
        fastcgi("multipart that is never closed", "POST", "/login",
                multipart_field("b", "email", "{email}") + multipart_field("b", "csrf_token", "{csrf}"),
                {"CONTENT_TYPE=multipart/form-data; boundary=b"})
            .expect({400}),
        fastcgi("multipart whose part headers never end", "POST", "/login",
                "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n--b--\r\n",
                {"CONTENT_TYPE=multipart/form-data; boundary=b"})
            .expect({400}),
        fastcgi("a registration echoing a CR LF in the username", "POST", "/register",
                "email=crlf%40example.com&username=a%0D%0AX-Injected%3A+1&password={password}"
                "&password_confirm={password}&csrf_token={csrf}")
            .expect({422}),
        fastcgi("a QUERY_STRING of 100000 fields", "GET", "/login?" + repeated("a=1&", 100000)).expect({200}),
        fastcgi("a next with a raw CR LF", "GET", "/login?next=/x\r\nX-Injected:%201").expect({200}),
        fastcgi("the password only in QUERY_STRING", "POST", "/login?email={email}&password={password}",
                "csrf_token={csrf}")
            .expect({422}),
        fastcgi("a 1 MB body on a GET", "GET", "/login", std::string(1 << 20, 'g')).expect({200}),
        fastcgi("an HTTPS parameter with a wrong-prefix cookie", "POST", "/login", login, {"HTTPS=on"})
            .expect({403}),
    };
}

// ---- sending and checking ---------------------------------------------------------------------

// What came back, whatever the transport. status 0: the connection closed without an answer.
struct Answer {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
    std::string everything;                                    // every byte of the head and body
    bool timed_out = false;
    std::string error;
};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// The header block of a CGI answer ("Status: 302 Found\r\nLocation: ...\r\n\r\nbody").
Answer parse_cgi_output(const std::string& output) {
    Answer answer;
    answer.everything = output;
    auto end = output.find("\r\n\r\n");
    std::size_t at = 0;
    while (end != std::string::npos && at < end) {
        auto line_end = output.find("\r\n", at);
        std::string line = output.substr(at, line_end - at);
        at = line_end + 2;
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = lower(line.substr(0, colon));
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (name == "status") answer.status = std::atoi(value.c_str());
        answer.headers.emplace_back(name, value);
    }
    return answer;
}

// FastCGI framing: records of at most 65535 bytes, name-value pairs with 1- or 4-byte lengths.
std::string fcgi_record(unsigned char type, const std::string& content, unsigned request_id = 1,
                        unsigned char version = 1, unsigned char padding = 0) {
    std::string record = {static_cast<char>(version), static_cast<char>(type),
                          static_cast<char>(request_id >> 8), static_cast<char>(request_id & 0xff),
                          static_cast<char>(content.size() >> 8), static_cast<char>(content.size() & 0xff),
                          static_cast<char>(padding), 0};
    return record + content + std::string(padding, '\0');
}

std::string fcgi_stream(unsigned char type, const std::string& content) {
    std::string out;
    for (std::size_t at = 0; at < content.size(); at += 65535) out += fcgi_record(type, content.substr(at, 65535));
    return out + fcgi_record(type, "");
}

std::string fcgi_length(std::uint32_t length) {
    if (length < 128) return std::string(1, static_cast<char>(length));
    return {static_cast<char>((length >> 24) | 0x80), static_cast<char>((length >> 16) & 0xff),
            static_cast<char>((length >> 8) & 0xff), static_cast<char>(length & 0xff)};
}

const unsigned char kBeginRequest = 1, kEndRequest = 3, kParams = 4, kStdin = 5, kStdout = 6;
const std::string kResponderBegin = fcgi_record(kBeginRequest, std::string({0, 1, 0, 0, 0, 0, 0, 0}));

std::string fcgi_request(const std::vector<std::pair<std::string, std::string>>& params, const std::string& body) {
    std::string pairs;
    for (const auto& [name, value] : params)
        pairs += fcgi_length(static_cast<std::uint32_t>(name.size())) +
                 fcgi_length(static_cast<std::uint32_t>(value.size())) + name + value;
    return kResponderBegin + fcgi_stream(kParams, pairs) + fcgi_stream(kStdin, body);
}

// Walks the records in `received`: the STDOUT bytes so far, and whether END_REQUEST arrived.
std::string fcgi_stdout(const std::string& received, bool* ended = nullptr) {
    std::string out;
    std::size_t at = 0;
    if (ended) *ended = false;
    while (received.size() >= at + 8) {
        auto type = static_cast<unsigned char>(received[at + 1]);
        std::size_t length = (static_cast<unsigned char>(received[at + 4]) << 8) |
                             static_cast<unsigned char>(received[at + 5]);
        std::size_t padding = static_cast<unsigned char>(received[at + 6]);
        if (received.size() < at + 8 + length + padding) break;
        if (type == kStdout) out.append(received, at + 8, length);
        if (type == kEndRequest && ended) *ended = true;
        at += 8 + length + padding;
    }
    return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// True when the Set-Cookie `line` gives cookie `name` (or its __Host- form) a value; deleting it
// (empty value or Max-Age=0) does not count.
bool sets_cookie(const std::string& line, const std::string& name) {
    std::string cookie = line.substr(0, line.find(';'));
    bool named = cookie.rfind(name + "=", 0) == 0 || cookie.rfind("__Host-" + name + "=", 0) == 0;
    return named && cookie.back() != '=' && lower(line).find("max-age=0") == std::string::npos;
}

// `text` in chunked transfer coding: two chunks (when it is long enough) and the last-chunk.
std::string chunked(const std::string& text) {
    auto hex = [](std::size_t n) {
        char buffer[20];
        std::snprintf(buffer, sizeof buffer, "%zx", n);
        return std::string(buffer);
    };
    std::size_t half = text.size() / 2;
    std::string out;
    if (half > 0) out += hex(half) + "\r\n" + text.substr(0, half) + "\r\n";
    out += hex(text.size() - half) + "\r\n" + text.substr(half) + "\r\n";
    return out + "0\r\n\r\n";
}

struct Rows {
    long long users = 0;
    long long sessions = 0;
    long long remember = 0;
};

// authgate's options for the hostile suites: cheap hashes (hundreds of failed logins), throttling
// limits above what one suite sends (a 429 would hide what a later case tests), a body limit above
// 1 MB for the FastCGI cases, and nginx timeouts short enough that a held connection ends quickly.
ServerOptions hostile_options() {
    ServerOptions options = with_args({"--password-method", "pbkdf2:sha256:1000", "--login-free-failures", "100",
                                       "--login-address-free-failures", "100000", "--registrations-per-hour",
                                       "100000", "--max-body", "2097152"});
    options.nginx_extra_server = "client_body_timeout 2s;\n    client_header_timeout 2s;";
    return options;
}

// A running site with one registered account and an anonymous visitor's CSRF token.
class HostileSite {
public:
    HostileSite() : server(hostile_options()) {
        HttpClient owner(server.base_url());
        auto registered = register_account(owner, account);
        BOOST_TEST_REQUIRE(registered.status == 302);
        HttpClient visitor(server.base_url());
        token = csrf_token_of(visitor, "/login");
        nonce = visitor.cookies["csrf_nonce"];
        BOOST_TEST_REQUIRE(!token.empty());
        BOOST_TEST_REQUIRE(!nonce.empty());
    }

    std::string fill(std::string text) const {
        text = replace_all(std::move(text), "{csrf}", token);
        text = replace_all(std::move(text), "{nonce}", nonce);
        text = replace_all(std::move(text), "{email}", account.email);
        return replace_all(std::move(text), "{password}", account.password);
    }

    Rows rows() const {
        SqlitePeek db(server.database());
        return {db.integer("SELECT count(*) FROM user"), db.integer("SELECT count(*) FROM authgate_session"),
                db.integer("SELECT count(*) FROM authgate_remember")};
    }

    // True while the authgate process exists and is not a zombie.
    bool authgate_alive() const {
        std::string stat = read_file("/proc/" + std::to_string(server.authgate_pid()) + "/stat");
        auto close_paren = stat.rfind(')');
        return close_paren != std::string::npos && close_paren + 2 < stat.size() && stat[close_paren + 2] != 'Z';
    }

    // A plain GET /login through nginx gets the login form.
    bool answers_normally() {
        try {
            HttpClient probe(server.base_url());
            auto page = probe.get("/login");
            return page.status == 200 && !input_value(page.body, "csrf_token").empty();
        } catch (const std::exception&) {
            return false;
        }
    }

    Answer send(const HostileCase& c) {
        Answer answer;
        try {
            switch (c.via) {
                case Via::curl: return send_curl(c);
                case Via::raw_tcp: return send_raw(c);
                case Via::fastcgi: return send_fastcgi(c);
            }
        } catch (const std::exception& error) {
            answer.error = error.what();
        }
        return answer;
    }

    // Sends `c` and checks everything every hostile request must satisfy.
    void check(const HostileCase& c) {
        BOOST_TEST_CONTEXT("case \"" << c.name << "\"") {
            Rows before = rows();
            auto started = Clock::now();
            Answer answer = send(c);
            double seconds = std::chrono::duration<double>(Clock::now() - started).count();
            BOOST_TEST_MESSAGE(c.name << ": " << answer.status << " in " << seconds << " s");
            BOOST_TEST(answer.error.empty(), answer.error);
            BOOST_TEST(!answer.timed_out);
            BOOST_TEST(seconds < 10.0);
            BOOST_TEST(answer.status < 500);
            if (c.statuses.empty())
                BOOST_TEST((answer.status >= 400 && answer.status < 500), "status " << answer.status << ", not a 4xx");
            else
                BOOST_TEST((std::find(c.statuses.begin(), c.statuses.end(), answer.status) != c.statuses.end()),
                           "unexpected status " << answer.status);
            for (const auto& text : c.absent) BOOST_TEST(!contains(answer.everything, fill(text)), "shows " << text);
            for (const auto& text : c.present) BOOST_TEST(contains(answer.everything, fill(text)), "lacks " << text);
            for (const auto& [name, value] : answer.headers) {
                BOOST_TEST(name != "x-injected");
                if (name == "set-cookie") {
                    BOOST_TEST(value.rfind("injected", 0) != 0);
                    if (c.new_sessions == 0) {
                        BOOST_TEST(!sets_cookie(value, "session"), "a session cookie was set: " << value);
                        BOOST_TEST(!sets_cookie(value, "remember_token"), "a remember cookie was set: " << value);
                    }
                }
                if (name == "location") BOOST_TEST(value.rfind("//", 0) != 0);
            }
            Rows after = rows();
            BOOST_TEST(after.users == before.users);
            BOOST_TEST(after.sessions == before.sessions + c.new_sessions);
            BOOST_TEST(after.remember == before.remember);
            BOOST_TEST_REQUIRE(authgate_alive());
            BOOST_TEST(answers_normally());
        }
    }

    TestServer server;
    Account account{"victim@example.com", "victim", "plum-kettle-orbit-93"};
    std::string token;
    std::string nonce;

private:
    Answer send_curl(const HostileCase& c) {
        HttpClient client(server.base_url());
        client.cookies["csrf_nonce"] = nonce;
        std::vector<std::string> headers;
        for (const auto& line : c.headers) headers.push_back(fill(line));
        HttpResponse response = client.request(c.method, fill(c.target), fill(c.body), headers);
        Answer answer;
        answer.status = static_cast<int>(response.status);
        answer.headers = response.headers;
        for (const auto& [name, value] : response.headers) answer.everything += name + ": " + value + "\r\n";
        answer.everything += "\r\n" + response.body;
        return answer;
    }

    Answer send_raw(const HostileCase& c) {
        std::string bytes = fill(c.body);
        auto chunk_at = bytes.find("{chunked:");
        if (chunk_at != std::string::npos) {
            auto chunk_end = bytes.find('}', chunk_at);
            bytes.replace(chunk_at, chunk_end + 1 - chunk_at, chunked(bytes.substr(chunk_at + 9, chunk_end - chunk_at - 9)));
        }
        auto blank = bytes.find("\r\n\r\n");
        if (blank != std::string::npos)
            bytes = replace_all(bytes, "{body_length}", std::to_string(bytes.size() - blank - 4));
        RawHttpResponse response = raw_http_exchange(server.port(), bytes, 6000,
                                                     c.half_close ? AfterSending::close_write : AfterSending::read);
        Answer answer;
        answer.status = response.status;
        answer.headers = response.headers;
        answer.everything = response.raw;
        answer.timed_out = response.timed_out;
        return answer;
    }

    Answer send_fastcgi(const HostileCase& c) {
        std::string target = fill(c.target);
        std::string body = fill(c.body);
        auto question = target.find('?');
        std::string path = target.substr(0, question);
        std::map<std::string, std::string> params = {
            {"REQUEST_METHOD", c.method},
            {"REQUEST_URI", target},
            {"DOCUMENT_URI", path},
            {"SCRIPT_NAME", path},
            {"QUERY_STRING", question == std::string::npos ? "" : target.substr(question + 1)},
            {"CONTENT_LENGTH", body.empty() ? "" : std::to_string(body.size())},
            {"CONTENT_TYPE", body.empty() ? "" : "application/x-www-form-urlencoded"},
            {"REMOTE_ADDR", "127.0.0.1"},
            {"SERVER_PROTOCOL", "HTTP/1.1"},
            {"HTTP_HOST", "localhost"},
            {"HTTP_USER_AGENT", "hostile-input-test"},
            {"HTTP_COOKIE", "csrf_nonce=" + nonce},
        };
        for (const auto& setting : c.headers) {
            auto equals = setting.find('=');
            params[setting.substr(0, equals)] = fill(setting.substr(equals + 1));
        }
        std::vector<std::pair<std::string, std::string>> ordered(params.begin(), params.end());
        RawSocket socket = RawSocket::unix_socket(server.socket_path());
        socket.send_all(fcgi_request(ordered, body));  // authgate may answer before it has read it all
        bool timed_out = false;
        std::string received = socket.read_until(
            [](const std::string& so_far) {
                bool ended = false;
                fcgi_stdout(so_far, &ended);
                return ended;
            },
            8000, &timed_out);
        Answer answer = parse_cgi_output(fcgi_stdout(received));
        answer.timed_out = timed_out;
        return answer;
    }
};

// ---- the corpus of hostile strings ------------------------------------------------------------

// One string a line of tests/hostile/strings.txt, with \xHH \r \n \t \0 \\ escapes decoded.
struct HostileString {
    int line = 0;
    std::string text;
};

std::vector<HostileString> hostile_strings() {
    std::string file = read_file(required_env("AUTHGATE_SRCDIR") + "/tests/hostile/strings.txt");
    std::vector<HostileString> strings;
    std::size_t at = 0;
    int line_number = 0;
    while (at < file.size()) {
        auto end = file.find('\n', at);
        if (end == std::string::npos) end = file.size();
        std::string line = file.substr(at, end - at);
        at = end + 1;
        ++line_number;
        if (line.empty() || line[0] == '#') continue;
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] != '\\' || i + 1 == line.size()) {
                text.push_back(line[i]);
                continue;
            }
            char kind = line[++i];
            if (kind == 'x' && i + 2 < line.size()) {
                text.push_back(static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16)));
                i += 2;
            } else if (kind == 'r') {
                text.push_back('\r');
            } else if (kind == 'n') {
                text.push_back('\n');
            } else if (kind == 't') {
                text.push_back('\t');
            } else if (kind == '0') {
                text.push_back('\0');
            } else {
                text.push_back(kind);
            }
        }
        strings.push_back({line_number, text});
    }
    return strings;
}

// Strings long enough and marked up enough that finding them verbatim in a page means they were
// not escaped.
bool must_not_echo(const std::string& text) {
    return text.size() >= 8 && (text.find('<') != std::string::npos || text.find('"') != std::string::npos);
}

std::string form_encode(const std::string& text) {
    return HttpClient::encode_form({{"x", text}}).substr(2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(every_hostile_request_through_nginx_gets_a_client_error_and_changes_nothing_it_should_not) {
    HostileSite site;
    auto cases = nginx_cases();
    BOOST_TEST_MESSAGE(cases.size() << " hostile requests through nginx");
    for (const auto& c : cases) site.check(c);
}

BOOST_AUTO_TEST_CASE(every_hostile_request_written_raw_to_nginx_gets_a_client_error_and_changes_nothing) {
    HostileSite site;
    auto cases = raw_tcp_cases();
    BOOST_TEST_MESSAGE(cases.size() << " raw requests to nginx");
    for (const auto& c : cases) site.check(c);
}

BOOST_AUTO_TEST_CASE(every_hostile_request_sent_straight_to_the_fastcgi_socket_gets_a_client_error) {
    HostileSite site;
    auto cases = fastcgi_cases();
    BOOST_TEST_MESSAGE(cases.size() << " hostile FastCGI requests");
    for (const auto& c : cases) site.check(c);
}

BOOST_AUTO_TEST_CASE(every_hostile_string_is_refused_at_login_and_registration_and_never_echoed_raw) {
    HostileSite site;
    auto strings = hostile_strings();
    BOOST_TEST_REQUIRE(strings.size() >= 25u);
    for (const auto& s : strings) {
        const std::string where = "tests/hostile/strings.txt:" + std::to_string(s.line);
        const std::string value = form_encode(s.text);
        std::vector<HostileCase> cases = {
            form_post(where + " as login email and password", "/login",
                      "email=" + value + "&password=" + value + kToken)
                .expect({422})
                .showing("Invalid email or password"),
            form_post(where + " as the real account's password", "/login", "email={email}&password=" + value + kToken)
                .expect({422})
                .showing("Invalid email or password"),
            form_post(where + " as every registration field", "/register",
                      "email=" + value + "&username=" + value + "&password=" + value + "&password_confirm=" + value +
                          kToken)
                .expect({422}),
            through_nginx(where + " as next on the login page", "GET", "/login?next=" + value).expect({200}),
        };
        for (auto& c : cases) {
            if (must_not_echo(s.text)) c.absent.push_back(s.text);
            site.check(c);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_malformed_fastcgi_record_leaves_authgate_running_and_answering) {
    HostileSite site;
    auto length4 = [](std::uint32_t n) { return fcgi_length(n | 0x80000000u); };
    const std::string empty_params = fcgi_record(kParams, "") + fcgi_record(kStdin, "");
    std::string noise;
    std::uint32_t state = 12345;
    for (int i = 0; i < 1000; ++i) {
        state = state * 1103515245u + 12345u;
        noise.push_back(static_cast<char>(state >> 16));
    }
    const std::vector<std::pair<std::string, std::string>> records = {
        {"a record of protocol version 2", fcgi_record(kBeginRequest, std::string({0, 1, 0, 0, 0, 0, 0, 0}), 1, 2)},
        {"a record of protocol version 0", fcgi_record(kBeginRequest, std::string({0, 1, 0, 0, 0, 0, 0, 0}), 1, 0)},
        {"a record of an unknown type first", fcgi_record(42, "abc") + kResponderBegin + empty_params},
        {"BEGIN_REQUEST for the authorizer role",
         fcgi_record(kBeginRequest, std::string({0, 2, 0, 0, 0, 0, 0, 0})) + empty_params},
        {"BEGIN_REQUEST for the filter role",
         fcgi_record(kBeginRequest, std::string({0, 3, 0, 0, 0, 0, 0, 0})) + empty_params},
        {"BEGIN_REQUEST for role 65535",
         fcgi_record(kBeginRequest, std::string({'\xff', '\xff', 0, 0, 0, 0, 0, 0})) + empty_params},
        {"a BEGIN_REQUEST body of 3 bytes", fcgi_record(kBeginRequest, std::string({0, 1, 0})) + empty_params},
        {"two BEGIN_REQUESTs", kResponderBegin + kResponderBegin + empty_params},
        {"STDIN before PARAMS", kResponderBegin + fcgi_record(kStdin, "abc") + empty_params},
        {"a record for request id 2", kResponderBegin + fcgi_record(kParams, "", 2) + empty_params},
        {"a GET_VALUES management record", fcgi_record(9, fcgi_length(14) + fcgi_length(0) + "FCGI_MAX_CONNS", 0)},
        {"an ABORT_REQUEST mid-request", kResponderBegin + fcgi_record(2, "") + empty_params},
        {"1000 bytes of noise", noise},
        {"noise after a valid BEGIN_REQUEST", kResponderBegin + noise},
        {"a header cut after 3 bytes", kResponderBegin.substr(0, 3)},
        {"a PARAMS record announcing 65535 bytes that never come",
         kResponderBegin + fcgi_record(kParams, "").substr(0, 4) + "\xff\xff\0\0"},
        {"a padding length of 255 with no padding", kResponderBegin + fcgi_record(kParams, "ab").substr(0, 6) +
                                                        "\xff" + std::string(1, '\0') + "ab"},
        {"a name length longer than its record", kResponderBegin + fcgi_record(kParams, "\x7f\x01" "abc") + empty_params},
        {"a value length longer than its record", kResponderBegin + fcgi_record(kParams, "\x01\x7f" "abc") + empty_params},
        {"a four-byte name length cut short", kResponderBegin + fcgi_record(kParams, "\x80\x01") + empty_params},
        {"a name length of 256 MiB with no data",
         kResponderBegin + fcgi_record(kParams, length4(0x0ffffffe) + "\x01" "abc")},
        {"name and value lengths of 2^31-1 each", kResponderBegin +
                                                      fcgi_record(kParams, length4(0x7fffffff) + length4(0x7fffffff) +
                                                                               std::string(60000, 'A')) +
                                                      empty_params},
        {"a PARAMS record of 65535 one-byte pairs", kResponderBegin + fcgi_record(kParams, std::string(65535, '\0')) +
                                                        empty_params},
        {"an END_REQUEST sent by the client", kResponderBegin + fcgi_record(kEndRequest, std::string(8, '\0')) +
                                                  empty_params},
    };
    BOOST_TEST_MESSAGE(records.size() << " malformed FastCGI streams");
    for (const auto& [name, bytes] : records) {
        BOOST_TEST_CONTEXT("record \"" << name << "\"") {
            Rows before = site.rows();
            RawSocket socket = RawSocket::unix_socket(site.server.socket_path());
            socket.send_all(bytes);
            socket.close_write();
            bool timed_out = false;
            auto started = Clock::now();
            std::string received = socket.read_all(8000, &timed_out);
            double seconds = std::chrono::duration<double>(Clock::now() - started).count();
            BOOST_TEST(!timed_out);
            BOOST_TEST(seconds < 8.0);
            Answer answer = parse_cgi_output(fcgi_stdout(received));
            BOOST_TEST(answer.status < 500);
            Rows after = site.rows();
            BOOST_TEST(after.users == before.users);
            BOOST_TEST(after.sessions == before.sessions);
            BOOST_TEST_REQUIRE(site.authgate_alive());
            BOOST_TEST(site.answers_normally());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_body_nginx_is_still_waiting_for_times_out_there_without_reaching_authgate) {
    HostileSite site;
    Rows before = site.rows();
    RawSocket held = RawSocket::tcp(site.server.port());
    BOOST_TEST(held.send_all(site.fill("POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: csrf_nonce={nonce}\r\n"
                                       "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
                                       "email=a%40")));
    for (int i = 0; i < 3; ++i) BOOST_TEST(site.answers_normally());
    auto started = Clock::now();
    bool timed_out = false;
    RawHttpResponse answer = parse_http_response(held.read_until(http_response_complete, 8000, &timed_out));
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    BOOST_TEST_MESSAGE("held body: " << answer.status << " after " << seconds << " s");
    BOOST_TEST(!timed_out);
    BOOST_TEST(seconds < 6.0);
    BOOST_TEST((answer.status == 0 || answer.status == 408 || answer.status == 400), "status " << answer.status);
    Rows after = site.rows();
    BOOST_TEST(after.sessions == before.sessions);
    BOOST_TEST(after.users == before.users);
    BOOST_TEST(site.authgate_alive());
}

BOOST_AUTO_TEST_CASE(a_fastcgi_client_that_stalls_mid_body_holds_one_worker_until_it_goes_away) {
    HostileSite site;
    {
        FcgiClient stalled(site.server.socket_path());
        stalled.begin({{"REQUEST_METHOD", "POST"}, {"REQUEST_URI", "/login"}, {"CONTENT_LENGTH", "100"},
                       {"CONTENT_TYPE", "application/x-www-form-urlencoded"}, {"REMOTE_ADDR", "127.0.0.1"}});
        stalled.send_stdin("email=a%40");
        for (int i = 0; i < 5; ++i) BOOST_TEST(site.answers_normally());
    }
    // The worker reads end-of-file, answers 400 to nobody and takes requests again: all four
    // workers must be free, so four stalled-then-answered requests at once still come back.
    std::vector<std::string> outputs(4);
    std::vector<std::thread> threads;
    for (auto& output : outputs)
        threads.emplace_back([&site, &output] {
            output = FcgiClient::round_trip(site.server.socket_path(),
                                            {{"REQUEST_METHOD", "POST"}, {"REQUEST_URI", "/login"},
                                             {"CONTENT_LENGTH", "100"}, {"REMOTE_ADDR", "127.0.0.1"}},
                                            "email=a%40");
        });
    for (auto& thread : threads) thread.join();
    for (const auto& output : outputs) BOOST_TEST(output.rfind("Status: 400", 0) == 0, output.substr(0, 40));
    BOOST_TEST(site.authgate_alive());
}

BOOST_AUTO_TEST_CASE(an_accepted_email_with_a_quote_and_an_ampersand_is_shown_escaped_on_every_page) {
    HostileSite site;
    Account account{"o'brien&co@example.com", "obrien_and_co", "plum-kettle-orbit-93"};
    HttpClient client(site.server.base_url());
    register_and_log_in(client, account);
    for (const std::string path : {"/dashboard", "/profile"}) {
        BOOST_TEST_CONTEXT("page " << path) {
            auto page = client.get(path);
            BOOST_TEST(page.status == 200);
            BOOST_TEST(!contains(page.body, account.email));
            BOOST_TEST(contains(page.body, "o&#39;brien&amp;co@example.com"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
