// apache_test.cpp -- the login flow through Debian's Apache httpd with each shipped apache/ site.
#include <boost/test/results_collector.hpp>
#include <boost/test/unit_test.hpp>
#include <sys/stat.h>

#include "deploy/login_flow.h"
#include "support/apache_server.h"
#include "support/auth_flow.h"
#include "support/http_client.h"

using namespace authgate::test;

namespace {

// The flow, Apache serving /static/ itself, and the database being the one the site's config names.
void check_deployment(ApacheMode mode, const std::string& name) {
    ApacheServer server(mode);
    check_login_flow(server.base_url(), name);
    HttpClient client(server.base_url());
    auto css = client.get("/static/style.css");
    BOOST_TEST(css.status == 200, name);
    BOOST_TEST(css.header("Content-Type").rfind("text/css", 0) == 0, name << ": " << css.header("Content-Type"));
    BOOST_TEST(css.header("Content-Security-Policy").empty(), name << ": /static/ reached authgate");
    auto root = client.get("/");
    BOOST_TEST(root.status == 302, name);
    BOOST_TEST(root.header("Location") == "/login", name);
    struct stat info {};
    BOOST_TEST(stat(server.database().c_str(), &info) == 0, name << ": no database at " << server.database());
    BOOST_TEST(stat(server.unused_socket().c_str(), &info) != 0, name << ": authgate opened the config's --listen");
    namespace utf = boost::unit_test;
    if (!utf::results_collector.results(utf::framework::current_test_case().p_id).passed())
        BOOST_ERROR(name << " logs:" << server.logs());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(apache)

BOOST_AUTO_TEST_CASE(mod_proxy_fcgi_to_a_unix_socket) {
    check_deployment(ApacheMode::proxy_fcgi, "mod_proxy_fcgi");
}

BOOST_AUTO_TEST_CASE(mod_fcgid_spawning_authgate) {
    check_deployment(ApacheMode::fcgid, "mod_fcgid");
}

BOOST_AUTO_TEST_CASE(cgi_through_the_wrapper) {
    check_deployment(ApacheMode::cgi, "mod_cgid");
}

BOOST_AUTO_TEST_SUITE_END()
