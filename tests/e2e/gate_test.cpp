// gate_test.cpp -- the gate behind a real nginx: auth_request to /auth with the shipped snippets and examples.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/fcgi_client.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

// A shipped nginx file with its includes of authgate-protect.conf inlined and the demo pointing
// into the source tree (test_server.cpp replaces the socket path).
std::string shipped(const std::string& name, int upstream_port) {
    std::string srcdir = required_env("AUTHGATE_SRCDIR");
    std::string text = read_file(srcdir + "/nginx/" + name);
    BOOST_TEST_REQUIRE(!text.empty(), name);
    text = replace_all_of(text, "include /usr/local/share/authgate/nginx/authgate-protect.conf;",
                          read_file(srcdir + "/nginx/authgate-protect.conf"));
    text = replace_all_of(text, "/usr/local/share/authgate/demo/", srcdir + "/demo/");
    text = replace_all_of(text, "alias /srv/docs/;", "alias " + srcdir + "/demo/private/;");
    text = replace_all_of(text, "127.0.0.1:8081", "127.0.0.1:" + std::to_string(upstream_port));
    text = replace_all_of(text, "127.0.0.1:8082", "127.0.0.1:" + std::to_string(upstream_port));
    return text;
}

// A gated location over the demo page with `rules`.
std::string rule_location(const std::string& path, const std::string& rules) {
    std::string srcdir = required_env("AUTHGATE_SRCDIR");
    return "location " + path + " {\n set $authgate_rules \"" + rules + "\";\n" +
           read_file(srcdir + "/nginx/authgate-protect.conf") + "\n alias " + srcdir + "/demo/private/;\n}\n";
}

ServerOptions gate_options(int upstream_port) {
    ServerOptions options;
    options.nginx_extra_server = shipped("authgate-gate.conf", upstream_port) +
                                 shipped("demo-private.conf", upstream_port) +
                                 shipped("examples/static-site.conf", upstream_port) +
                                 shipped("examples/proxied-app.conf", upstream_port) +
                                 shipped("examples/api.conf", upstream_port) +
                                 rule_location("/fresh/", "require=fresh") +
                                 rule_location("/verified/", "verified=1") +
                                 rule_location("/staff/", "groups=staff,admins");
    // The application behind the proxy: it echoes the identity headers it received.
    options.nginx_extra_http = "  server {\n    listen 127.0.0.1:" + std::to_string(upstream_port) +
                               ";\n    location / {\n      default_type text/plain;\n"
                               "      return 200 \"user=$http_remote_user email=$http_remote_email "
                               "groups=$http_remote_groups\\n\";\n    }\n  }\n";
    return options;
}

struct GateServer {
    GateServer() : upstream_port(free_port()), server(gate_options(upstream_port)) {}
    int upstream_port;
    TestServer server;
};

void join_group(const TestServer& server, const std::string& username, const std::string& group) {
    SqlitePeek db(server.database());
    db.execute("INSERT INTO authgate_group_member (user_id, group_name) SELECT id, ?2 FROM user WHERE username = ?1",
               {username, group});
}

std::string remember_value_of(const HttpResponse& login) {
    return parse_set_cookie(login.set_cookie("remember_token")).value;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gate)

BOOST_AUTO_TEST_CASE(an_anonymous_visitor_is_sent_to_the_login_page_with_next_encoded_like_the_app_does) {
    GateServer gate;
    HttpClient client(gate.server.base_url());
    auto response = client.get("/private/a%20b?x=1");
    BOOST_TEST(response.status == 302);
    BOOST_TEST(response.header("Location") == "/login?next=%2Fprivate%2Fa%2520b%3Fx%3D1");
    BOOST_TEST(response.headers_named("Set-Cookie").empty());
    // The app's own login-required redirect encodes the same way.
    auto own = client.get("/dashboard?x=a%20b");
    BOOST_TEST(own.header("Location") == "/login?next=" + percent_encode("/dashboard?x=a%20b"));
    BOOST_TEST(client.get("/private/whoami").status == 302);
}

BOOST_AUTO_TEST_CASE(a_signed_in_user_sees_the_page_and_whoami_gives_the_username) {
    GateServer gate;
    HttpClient client(gate.server.base_url());
    Account account = unique_account("gate");
    register_and_log_in(client, account);
    auto page = client.get("/private/");
    BOOST_TEST(page.status == 200);
    BOOST_TEST(contains(page.body, "<h1>Private page</h1>"));
    BOOST_TEST(page.headers_named("Set-Cookie").empty());
    auto whoami = client.get("/private/whoami");
    BOOST_TEST(whoami.status == 200);
    BOOST_TEST(whoami.body == account.username + "\n");
    BOOST_TEST(client.get("/docs/").status == 200);
    BOOST_TEST(contains(client.get("/dashboard").body, "href=\"/private/\""));
}

BOOST_AUTO_TEST_CASE(a_client_asking_for_auth_directly_gets_404) {
    GateServer gate;
    HttpClient client(gate.server.base_url());
    register_and_log_in(client, unique_account("direct"));
    BOOST_TEST(client.get("/auth").status == 404);
    BOOST_TEST(client.get("/auth?groups=staff").status == 404);
}

BOOST_AUTO_TEST_CASE(a_remember_cookie_alone_takes_one_round_trip_through_login_without_a_password) {
    GateServer gate;
    HttpClient first(gate.server.base_url());
    Account account = unique_account("gaterem");
    BOOST_TEST_REQUIRE(register_account(first, account).status == 302);
    std::string remember = remember_value_of(log_in(first, account.email, account.password, true));
    BOOST_TEST_REQUIRE(!remember.empty());

    HttpClient returning(gate.server.base_url());
    returning.cookies["remember_token"] = remember;
    auto gated = returning.get("/private/");
    BOOST_TEST_REQUIRE(gated.status == 302);
    BOOST_TEST(gated.header("Location") == "/login?next=%2Fprivate%2F");
    BOOST_TEST(gated.headers_named("Set-Cookie").empty());  // the gate did not rotate anything
    auto login = returning.get(gated.header("Location"));
    BOOST_TEST(login.status == 302);
    BOOST_TEST(login.header("Location") == "/private/");
    BOOST_TEST(!login.set_cookie("session").empty());
    auto page = returning.get("/private/");
    BOOST_TEST(page.status == 200);
    BOOST_TEST(returning.get("/private/whoami").body == account.username + "\n");
}

BOOST_AUTO_TEST_CASE(require_fresh_sends_a_restored_session_to_the_password_form_and_back) {
    GateServer gate;
    HttpClient first(gate.server.base_url());
    Account account = unique_account("gatefresh");
    BOOST_TEST_REQUIRE(register_account(first, account).status == 302);
    std::string remember = remember_value_of(log_in(first, account.email, account.password, true));
    BOOST_TEST(first.get("/fresh/").status == 200);  // a password login is fresh

    HttpClient returning(gate.server.base_url());
    returning.cookies["remember_token"] = remember;
    BOOST_TEST(returning.get("/private/").status == 302);
    auto restored = returning.get("/login?next=%2Fprivate%2F");
    BOOST_TEST_REQUIRE(restored.status == 302);
    BOOST_TEST(returning.get("/private/").status == 200);
    auto fresh = returning.get("/fresh/");
    BOOST_TEST_REQUIRE(fresh.status == 302);
    BOOST_TEST(fresh.header("Location") == "/login?next=%2Ffresh%2F&fresh=1");
    auto form = returning.get(fresh.header("Location"));
    BOOST_TEST(form.status == 200);  // the form, not a redirect loop
    BOOST_TEST(contains(form.body, "name=\"password\""));
    auto again = log_in(returning, account.email, account.password, false, "?next=%2Ffresh%2F&fresh=1");
    BOOST_TEST(again.status == 302);
    BOOST_TEST(again.header("Location") == "/fresh/");
    BOOST_TEST(returning.get("/fresh/").status == 200);
}

BOOST_AUTO_TEST_CASE(the_login_page_keeps_the_form_for_the_apps_own_fresh_pages) {
    GateServer gate;
    HttpClient first(gate.server.base_url());
    Account account = unique_account("gateset");
    BOOST_TEST_REQUIRE(register_account(first, account).status == 302);
    std::string remember = remember_value_of(log_in(first, account.email, account.password, true));
    HttpClient returning(gate.server.base_url());
    returning.cookies["remember_token"] = remember;
    auto form = returning.get("/login?next=%2Fsettings");
    BOOST_TEST(form.status == 200);
    BOOST_TEST(contains(form.body, "name=\"password\""));
}

BOOST_AUTO_TEST_CASE(rules_on_users_groups_and_verified_email_give_403) {
    GateServer gate;
    HttpClient alice(gate.server.base_url());
    Account account = unique_account("gaterule");
    register_and_log_in(alice, account);
    HttpClient other(gate.server.base_url());
    Account someone = unique_account("gateother");
    register_and_log_in(other, someone);

    BOOST_TEST(alice.get("/staff/").status == 403);
    BOOST_TEST(alice.get("/verified/").status == 403);
    join_group(gate.server, account.username, "admins");
    join_group(gate.server, someone.username, "Staff");  // names are compared as stored
    BOOST_TEST(alice.get("/staff/").status == 200);
    BOOST_TEST(other.get("/staff/").status == 403);
    {
        SqlitePeek db(gate.server.database());
        db.execute("UPDATE user SET email_verified = 1 WHERE username = ?1", {account.username});
    }
    BOOST_TEST(alice.get("/verified/").status == 200);
    BOOST_TEST(other.get("/verified/").status == 403);
}

BOOST_AUTO_TEST_CASE(the_gate_writes_no_row_and_sets_no_cookie) {
    GateServer gate;
    HttpClient client(gate.server.base_url());
    Account account = unique_account("gateread");
    register_and_log_in(client, account);
    join_group(gate.server, account.username, "staff");
    SqlitePeek db(gate.server.database());
    // Old enough for a page view to touch it: the gate must not.
    db.execute("UPDATE authgate_session SET last_seen_at = last_seen_at - 300");
    auto before = db.row_counts();
    std::string seen = db.scalar("SELECT group_concat(last_seen_at || ':' || fresh) FROM authgate_session");
    HttpClient anonymous(gate.server.base_url());
    for (int i = 0; i < 20; ++i) {
        for (const char* path : {"/private/", "/private/whoami", "/staff/", "/verified/", "/fresh/", "/app/x"}) {
            auto response = client.get(path);
            BOOST_TEST(response.headers_named("Set-Cookie").empty(), path);
        }
        auto refused = anonymous.get("/private/");
        BOOST_TEST(refused.headers_named("Set-Cookie").empty());
    }
    BOOST_TEST((db.row_counts() == before));
    BOOST_TEST(db.scalar("SELECT group_concat(last_seen_at || ':' || fresh) FROM authgate_session") == seen);
}

BOOST_AUTO_TEST_CASE(the_proxied_application_sees_authgates_identity_not_the_clients) {
    GateServer gate;
    HttpClient client(gate.server.base_url());
    Account account = unique_account("gateproxy");
    register_and_log_in(client, account);
    std::vector<std::string> forged = {"Remote-User: admin", "Remote-Email: admin@example.com",
                                       "Remote-Groups: staff,admins"};
    BOOST_TEST(client.get("/app/", forged).status == 403);  // the example requires groups=staff
    join_group(gate.server, account.username, "staff");
    join_group(gate.server, account.username, "editors");
    auto response = client.get("/app/", forged);
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body == "user=" + account.username + " email=" + account.email + " groups=editors,staff\n");
}

BOOST_AUTO_TEST_CASE(an_api_location_gives_a_plain_401) {
    GateServer gate;
    HttpClient client(gate.server.base_url());
    auto response = client.get("/api/items");
    BOOST_TEST(response.status == 401);
    BOOST_TEST(response.header("Location") == "");
    register_and_log_in(client, unique_account("gateapi"));
    auto allowed = client.get("/api/items", {"Remote-User: admin"});
    BOOST_TEST(allowed.status == 200);
    BOOST_TEST(!contains(allowed.body, "user=admin"));
}

BOOST_AUTO_TEST_CASE(the_auth_answer_carries_identity_headers_no_store_and_no_cookie) {
    GateServer gate;
    HttpClient client(gate.server.base_url());
    Account account = unique_account("gateraw");
    register_and_log_in(client, account);
    std::map<std::string, std::string> params = {
        {"REQUEST_METHOD", "GET"}, {"REQUEST_URI", "/auth?groups="}, {"QUERY_STRING", "groups="},
        {"HTTP_COOKIE", "session=" + client.cookies["session"]}, {"HTTP_X_ORIGINAL_URI", "/x"}};
    std::string allowed = FcgiClient::round_trip(gate.server.socket_path(), params);
    BOOST_TEST(contains(allowed, "X-Authgate-User: " + account.username + "\r\n"));
    BOOST_TEST(contains(allowed, "X-Authgate-Email: " + account.email + "\r\n"));
    BOOST_TEST(contains(allowed, "X-Authgate-Groups: \r\n"));
    BOOST_TEST(contains(allowed, "Cache-Control: no-store"));
    BOOST_TEST(!contains(allowed, "Set-Cookie"));
    BOOST_TEST(allowed.substr(allowed.find("\r\n\r\n") + 4) == "");
    params["HTTP_COOKIE"] = "";
    std::string refused = FcgiClient::round_trip(gate.server.socket_path(), params);
    BOOST_TEST(contains(refused, "Status: 401"));
    BOOST_TEST(contains(refused, "X-Authgate-Login: /login?next=%2Fx\r\n"));
    BOOST_TEST(!contains(refused, "Set-Cookie"));
    params["QUERY_STRING"] = "colour=blue";
    BOOST_TEST(contains(FcgiClient::round_trip(gate.server.socket_path(), params), "Status: 400"));
}

BOOST_AUTO_TEST_SUITE_END()
