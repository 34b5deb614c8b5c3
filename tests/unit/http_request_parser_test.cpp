// http_request_parser_test.cpp -- building a Request from CGI parameters and a body with cgicc.
#include <boost/test/unit_test.hpp>

#include <cgicc/CgiEnvironment.h>
#include <cgicc/CgiInput.h>

#include "http/cookie_header.h"
#include "http/request_parser.h"

namespace http = authgate::http;

namespace {

http::RawRequest raw_post(const std::string& body, const std::string& content_type,
                          const std::string& query = "") {
    return {{{"REQUEST_METHOD", "POST"},
             {"REQUEST_URI", "/login" + (query.empty() ? "" : "?" + query)},
             {"QUERY_STRING", query},
             {"CONTENT_TYPE", content_type},
             {"CONTENT_LENGTH", std::to_string(body.size())},
             {"REMOTE_ADDR", "127.0.0.1"},
             {"HTTP_COOKIE", "session=abc; other=1; session=second"}},
            body};
}

// cgicc's own reading of a Cookie header, the reference parse_cookie_header follows.
class CookieOnlyInput : public cgicc::CgiInput {
public:
    explicit CookieOnlyInput(std::string cookie) : cookie_(std::move(cookie)) {}
    size_t read(char*, size_t) override { return 0; }
    std::string getenv(const char* name) override {
        if (std::string(name) == "HTTP_COOKIE") return cookie_;
        if (std::string(name) == "REQUEST_METHOD") return "GET";
        return "";
    }

private:
    std::string cookie_;
};

std::vector<std::pair<std::string, std::string>> cgicc_cookies(const std::string& header) {
    CookieOnlyInput input(header);
    cgicc::CgiEnvironment environment(&input);
    std::vector<std::pair<std::string, std::string>> cookies;
    for (const auto& cookie : environment.getCookieList()) cookies.emplace_back(cookie.getName(), cookie.getValue());
    return cookies;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_request_parser)

BOOST_AUTO_TEST_CASE(cookie_headers_are_split_exactly_as_cgicc_splits_them) {
    const std::vector<std::string> headers = {
        "", "a=1", "session=abc; other=1; session=second", "  lead=x;trail=y ;  ", "novalue; k=v",
        "=empty-name", "k==v=w", "q=\"quoted\"; sp= a b ", ";;;", "a=1;;b=2", "\tt=tab\r\n", "x",
        "a=%41; b=+", "   =v", std::string("nul=a\0b", 8)};
    for (const auto& header : headers) {
        auto expected = cgicc_cookies(header);
        auto got = http::parse_cookie_header(header);
        BOOST_TEST(got.size() == expected.size(), "header [" << header << "]");
        for (std::size_t i = 0; i < got.size() && i < expected.size(); ++i) {
            BOOST_TEST(got[i].first == expected[i].first, "header [" << header << "] cookie " << i);
            BOOST_TEST(got[i].second == expected[i].second, "header [" << header << "] cookie " << i);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_get_without_query_has_no_fields_and_keeps_its_cookies_and_parameters) {
    http::RawRequest raw{{{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/dashboard"},
                          {"HTTP_COOKIE", "session=s1; csrf_nonce=n1"}, {"REMOTE_ADDR", "10.0.0.1"}},
                         ""};
    auto request = http::parse_request(raw);
    BOOST_TEST(request.query.empty());
    BOOST_TEST(request.form.empty());
    BOOST_TEST(request.cookies.at("session") == "s1");
    BOOST_TEST(request.cookies.at("csrf_nonce") == "n1");
    BOOST_TEST(request.params.value("REMOTE_ADDR") == "10.0.0.1");
    BOOST_TEST(request.path == "/dashboard");
}

BOOST_AUTO_TEST_CASE(urlencoded_body_fields_are_parsed_and_kept_apart_from_the_query) {
    auto request = http::parse_request(raw_post("email=a%40b.c&password=p+w", "application/x-www-form-urlencoded",
                                                "password=fromquery&next=%2Fdashboard"));
    BOOST_TEST(request.method == "POST");
    BOOST_TEST(request.path == "/login");
    BOOST_TEST(request.form_value("email") == "a@b.c");
    BOOST_TEST(request.form_value("password") == "p w");
    BOOST_TEST(request.query_value("password") == "fromquery");
    BOOST_TEST(request.query_value("next") == "/dashboard");
    BOOST_TEST(!http::find_field(request.form, "next"));
}

BOOST_AUTO_TEST_CASE(cookies_are_read_and_the_first_of_a_repeated_name_wins) {
    auto request = http::parse_request(raw_post("", "application/x-www-form-urlencoded"));
    BOOST_TEST(request.cookie("session") == "abc");
    BOOST_TEST(request.cookie("other") == "1");
    BOOST_TEST(request.cookie("missing") == "");
}

BOOST_AUTO_TEST_CASE(multipart_bodies_are_parsed) {
    std::string body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nme@example.com\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"remember\"\r\n\r\non\r\n--XyZ--\r\n";
    auto request = http::parse_request(raw_post(body, "multipart/form-data; boundary=XyZ"));
    BOOST_TEST(request.form_value("email") == "me@example.com");
    BOOST_TEST(request.form_value("remember") == "on");
}

BOOST_AUTO_TEST_CASE(a_quoted_multipart_boundary_is_read_like_an_unquoted_one) {
    std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nme@example.com\r\n--XyZ--\r\n";
    auto request = http::parse_request(raw_post(body, "multipart/form-data; boundary=\"XyZ\""));
    BOOST_TEST(request.form_value("email") == "me@example.com");
}

BOOST_AUTO_TEST_CASE(broken_multipart_outlines_are_bad_requests) {
    for (const std::string& body : {std::string("no delimiter at all"),
                                    std::string("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n"),
                                    std::string("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue")})
        BOOST_CHECK_THROW(http::parse_request(raw_post(body, "multipart/form-data; boundary=XyZ")), http::BadRequest);
    BOOST_CHECK_THROW(http::parse_request(raw_post("--x--\r\n", "multipart/form-data")), http::BadRequest);
}

BOOST_AUTO_TEST_CASE(the_path_is_decoded_and_https_is_detected) {
    http::RawRequest raw{{{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/caf%C3%A9?x=1"}, {"HTTPS", "on"}}, ""};
    auto request = http::parse_request(raw);
    BOOST_TEST(request.path == "/caf\xc3\xa9");
    BOOST_TEST(request.raw_target == "/caf%C3%A9?x=1");
    BOOST_TEST(request.https);
}

BOOST_AUTO_TEST_CASE(path_info_wins_for_cgi_under_a_script_name) {
    http::RawRequest raw{{{"REQUEST_METHOD", "GET"}, {"SCRIPT_NAME", "/cgi-bin/authgate"}, {"PATH_INFO", "/login"},
                          {"REQUEST_URI", "/cgi-bin/authgate/login"}},
                         ""};
    BOOST_TEST(http::parse_request(raw).path == "/login");
}

BOOST_AUTO_TEST_CASE(malformed_paths_and_methods_are_bad_requests) {
    http::RawRequest bad_escape{{{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/a%zz"}}, ""};
    BOOST_CHECK_THROW(http::parse_request(bad_escape), http::BadRequest);
    http::RawRequest nul{{{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/a%00b"}}, ""};
    BOOST_CHECK_THROW(http::parse_request(nul), http::BadRequest);
    http::RawRequest method{{{"REQUEST_METHOD", "get me"}, {"REQUEST_URI", "/"}}, ""};
    BOOST_CHECK_THROW(http::parse_request(method), http::BadRequest);
}

BOOST_AUTO_TEST_SUITE_END()
