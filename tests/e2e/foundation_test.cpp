// foundation_test.cpp -- the request path through real nginx: pages, errors, limits, headers.
#include <boost/test/unit_test.hpp>

#include "support/http_client.h"
#include "support/test_server.h"

using authgate::test::HttpClient;
using authgate::test::ServerOptions;
using authgate::test::TestServer;

BOOST_AUTO_TEST_SUITE(foundation)

BOOST_AUTO_TEST_CASE(the_home_page_redirects_an_anonymous_visitor_to_the_login_page) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.get("/");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login");
    BOOST_TEST(response.header("Content-Type") == "text/plain; charset=utf-8");
    BOOST_TEST(response.header("X-Content-Type-Options") == "nosniff");
}

BOOST_AUTO_TEST_CASE(a_page_is_served_through_nginx_with_security_headers) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.get("/login");
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.header("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(response.header("X-Content-Type-Options") == "nosniff");
    BOOST_TEST(response.header("X-Frame-Options") == "DENY");
    BOOST_TEST(response.header("Referrer-Policy") == "same-origin");
    BOOST_TEST(response.header("Cross-Origin-Opener-Policy") == "same-origin");
    BOOST_TEST(response.header("Content-Security-Policy") ==
               "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
    BOOST_TEST(response.header("Server") == "nginx");
    BOOST_TEST(response.body.find("<title>") != std::string::npos);
    BOOST_TEST(response.body.find("/static/style.css") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_path_gets_a_404_page_from_the_template) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.get("/no/such/page");
    BOOST_TEST(response.status == 404);
    BOOST_TEST(response.header("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(response.body.find("There is no page at this address.") != std::string::npos);
    BOOST_TEST(response.header("X-Content-Type-Options") == "nosniff");
}

BOOST_AUTO_TEST_CASE(a_wrong_method_gets_405_with_allow) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.request("DELETE", "/", "", {});
    BOOST_TEST(response.status == 405);
    BOOST_TEST(response.header("Allow") == "GET, HEAD");
    BOOST_TEST(response.body.find("does not accept") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(head_answers_headers_without_a_body) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.request("HEAD", "/login", "", {});
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body.empty());
}

BOOST_AUTO_TEST_CASE(nginx_refuses_a_body_above_its_limit_with_413) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.request("POST", "/", std::string(100 * 1024, 'a'),
                                   {"Content-Type: application/x-www-form-urlencoded"});
    BOOST_TEST(response.status == 413);
    BOOST_TEST(response.body.find("There is no page") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(authgate_refuses_a_body_above_max_body_with_its_own_413_page) {
    ServerOptions options;
    options.nginx_max_body = "1m";
    TestServer server(options);
    HttpClient client(server.base_url());
    auto response = client.request("POST", "/", std::string(100 * 1024, 'a'),
                                   {"Content-Type: application/x-www-form-urlencoded"});
    BOOST_TEST(response.status == 413);
    BOOST_TEST(response.body.find("The request is too large.") != std::string::npos);
    auto small = client.request("POST", "/", "a=b", {"Content-Type: application/x-www-form-urlencoded"});
    BOOST_TEST(small.status == 405);
}

BOOST_AUTO_TEST_CASE(a_malformed_multipart_body_gets_400) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.request("POST", "/", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n",
                                   {"Content-Type: multipart/form-data; boundary=b"});
    BOOST_TEST(response.status == 400);
    BOOST_TEST(response.body.find("could not be understood") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(nginx_serves_the_stylesheet) {
    TestServer server;
    HttpClient client(server.base_url());
    auto response = client.get("/static/style.css");
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.header("Content-Type").find("text/css") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
