// http_response_test.cpp -- cookies, security headers and the CGI header block.
#include <boost/test/unit_test.hpp>

#include "http/response.h"

namespace http = authgate::http;

BOOST_AUTO_TEST_SUITE(http_response)

BOOST_AUTO_TEST_CASE(set_cookie_carries_httponly_samesite_and_path) {
    http::SetCookie cookie{"session", "abc", std::nullopt};
    BOOST_TEST(http::format_set_cookie(cookie) == "session=abc; Path=/; HttpOnly; SameSite=Lax");
    cookie.secure = true;
    cookie.max_age_seconds = 60;
    BOOST_TEST(http::format_set_cookie(cookie) == "session=abc; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Lax");
}

BOOST_AUTO_TEST_CASE(deleting_a_cookie_sets_max_age_zero_and_an_old_expiry) {
    http::SetCookie cookie{"session", "", 0L};
    BOOST_TEST(http::format_set_cookie(cookie).find("Max-Age=0; Expires=Thu, 01 Jan 1970") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cookie_values_that_could_split_the_header_are_refused) {
    BOOST_CHECK_THROW(http::format_set_cookie({"a", "x;y", std::nullopt}), std::invalid_argument);
    BOOST_CHECK_THROW(http::format_set_cookie({"a", "x\r\ny", std::nullopt}), std::invalid_argument);
    BOOST_CHECK_THROW(http::format_set_cookie({"a=b", "x", std::nullopt}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(every_response_gets_charset_and_security_headers) {
    http::Response response;
    http::finalize_headers(response, false);
    BOOST_TEST(response.header("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(response.header("X-Content-Type-Options") == "nosniff");
    BOOST_TEST(response.header("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    BOOST_TEST(response.header("Referrer-Policy") == "same-origin");
    BOOST_TEST(!response.has_header("Strict-Transport-Security"));
    BOOST_TEST(!response.has_header("Cache-Control"));
}

BOOST_AUTO_TEST_CASE(the_body_length_is_declared_unless_the_response_declares_its_own) {
    http::Response response;
    response.body = "<p>caf\xc3\xa9</p>";
    http::finalize_headers(response, false);
    BOOST_TEST(response.header("Content-Length") == "12");
    BOOST_TEST(http::serialize_head(response).find("\r\nContent-Length: 12\r\n") != std::string::npos);
    http::Response own;
    own.add_header("Content-Length", "0");
    own.body = "ignored";
    http::finalize_headers(own, false);
    BOOST_TEST(http::serialize_head(own).find("Content-Length: 7") == std::string::npos);
    http::Response grant;
    grant.only_own_headers = true;
    http::finalize_headers(grant, false);
    BOOST_TEST(!grant.has_header("Content-Length"));
    BOOST_TEST(!grant.has_header("X-Frame-Options"));
}

BOOST_AUTO_TEST_CASE(https_adds_hsts_and_cookies_forbid_caching) {
    http::Response response;
    response.cookies.push_back({"a", "b", std::nullopt});
    http::finalize_headers(response, true);
    BOOST_TEST(response.has_header("Strict-Transport-Security"));
    BOOST_TEST(response.header("Cache-Control") == "no-store");
}

BOOST_AUTO_TEST_CASE(the_header_block_starts_with_status_and_ends_with_an_empty_line) {
    http::Response response = http::redirect("/login?next=%2Fdashboard");
    std::string head = http::serialize_head(response);
    BOOST_TEST(head.rfind("Status: 302 Found\r\n", 0) == 0);
    BOOST_TEST(head.find("Location: /login?next=%2Fdashboard\r\n") != std::string::npos);
    BOOST_TEST(head.substr(head.size() - 4) == "\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(header_injection_is_refused) {
    BOOST_CHECK_THROW(http::redirect("/x\r\nSet-Cookie: a=b"), std::invalid_argument);
    http::Response response;
    response.add_header("X-Test", "a\nb");
    BOOST_CHECK_THROW(http::serialize_head(response), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
