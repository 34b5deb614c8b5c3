// apache_authorizer_test.cpp -- the gate as a FastCGI authorizer behind a real Apache (mod_authnz_fcgi).
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

using namespace std::chrono_literals;

const std::string kModules = "/usr/lib/apache2/modules";

std::string apache_binary() {
    const char* value = std::getenv("APACHE2");
    return value && *value ? value : "/usr/sbin/apache2";
}

bool file_exists(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0;
}

// Skipped where Apache or mod_authnz_fcgi is not installed -- unless AUTHGATE_REQUIRE_SUITES=1.
boost::test_tools::assertion_result apache_available(boost::unit_test::test_unit_id) {
    bool present = file_exists(apache_binary()) && file_exists(kModules + "/mod_authnz_fcgi.so") &&
                   file_exists(kModules + "/mod_setenvif.so");
    const char* required = std::getenv("AUTHGATE_REQUIRE_SUITES");
    boost::test_tools::assertion_result result(present || (required && std::string(required) == "1"));
    if (!present) result.message() << "Apache with mod_authnz_fcgi is not installed (" << apache_binary() << ")";
    return result;
}

bool can_connect(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

// A child process, ended with SIGTERM when the test is done.
class Child {
public:
    Child(const std::vector<std::string>& argv, const std::string& log) {
        pid_ = fork();
        if (pid_ == 0) {
            int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            dup2(out, 1);
            dup2(out, 2);
            std::vector<char*> args;
            for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
    }
    ~Child() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 500 && waitpid(pid_, &status, WNOHANG) == 0; ++i) std::this_thread::sleep_for(20ms);
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    bool running() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

private:
    pid_t pid_ = -1;
};

void wait_for_port(int port, const Child& child, const std::string& what, const std::string& log) {
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!can_connect(port)) {
        if (!child.running() || std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error(what + " did not start: " + read_file(log));
        std::this_thread::sleep_for(20ms);
    }
}

// authgate (a second process on the same database, on TCP: mod_authnz_fcgi speaks nothing else)
// and Apache in the foreground with its own httpd.conf, protecting a directory with the shipped
// apache/authgate-authorizer.conf.
struct ApacheGate {
    explicit ApacheGate(const TestServer& site, const std::string& rules)
        : authgate_port(free_port()), apache_port(free_port()) {
        std::string srcdir = required_env("AUTHGATE_SRCDIR");
        const std::string& dir = scratch.path();
        chmod(dir.c_str(), 0755);  // Apache's children run as nobody
        mkdir((dir + "/www").c_str(), 0755);
        mkdir((dir + "/www/private").c_str(), 0755);
        write_file(dir + "/www/private/index.html", "the private page\n");
        // A CGI-free echo of what the protected request carries: mod_headers copies the variables
        // into response headers.
        std::string conf = read_file(srcdir + "/apache/authgate-authorizer.conf");
        BOOST_TEST_REQUIRE(!conf.empty());
        conf = replace_all_of(conf, "/srv/private", dir + "/www/private");
        conf = replace_all_of(conf, "127.0.0.1:9090", "127.0.0.1:" + std::to_string(authgate_port));
        conf = replace_all_of(conf, "AUTHGATE_RULES=groups=staff", "AUTHGATE_RULES=" + rules);
        write_file(dir + "/authorizer.conf", conf);
        std::string user = geteuid() == 0 ? "User nobody\nGroup nogroup\n" : "";
        auto module = [](const std::string& name, const std::string& file) {
            return "LoadModule " + name + " " + kModules + "/" + file + "\n";
        };
        write_file(dir + "/httpd.conf",
                   "ServerRoot \"" + dir + "\"\nServerName 127.0.0.1\nListen 127.0.0.1:" +
                       std::to_string(apache_port) + "\nPidFile " + dir + "/httpd.pid\nErrorLog " + dir +
                       "/error.log\nLogLevel warn\n" + user + module("mpm_event_module", "mod_mpm_event.so") +
                       module("authz_core_module", "mod_authz_core.so") +
                       module("authn_core_module", "mod_authn_core.so") +
                       module("authz_user_module", "mod_authz_user.so") +
                       module("authnz_fcgi_module", "mod_authnz_fcgi.so") +
                       module("setenvif_module", "mod_setenvif.so") + module("headers_module", "mod_headers.so") +
                       module("dir_module", "mod_dir.so") + "DirectoryIndex index.html\nDocumentRoot " + dir +
                       "/www\nInclude " + dir + "/authorizer.conf\n<Directory \"" + dir +
                       "/www/private\">\n  Header always set X-Seen-User \"expr=%{REMOTE_USER}\"\n"
                       "  Header always set X-Seen-Email \"%{AUTHGATE_EMAIL}e\"\n"
                       "  Header always set X-Seen-Groups \"%{AUTHGATE_GROUPS}e\"\n</Directory>\n");
        authgate = std::make_unique<Child>(
            std::vector<std::string>{required_env("AUTHGATE_BIN"), "--listen",
                                     "127.0.0.1:" + std::to_string(authgate_port), "--database", site.database(),
                                     "--template-root", srcdir + "/templates", "--static", srcdir + "/static"},
            dir + "/authgate.log");
        wait_for_port(authgate_port, *authgate, "authgate", dir + "/authgate.log");
        apache = std::make_unique<Child>(
            std::vector<std::string>{apache_binary(), "-f", dir + "/httpd.conf", "-DFOREGROUND"}, dir + "/apache.log");
        wait_for_port(apache_port, *apache, "apache", dir + "/apache.log");
    }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(apache_port); }

    TempDir scratch;
    int authgate_port;
    int apache_port;
    std::unique_ptr<Child> authgate;
    std::unique_ptr<Child> apache;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(apache_authorizer)

BOOST_AUTO_TEST_CASE(apache_lets_a_signed_in_member_through_with_authgates_variables,
                     *boost::unit_test::precondition(apache_available)) {
    TestServer site;
    ApacheGate apache(site, "groups=staff");
    HttpClient login(site.base_url());
    Account account = unique_account("apache");
    register_and_log_in(login, account);

    HttpClient visitor(apache.base_url());
    auto anonymous = visitor.get("/private/");
    BOOST_TEST(anonymous.status == 401);
    BOOST_TEST(anonymous.headers_named("Set-Cookie").empty());

    visitor.cookies = login.cookies;
    auto refused = visitor.get("/private/");
    BOOST_TEST(refused.status == 403);  // not in staff yet
    {
        SqlitePeek db(site.database());
        db.execute("INSERT INTO authgate_group_member (user_id, group_name) SELECT id, 'staff' FROM user "
                   "WHERE username = ?1",
                   {account.username});
    }
    auto page = visitor.get("/private/", {"Remote-User: admin"});
    BOOST_TEST(page.status == 200);
    BOOST_TEST(page.body == "the private page\n");
    BOOST_TEST(page.header("X-Seen-User") == account.username);
    BOOST_TEST(page.header("X-Seen-Email") == account.email);
    BOOST_TEST(page.header("X-Seen-Groups") == "staff");
    BOOST_TEST(page.headers_named("Set-Cookie").empty());
    // The grant's own headers stay with Apache: no authgate page headers on the protected page.
    BOOST_TEST(page.header("Content-Security-Policy") == "");
    BOOST_TEST(page.header("Variable-AUTHGATE_USER") == "");
}

BOOST_AUTO_TEST_CASE(apache_applies_require_fresh_and_users_rules,
                     *boost::unit_test::precondition(apache_available)) {
    TestServer site;
    HttpClient login(site.base_url());
    Account account = unique_account("apachefresh");
    BOOST_TEST_REQUIRE(register_account(login, account).status == 302);
    auto logged_in = log_in(login, account.email, account.password, true);
    BOOST_TEST_REQUIRE(logged_in.status == 302);
    {
        ApacheGate apache(site, "require=fresh&users=" + account.username);
        HttpClient visitor(apache.base_url());
        visitor.cookies = login.cookies;
        BOOST_TEST(visitor.get("/private/").status == 200);
        // A session restored from the remember cookie is not fresh.
        HttpClient returning(site.base_url());
        returning.cookies["remember_token"] = login.cookies["remember_token"];
        BOOST_TEST(returning.get("/dashboard").status == 200);
        HttpClient restored(apache.base_url());
        restored.cookies = returning.cookies;
        BOOST_TEST(restored.get("/private/").status == 401);
    }
    ApacheGate others(site, "users=someone-else");
    HttpClient visitor(others.base_url());
    visitor.cookies = login.cookies;
    BOOST_TEST(visitor.get("/private/").status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
