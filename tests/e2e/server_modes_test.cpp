// server_modes_test.cpp -- signals, template reloads, CGI and spawn-fcgi modes, start-up errors.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <csignal>
#include <dirent.h>
#include <fstream>
#include <sys/stat.h>
#include <thread>
#include <utime.h>

#include "support/fcgi_client.h"
#include "support/http_client.h"
#include "support/test_server.h"

using namespace authgate::test;
using namespace std::chrono_literals;

namespace {

// Writes a template and dates it in the future so a reload sees it as changed at once.
void write_template(const std::string& path, const std::string& content) {
    write_file(path, content);
    struct stat info {};
    stat(path.c_str(), &info);
    utimbuf times{info.st_atime + 10, info.st_mtime + 10};
    utime(path.c_str(), &times);
}

const char* marker_index = "{{%AUTOESCAPE context=\"HTML\"}}<p>site override marker</p>\n";

bool file_exists(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(server_modes)

BOOST_AUTO_TEST_CASE(sigterm_lets_a_request_in_flight_finish_then_exits_cleanly) {
    TestServer server;
    FcgiClient client(server.socket_path());
    client.begin({{"REQUEST_METHOD", "POST"}, {"REQUEST_URI", "/"}, {"CONTENT_LENGTH", "10"},
                  {"CONTENT_TYPE", "application/x-www-form-urlencoded"}});
    client.send_stdin("a=123");
    std::this_thread::sleep_for(200ms);
    server.signal_authgate(SIGTERM);
    std::this_thread::sleep_for(300ms);
    client.send_stdin("45678");
    client.end_stdin();
    std::string response = client.read_response();
    BOOST_TEST(response.rfind("Status: 405", 0) == 0, response.substr(0, 40));
    BOOST_TEST(server.stop_authgate(SIGTERM) == 0);
    BOOST_TEST(!file_exists(server.socket_path()));
}

BOOST_AUTO_TEST_CASE(a_request_read_to_its_end_closes_its_connection_at_once) {
    TestServer server;
    FcgiClient page(server.socket_path());
    page.begin({{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/login"}});
    page.end_stdin();
    BOOST_TEST(page.read_response().rfind("Status: 200", 0) == 0);
    BOOST_TEST(page.closed_by_peer(), "a GET read to its end is closed without the lingering close");

    FcgiClient form(server.socket_path());
    form.begin({{"REQUEST_METHOD", "POST"}, {"REQUEST_URI", "/login"}, {"CONTENT_LENGTH", "5"},
                {"CONTENT_TYPE", "application/x-www-form-urlencoded"}});
    form.send_stdin("a=123");
    form.end_stdin();
    std::string answer = form.read_response();
    BOOST_TEST(answer.rfind("Status: 403", 0) == 0, answer.substr(0, 80));  // no CSRF token
    BOOST_TEST(form.closed_by_peer(), "a POST whose body was read in full is closed at once too");
}

BOOST_AUTO_TEST_CASE(a_body_without_a_declared_length_is_not_waited_for_before_the_answer) {
    // As nginx passes on a chunked upload with fastcgi_request_buffering off: no CONTENT_LENGTH,
    // and the body still on its way. The answer must not wait for the body's end.
    TestServer server;
    FcgiClient client(server.socket_path());
    client.begin({{"REQUEST_METHOD", "POST"}, {"REQUEST_URI", "/login"},
                  {"CONTENT_TYPE", "application/x-www-form-urlencoded"}});
    std::string answer = client.read_response(10);
    BOOST_TEST(answer.rfind("Status: ", 0) == 0, "answered before the body's end: " << answer.substr(0, 40));
    client.send_stdin("email=a");
    client.end_stdin();
    BOOST_TEST(!client.closed_by_peer(), "the body that came later is still taken");
}

BOOST_AUTO_TEST_CASE(a_refused_body_keeps_the_lingering_close_that_drains_it) {
    // authgate reads and drops up to 1 MiB of a body above --max-body before its 413, no more.
    const std::size_t mib = 1 << 20;
    ServerOptions options;
    options.authgate_args = {"--max-body", "1024"};
    TestServer server(options);
    FcgiClient client(server.socket_path());
    client.begin({{"REQUEST_METHOD", "POST"}, {"REQUEST_URI", "/login"}, {"CONTENT_LENGTH", std::to_string(2 * mib)},
                  {"CONTENT_TYPE", "application/x-www-form-urlencoded"}});
    client.send_stdin(std::string(mib + 1, 'a'));
    BOOST_TEST(client.read_response().rfind("Status: 413", 0) == 0);
    // The rest was never read: authgate takes it rather than close on unread input.
    client.send_stdin(std::string(mib - 1, 'a'));
    client.end_stdin();
    BOOST_TEST(!client.closed_by_peer(), "the rest of a refused body is still taken");
}

BOOST_AUTO_TEST_CASE(sighup_reloads_an_edited_site_template) {
    TempDir site;
    ServerOptions options;
    options.authgate_args = {"--templates", site.path(), "--template-reload-interval", "0"};
    TestServer server(options);
    HttpClient client(server.base_url());
    BOOST_TEST(client.get("/login").body.find("site override marker") == std::string::npos);
    write_template(site.path() + "/login.tpl", marker_index);
    std::this_thread::sleep_for(100ms);
    BOOST_TEST(client.get("/login").body.find("site override marker") == std::string::npos);
    server.signal_authgate(SIGHUP);
    std::this_thread::sleep_for(300ms);
    BOOST_TEST(client.get("/login").body.find("site override marker") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_edited_template_is_served_within_seconds_without_a_signal) {
    TempDir site;
    ServerOptions options;
    options.authgate_args = {"--templates", site.path(), "--template-reload-interval", "1"};
    TestServer server(options);
    HttpClient client(server.base_url());
    BOOST_TEST(client.get("/login").status == 200);
    write_template(site.path() + "/login.tpl", marker_index);
    bool seen = false;
    for (int attempt = 0; attempt < 50 && !seen; ++attempt) {
        seen = client.get("/login").body.find("site override marker") != std::string::npos;
        if (!seen) std::this_thread::sleep_for(100ms);
    }
    BOOST_TEST(seen);
}

// SigBlk of one thread (/proc/PID/task/TID/status), as a bit mask; 0 when it cannot be read.
unsigned long long blocked_signals(pid_t pid, const std::string& tid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/task/" + tid + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("SigBlk:", 0) == 0) return std::stoull(line.substr(7), nullptr, 16);
    return 0;
}

BOOST_AUTO_TEST_CASE(every_thread_of_a_server_blocks_the_signals_it_waits_for) {
    // A thread that does not block SIGHUP would take one sent while the workers are still being set
    // up, and its default action ends the whole process.
    TestServer server;
    // The socket exists before the workers do: one answered request means they all run.
    HttpClient client(server.base_url());
    BOOST_REQUIRE(client.get("/login").status == 200);
    pid_t pid = server.authgate_pid();
    DIR* tasks = opendir(("/proc/" + std::to_string(pid) + "/task").c_str());
    BOOST_REQUIRE(tasks != nullptr);
    int threads = 0;
    const unsigned long long wanted = (1ULL << (SIGHUP - 1)) | (1ULL << (SIGINT - 1)) | (1ULL << (SIGTERM - 1));
    while (dirent* entry = readdir(tasks)) {
        std::string tid = entry->d_name;
        if (tid == "." || tid == "..") continue;
        ++threads;
        // The main thread waits in sigwait(), which unblocks the awaited signals while it waits.
        if (tid == std::to_string(pid)) continue;
        BOOST_TEST((blocked_signals(pid, tid) & wanted) == wanted, "thread " << tid << " leaves a signal unblocked");
    }
    closedir(tasks);
    BOOST_TEST(threads >= 3);  // at least main, a hash-pool thread and the worker that answered
}

BOOST_AUTO_TEST_CASE(a_broken_template_gives_500_and_a_log_line_then_recovers) {
    TempDir site;
    ServerOptions options;
    options.authgate_args = {"--templates", site.path(), "--template-reload-interval", "0"};
    TestServer server(options);
    HttpClient client(server.base_url());
    write_template(site.path() + "/login.tpl", "{{%AUTOESCAPE context=\"HTML\"}}{{#UNCLOSED}}oops\n");
    server.signal_authgate(SIGHUP);
    std::this_thread::sleep_for(300ms);
    auto broken = client.get("/login");
    BOOST_TEST(broken.status == 500);
    BOOST_TEST(broken.body.find("Something went wrong") != std::string::npos);
    BOOST_TEST(broken.body.find("login.tpl") == std::string::npos);
    BOOST_TEST(server.authgate_log().find("login.tpl") != std::string::npos);
    write_file(site.path() + "/login.tpl", marker_index);
    struct stat info {};
    stat((site.path() + "/login.tpl").c_str(), &info);
    utimbuf later{info.st_atime + 20, info.st_mtime + 20};
    utime((site.path() + "/login.tpl").c_str(), &later);
    server.signal_authgate(SIGHUP);
    std::this_thread::sleep_for(300ms);
    auto fixed = client.get("/login");
    BOOST_TEST(fixed.status == 200);
    BOOST_TEST(fixed.body.find("site override marker") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cgi_mode_answers_one_request_from_the_environment) {
    TempDir dir;
    std::string srcdir = required_env("AUTHGATE_SRCDIR");
    std::vector<std::string> common = {required_env("AUTHGATE_BIN"), "--database", dir.path() + "/cgi.db",
                                       "--template-root", srcdir + "/templates"};
    std::vector<std::string> env = {"GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=GET", "SCRIPT_NAME=/cgi-bin/authgate",
                                    "PATH_INFO=/login", "QUERY_STRING=", "REMOTE_ADDR=127.0.0.1"};
    auto explicit_cgi = common;
    explicit_cgi.push_back("--cgi");
    auto result = run_command(explicit_cgi, "", env);
    BOOST_TEST(result.status == 0);
    BOOST_TEST(result.out.rfind("Status: 200 OK\r\n", 0) == 0);
    BOOST_TEST(result.out.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
    BOOST_TEST(result.out.find("<title>") != std::string::npos);

    auto detected = run_command(common, "", env);
    BOOST_TEST(detected.status == 0);
    BOOST_TEST(detected.out.rfind("Status: 200 OK\r\n", 0) == 0);

    env[4] = "PATH_INFO=/missing";
    auto missing = run_command(common, "", env);
    BOOST_TEST(missing.out.rfind("Status: 404", 0) == 0);
}

BOOST_AUTO_TEST_CASE(an_inherited_socket_on_fd_0_works_under_spawn_fcgi) {
    ServerOptions options;
    options.under_spawn_fcgi = true;
    TestServer server(options);
    HttpClient client(server.base_url());
    auto response = client.get("/login");
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body.find("<title>") != std::string::npos);
    BOOST_TEST(server.stop_authgate(SIGTERM) == 0);
}

BOOST_AUTO_TEST_CASE(bad_options_and_unusable_paths_fail_with_one_clear_line) {
    TempDir dir;
    std::string bin = required_env("AUTHGATE_BIN");
    std::string db = dir.path() + "/x.db";
    auto threads = run_command({bin, "--threads", "0", "--database", db, "--listen", "unix:" + dir.path() + "/s"});
    BOOST_TEST(threads.status == 2);
    BOOST_TEST(threads.err.find("--threads") != std::string::npos);
    auto unknown = run_command({bin, "--no-such-option"});
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.err.find("no-such-option") != std::string::npos);
    auto wildcard = run_command({bin, "--database", db, "--listen", "0.0.0.0:9000"});
    BOOST_TEST(wildcard.status != 0);
    BOOST_TEST(wildcard.err.find("0.0.0.0:9000") != std::string::npos);
    auto lan = run_command({bin, "--database", db, "--listen", "192.168.1.10:9000"});
    BOOST_TEST(lan.status != 0);
    BOOST_TEST(lan.err.find("refusing to listen beyond this machine") != std::string::npos);
    auto empty_host = run_command({bin, "--database", db, "--listen", ":9000"});
    BOOST_TEST(empty_host.status != 0);
    auto bad_socket = run_command({bin, "--database", db, "--listen", "unix:/nonexistent-dir/a.sock"});
    BOOST_TEST(bad_socket.status != 0);
    BOOST_TEST(bad_socket.err.find("/nonexistent-dir/a.sock") != std::string::npos);
    auto bad_db = run_command({bin, "--database", "/nonexistent-dir/a.db", "--listen", "unix:" + dir.path() + "/s"});
    BOOST_TEST(bad_db.status != 0);
    BOOST_TEST(bad_db.err.find("/nonexistent-dir/a.db") != std::string::npos);
    auto nothing = run_command({bin, "--database", db});
    BOOST_TEST(nothing.status == 2);
    BOOST_TEST(nothing.err.find("--listen") != std::string::npos);
    auto version = run_command({bin, "--version"});
    BOOST_TEST(version.status == 0);
    BOOST_TEST(version.out.find("authgate") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_example_config_file_is_accepted_as_shipped) {
    TempDir dir;
    std::string example = read_file(required_env("AUTHGATE_SRCDIR") + "/authgate.conf.example");
    for (const std::string& placeholder : {"@localstatedir@", "@runstatedir@", "@pkgdatadir@"})
        for (auto at = example.find(placeholder); at != std::string::npos; at = example.find(placeholder))
            example.replace(at, placeholder.size(), dir.path());
    write_file(dir.path() + "/authgate.conf", example);
    auto result = run_command({required_env("AUTHGATE_BIN"), "--config", dir.path() + "/authgate.conf", "--database",
                               dir.path() + "/example.db", "--cgi"},
                              "", {"REQUEST_METHOD=GET", "PATH_INFO=/", "GATEWAY_INTERFACE=CGI/1.1"});
    BOOST_TEST(result.status == 0, result.err);
    BOOST_TEST(result.out.rfind("Status: 302 Found\r\n", 0) == 0);
    auto broken = run_command({required_env("AUTHGATE_BIN"), "--config", dir.path() + "/missing.conf"});
    BOOST_TEST(broken.status == 2);
    BOOST_TEST(broken.err.find("missing.conf") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
