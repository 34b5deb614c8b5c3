// app_routes_test.cpp -- matching requests against the route table.
#include <boost/test/unit_test.hpp>

#include "app/routes.h"

namespace app = authgate::app;

namespace {

std::vector<app::Route> sample_routes() {
    auto ok = [](authgate::web::RequestContext&) { return authgate::http::Response{}; };
    return {{"GET", "/", ok}, {"GET", "/login", ok}, {"POST", "/login", ok}, {"POST", "/logout", ok},
            {"GET", "/static/", ok}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(app_routes)

BOOST_AUTO_TEST_CASE(a_known_path_and_method_finds_its_route) {
    auto routes = sample_routes();
    auto match = app::match_route(routes, "POST", "/login");
    BOOST_REQUIRE(match.route);
    BOOST_TEST(match.route->method == "POST");
}

BOOST_AUTO_TEST_CASE(head_is_served_by_the_get_route) {
    auto routes = sample_routes();
    BOOST_TEST(app::match_route(routes, "HEAD", "/").route != nullptr);
}

BOOST_AUTO_TEST_CASE(a_wrong_method_lists_the_allowed_ones) {
    auto routes = sample_routes();
    auto match = app::match_route(routes, "DELETE", "/login");
    BOOST_TEST(!match.route);
    BOOST_TEST(match.path_known);
    BOOST_TEST(match.allowed == "GET, HEAD, POST");
}

BOOST_AUTO_TEST_CASE(an_unknown_path_is_not_known) {
    auto routes = sample_routes();
    BOOST_TEST(!app::match_route(routes, "GET", "/nope").path_known);
    BOOST_TEST(!app::match_route(routes, "GET", "/static").path_known);
    BOOST_TEST(app::match_route(routes, "GET", "/static/style.css").route != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
