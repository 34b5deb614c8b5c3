// auth_flow.h -- the steps of the account flows (register, log in, log out) over HTTP, and small
// checks shared by the end-to-end tests: flash markup, cookie parsing, SHA-256, HTML escaping.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "support/http_client.h"
#include "support/test_server.h"

namespace authgate::test {

struct Account {
    std::string email;
    std::string username;
    std::string password;
};

// A new account with a unique email and username ("tag1@example.com", "tag1", a long password).
Account unique_account(const std::string& tag = "user");

// GETs `path` and returns the value of its csrf_token input ("" when the page has none).
std::string csrf_token_of(HttpClient& client, const std::string& path, const std::vector<std::string>& headers = {});

// POSTs `fields` with the csrf_token of the form page `form_path` to `path`.
HttpResponse post_form(HttpClient& client, const std::string& form_path, const std::string& path, FormFields fields);

// GET /register, then POST /register with the account, its password as confirmation and the token.
HttpResponse register_account(HttpClient& client, const Account& account, const std::vector<std::string>& headers = {});

// GET /login`query`, then POST /login`query` with email, password (and remember=on) and the token.
HttpResponse log_in(HttpClient& client, const std::string& email, const std::string& password, bool remember = false,
                    const std::string& query = "", const std::vector<std::string>& headers = {});

// Registers and logs in; throws std::runtime_error when either step does not redirect as it should.
void register_and_log_in(HttpClient& client, const Account& account, bool remember = false,
                         const std::vector<std::string>& headers = {});

// GET /logout, then POST /logout with the token of that page.
HttpResponse log_out(HttpClient& client, const std::vector<std::string>& headers = {});

// Server options with these authgate command-line arguments.
ServerOptions with_args(std::vector<std::string> arguments);

// `<div class="flash CATEGORY" role="status">MESSAGE</div>`, MESSAGE HTML-escaped.
std::string flash_html(const std::string& category, const std::string& message);

// HTML escaping as the templates do it: & < > " ' become &amp; &lt; &gt; &quot; &#39;
std::string html_escape(const std::string& text);

// How many times `part` occurs in `text`.
std::size_t count_of(const std::string& text, const std::string& part);
bool contains(const std::string& text, const std::string& part);

// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(const std::string& data);

// True when `text` is non-empty and only [A-Za-z0-9_-] (base64url without padding).
bool is_base64url(const std::string& text);

// One Set-Cookie line taken apart: attribute names lower-cased, flags map to "".
struct SetCookie {
    std::string name;
    std::string value;
    std::map<std::string, std::string> attributes;
    bool has(const std::string& attribute) const { return attributes.count(attribute) != 0; }
    std::string attribute(const std::string& attribute) const;
};
SetCookie parse_set_cookie(const std::string& line);

// Cookie names for a plain HTTP site and an HTTPS one.
struct CookieNames {
    std::string session;
    std::string remember;
    std::string csrf;
};
CookieNames cookie_names(bool https);

// Replaces every occurrence of `from` by `to`.
std::string replace_all_of(std::string text, const std::string& from, const std::string& to);

// Percent-encodes every byte but unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string percent_encode(const std::string& text);

}  // namespace authgate::test
