// socket_activation_test.cpp -- authgate started by systemd-socket-activate (LISTEN_FDS, fd 3) behind nginx.
#include <boost/test/unit_test.hpp>
#include <csignal>
#include <sys/stat.h>

#include "deploy/login_flow.h"
#include "support/http_client.h"
#include "support/test_server.h"

using namespace authgate::test;

BOOST_AUTO_TEST_SUITE(socket_activation)

BOOST_AUTO_TEST_CASE(the_login_flow_works_on_a_socket_passed_on_fd_3) {
    ServerOptions options;
    options.under_socket_activation = true;
    TestServer server(options);
    check_login_flow(server.base_url(), "socket activation");
    BOOST_TEST(server.authgate_log().find("nothing to serve") == std::string::npos, server.authgate_log());
    // authgate did not create the socket, so it leaves it for its owner on exit.
    BOOST_TEST(server.stop_authgate(SIGTERM) == 0, server.authgate_log());
    struct stat info {};
    BOOST_TEST(stat(server.socket_path().c_str(), &info) == 0);
}

BOOST_AUTO_TEST_CASE(the_socket_from_systemd_wins_over_a_listen_option) {
    TempDir elsewhere;
    std::string other = elsewhere.path() + "/other.sock";
    ServerOptions options;
    options.under_socket_activation = true;
    options.authgate_args = {"--listen", "unix:" + other};
    TestServer server(options);
    HttpClient client(server.base_url());
    BOOST_TEST(client.get("/login").status == 200, server.authgate_log());
    struct stat info {};
    BOOST_TEST(stat(other.c_str(), &info) != 0, "authgate made its own socket too");
    BOOST_TEST(server.stop_authgate(SIGTERM) == 0, server.authgate_log());
    BOOST_TEST(stat(server.socket_path().c_str(), &info) == 0, "authgate removed systemd's socket");
}

BOOST_AUTO_TEST_SUITE_END()
