// hardening_test.cpp -- throttling, uniform failures, password strength, audit log, headers, socket mode.
#include <boost/test/unit_test.hpp>
#include <sys/stat.h>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

// The body of a login page with the CSRF token blanked out, for comparing failures.
std::string without_token(std::string body) {
    std::string token = input_value(body, "csrf_token");
    if (!token.empty()) body = replace_all_of(body, token, "TOKEN");
    return body;
}

// Adds `count` failed logins for `email` stamped now, so the next delay is long (2^count s) and a
// slow machine cannot let it run out before the test's next request.
void add_recent_failures(const TestServer& server, const std::string& email, int count) {
    SqlitePeek db(server.database());
    for (int i = 0; i < count; ++i)
        db.execute("INSERT INTO authgate_attempt (kind, key, at) VALUES ('login_account', lower(?1), ?2)",
                   {email, std::to_string(unix_now())});
}

std::vector<std::string> header_names(const HttpResponse& response) {
    std::vector<std::string> names;
    for (const auto& [name, value] : response.headers)
        if (name != "date" && name != "set-cookie") names.push_back(name);
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hardening)

BOOST_AUTO_TEST_CASE(repeated_failures_for_one_account_get_429_with_retry_after_even_with_the_right_password) {
    TestServer server(with_args({"--login-max-delay", "600"}));
    HttpClient client(server.base_url());
    Account account = unique_account("victim");
    BOOST_REQUIRE(register_account(client, account).status == 302);
    for (int i = 0; i < 5; ++i) BOOST_TEST(log_in(client, account.email, "wrong password " + std::to_string(i)).status == 422);
    add_recent_failures(server, account.email, 5);
    auto wrong = log_in(client, account.email, "still wrong");
    BOOST_TEST(wrong.status == 429);
    BOOST_TEST(!wrong.header("Retry-After").empty());
    BOOST_TEST(contains(wrong.body, "Too many attempts"));
    BOOST_TEST(wrong.header("Content-Type") == "text/html; charset=utf-8");
    auto right = log_in(client, account.email, account.password);
    BOOST_TEST(right.status == 429);
    BOOST_TEST(right.header("Location").empty());
    BOOST_TEST(client.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(throttling_an_unknown_email_looks_the_same_as_a_known_one) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("known");
    BOOST_REQUIRE(register_account(client, account).status == 302);
    for (int i = 0; i < 5; ++i) {
        log_in(client, account.email, "wrong password");
        log_in(client, "nobody-here@example.com", "wrong password");
    }
    add_recent_failures(server, account.email, 5);
    add_recent_failures(server, "nobody-here@example.com", 5);
    auto known = log_in(client, account.email, "wrong password");
    auto unknown = log_in(client, "nobody-here@example.com", "wrong password");
    BOOST_TEST(known.status == 429);
    BOOST_TEST(unknown.status == 429);
    BOOST_TEST(without_token(known.body) == without_token(unknown.body));
    BOOST_TEST(header_names(known) == header_names(unknown));
}

BOOST_AUTO_TEST_CASE(unknown_email_wrong_password_inactive_and_malformed_hash_fail_alike) {
    TestServer server;
    HttpClient setup(server.base_url());
    Account wrong = unique_account("wrong"), inactive = unique_account("inactive"), broken = unique_account("broken");
    for (const auto& account : {wrong, inactive, broken}) BOOST_REQUIRE(register_account(setup, account).status == 302);
    SqlitePeek db(server.database());
    db.execute("UPDATE user SET active = 0 WHERE email = ?1", {inactive.email});
    db.execute("UPDATE user SET password_hash = 'plain$$x' WHERE email = ?1", {broken.email});
    std::vector<HttpResponse> answers;
    for (const auto& [email, password] : std::vector<std::pair<std::string, std::string>>{
             {"unknown-person@example.com", "some password"},
             {wrong.email, "not the password"},
             {inactive.email, inactive.password},
             {broken.email, "x"}}) {
        HttpClient client(server.base_url());
        answers.push_back(log_in(client, email, password));
    }
    for (const auto& answer : answers) {
        BOOST_TEST(answer.status == 422);
        BOOST_TEST(without_token(answer.body) == without_token(answers[0].body));
        BOOST_TEST(header_names(answer) == header_names(answers[0]));
        BOOST_TEST(contains(answer.body, "Invalid email or password"));
    }
}

BOOST_AUTO_TEST_CASE(registration_is_throttled_per_address) {
    TestServer server(with_args({"--registrations-per-hour", "3"}));
    HttpClient client(server.base_url());
    for (int i = 0; i < 3; ++i) BOOST_TEST(register_account(client, unique_account("many")).status == 302);
    auto refused = register_account(client, unique_account("many"));
    BOOST_TEST(refused.status == 429);
    BOOST_TEST(!refused.header("Retry-After").empty());
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user") == 3);
}

BOOST_AUTO_TEST_CASE(nginx_limits_bursts_of_form_posts_with_429) {
    ServerOptions options;
    options.nginx_form_rate = "5r/s";
    TestServer server(options);
    HttpClient client(server.base_url());
    std::string token = csrf_token_of(client, "/login");
    int limited = 0;
    for (int i = 0; i < 40; ++i) {
        auto response = client.post("/login", {{"csrf_token", token}, {"email", "x@example.com"}, {"password", "p"}});
        if (response.status == 429) ++limited;
    }
    BOOST_TEST(limited > 0);
    BOOST_TEST(client.get("/login").status == 200);  // GETs are not limited
}

BOOST_AUTO_TEST_CASE(weak_passwords_are_refused_at_registration_without_echoing_them) {
    TestServer server;
    HttpClient client(server.base_url());
    for (const std::string& password : {std::string("password123"), std::string("qwertyuiop")}) {
        Account account = unique_account("weak");
        account.password = password;
        auto response = register_account(client, account);
        BOOST_TEST(response.status == 422);
        BOOST_TEST(contains(response.body, "Password is too easy to guess"));
        BOOST_TEST(!contains(response.body, password));
    }
    Account named{"zebrafinch@example.com", "zebrafinch", "zebrafinch7"};
    auto own_name = register_account(client, named);
    BOOST_TEST(own_name.status == 422);
    BOOST_TEST(contains(own_name.body, "username or email"));
    Account strong{"strong@example.com", "strong", "correct horse battery staple"};
    BOOST_TEST(register_account(client, strong).status == 302);
}

BOOST_AUTO_TEST_CASE(the_audit_log_records_events_without_secrets) {
    TempDir logs;
    std::string audit = logs.path() + "/audit.log";
    TestServer server(with_args({"--audit-log", audit}));
    HttpClient client(server.base_url());
    Account account = unique_account("audited");
    BOOST_REQUIRE(register_account(client, account).status == 302);
    log_in(client, account.email, "a wrong secret password");
    BOOST_REQUIRE(log_in(client, account.email, account.password, true).status == 302);
    std::string session = client.cookies["session"];
    std::string remember = client.cookies["remember_token"];
    BOOST_REQUIRE(log_out(client).status == 302);
    std::string lines = read_file(audit);
    BOOST_TEST(contains(lines, "event=registration outcome=created ip=127.0.0.1 account=" + account.email));
    BOOST_TEST(contains(lines, "event=login_failure outcome=bad_credentials ip=127.0.0.1 account=" + account.email));
    BOOST_TEST(contains(lines, "event=login_success outcome=remember_me ip=127.0.0.1 account=" + account.email));
    BOOST_TEST(contains(lines, "event=logout"));
    BOOST_TEST(contains(lines, "time=20"));
    BOOST_TEST(!contains(lines, account.password));
    BOOST_TEST(!contains(lines, "a wrong secret password"));
    BOOST_TEST(!session.empty());
    BOOST_TEST(!contains(lines, session));
    BOOST_TEST(!contains(lines, remember.substr(remember.find(':') + 1)));
    BOOST_TEST(!contains(server.authgate_log(), account.password));
}

BOOST_AUTO_TEST_CASE(a_forged_line_in_the_email_stays_on_one_audit_line) {
    TempDir logs;
    std::string audit = logs.path() + "/audit.log";
    TestServer server(with_args({"--audit-log", audit}));
    HttpClient client(server.base_url());
    log_in(client, "x@example.com\ntime=2000-01-01T00:00:00Z event=login_success account=admin", "wrong");
    std::string lines = read_file(audit);
    BOOST_TEST(count_of(lines, "\n") == 1u);
    BOOST_TEST(!contains(lines, "\ntime=2000"));
}

BOOST_AUTO_TEST_CASE(redirects_errors_and_pages_all_carry_the_security_headers) {
    TestServer server;
    HttpClient client(server.base_url());
    std::vector<HttpResponse> answers = {client.get("/"), client.get("/login"), client.get("/nope"),
                                         client.get("/dashboard"), client.request("PUT", "/login", "", {}),
                                         client.post("/login", {{"email", "a"}})};
    for (const auto& answer : answers) {
        BOOST_TEST(contains(answer.header("Content-Type"), "charset=utf-8"));
        BOOST_TEST(answer.header("X-Content-Type-Options") == "nosniff");
        BOOST_TEST(answer.header("X-Frame-Options") == "DENY");
        BOOST_TEST(contains(answer.header("Content-Security-Policy"), "frame-ancestors 'none'"));
        BOOST_TEST(answer.header("Referrer-Policy") == "same-origin");
        BOOST_TEST(answer.header("Cross-Origin-Opener-Policy") == "same-origin");
        BOOST_TEST(answer.header("Server") == "nginx");
        BOOST_TEST(answer.header("Strict-Transport-Security").empty());
    }
    BOOST_TEST(answers[1].header("Cache-Control") == "no-store");  // a form
    BOOST_TEST(answers[3].header("Cache-Control") == "no-store");  // sets a cookie
    BOOST_TEST(answers[5].status == 403);
}

BOOST_AUTO_TEST_CASE(https_requests_get_hsts) {
    ServerOptions options;
    options.nginx_extra_fastcgi = "fastcgi_param HTTPS on;";
    TestServer server(options);
    HttpClient client(server.base_url());
    BOOST_TEST(contains(client.get("/login").header("Strict-Transport-Security"), "max-age="));
}

BOOST_AUTO_TEST_CASE(the_unix_socket_is_not_world_accessible) {
    TestServer server;
    struct stat info {};
    BOOST_REQUIRE(stat(server.socket_path().c_str(), &info) == 0);
    BOOST_TEST((info.st_mode & 0777) == 0660u);
}

BOOST_AUTO_TEST_SUITE_END()
