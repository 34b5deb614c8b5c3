// mail_transport_test.cpp -- SMTPS, STARTTLS, a private CA, SMTP AUTH, non-ASCII mail and authgate-admin mail send.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "support/auth_flow.h"
#include "support/smtp_sink.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"
#include "support/text_util.h"

namespace authgate::test {
namespace {

const std::string kPublic = mail_public_url();
const std::string kSmtpPassword = "Sm7p-pass-word-42";

// A self-signed certificate for localhost and 127.0.0.1, made by openssl for this test.
struct Certificate {
    TempDir dir;
    std::string cert;
    std::string key;
    std::string password_file;
    bool made = false;
};

// Makes the certificate (and a file with the SMTP password). False (the test skips) when openssl
// is missing, unless AUTHGATE_REQUIRE_SUITES=1, which fails.
bool make_certificate(Certificate& certificate) {
    certificate.cert = certificate.dir.path() + "/cert.pem";
    certificate.key = certificate.dir.path() + "/key.pem";
    certificate.password_file = certificate.dir.path() + "/smtp-password";
    write_file(certificate.password_file, kSmtpPassword + "\n");
    chmod(certificate.password_file.c_str(), 0600);
    auto made = run_command({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                             certificate.key, "-out", certificate.cert, "-days", "2", "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"});
    certificate.made = made.status == 0;
    if (certificate.made) return true;
    const char* require = std::getenv("AUTHGATE_REQUIRE_SUITES");
    BOOST_REQUIRE_MESSAGE(!(require && std::string(require) == "1"), "openssl cannot make a certificate: " + made.err);
    BOOST_TEST_MESSAGE("skipping: openssl cannot make a certificate");
    return false;
}

HttpResponse ask_reset(HttpClient& client, const std::string& email) {
    return client.post("/forgot", {{"email", email}, {"csrf_token", csrf_token_of(client, "/forgot")}});
}

// Waits (up to 20 s) until the outbox row has failed at least once.
void wait_for_failure(SqlitePeek& db) {
    for (int i = 0; i < 200 && db.integer("SELECT count(*) FROM authgate_outbox WHERE attempts > 0") == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

// The command line of process `pid`, NULs as spaces.
std::string command_line(pid_t pid) {
    std::string text = read_file("/proc/" + std::to_string(pid) + "/cmdline");
    for (char& c : text)
        if (c == '\0') c = ' ';
    return text;
}

// One CGI request to authgate: `cookies` as the Cookie header, `body` as a form body.
struct CgiAnswer {
    std::string head;
    std::string body;
    std::string cookie(const std::string& name) const {
        auto at = head.find("Set-Cookie: " + name + "=");
        if (at == std::string::npos) return "";
        at += 13 + name.size();
        return head.substr(at, head.find_first_of(";\r\n", at) - at);
    }
};
CgiAnswer cgi(const std::vector<std::string>& args, const std::string& method, const std::string& path,
              const std::string& cookies = "", const std::string& body = "") {
    std::vector<std::string> argv = {required_env("AUTHGATE_BIN"), "--cgi", "--template-root",
                                     required_env("AUTHGATE_SRCDIR") + "/templates"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env = {"GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=" + method, "PATH_INFO=" + path,
                                    "QUERY_STRING=", "REMOTE_ADDR=127.0.0.1", "HTTP_COOKIE=" + cookies,
                                    "CONTENT_TYPE=application/x-www-form-urlencoded",
                                    "CONTENT_LENGTH=" + std::to_string(body.size())};
    auto result = run_command(argv, body, env);
    auto split = result.out.find("\r\n\r\n");
    if (split == std::string::npos) return {result.out, ""};
    return {result.out.substr(0, split), result.out.substr(split + 4)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_transport)

BOOST_AUTO_TEST_CASE(smtps_with_a_private_ca_and_a_password_from_a_file) {
    if (!mail_suite_available()) return;
    Certificate certificate;
    if (!make_certificate(certificate)) return;
    SmtpSink sink({"implicit", certificate.cert, certificate.key, "mailer", certificate.password_file});
    TestServer server(with_args(mail_args("smtps://127.0.0.1:" + std::to_string(sink.port()),
                                          {"--email-verification", "off", "--smtp-ca-file", certificate.cert,
                                           "--smtp-user", "mailer", "--smtp-password-file",
                                           certificate.password_file})));
    HttpClient client(server.base_url());
    Account account = unique_account("smtps");
    BOOST_TEST(register_account(client, account).status == 302);
    BOOST_TEST(ask_reset(client, account.email).status == 200);
    auto arrived = mails_to(sink.wait_for(1), account.email);
    BOOST_REQUIRE(arrived.size() == 1u);
    BOOST_TEST(!link_path(arrived[0], "/reset/").empty());
    BOOST_TEST(sink.session_of(1) == "tls=yes\nauth=mailer\n");
    BOOST_TEST(sink.auth_log() == "ok mailer\n");
    // The password is in no argv, log or page.
    BOOST_TEST(!contains(command_line(server.authgate_pid()), kSmtpPassword));
    BOOST_TEST(!contains(server.authgate_log(), kSmtpPassword));
    auto queue = run_command({required_env("AUTHGATE_ADMIN_BIN"), "--database", server.database(), "mail", "queue"});
    BOOST_TEST(queue.status == 0);
    BOOST_TEST(contains(queue.out, "0 messages waiting"));
}

BOOST_AUTO_TEST_CASE(a_wrong_smtp_password_keeps_the_mail_queued_without_showing_it) {
    if (!mail_suite_available()) return;
    Certificate certificate;
    if (!make_certificate(certificate)) return;
    SmtpSink sink({"starttls", certificate.cert, certificate.key, "mailer", certificate.password_file});
    const std::string wrong = "Wr0ng-secret-value";
    std::string wrong_file = certificate.dir.path() + "/wrong-password";
    write_file(wrong_file, wrong + "\n");
    TestServer server(with_args(mail_args("smtp://127.0.0.1:" + std::to_string(sink.port()),
                                          {"--email-verification", "off", "--smtp-starttls", "--smtp-ca-file",
                                           certificate.cert, "--smtp-user", "mailer", "--smtp-password-file",
                                           wrong_file})));
    HttpClient client(server.base_url());
    Account account = unique_account("smtpwrong");
    BOOST_TEST(register_account(client, account).status == 302);
    BOOST_TEST(ask_reset(client, account.email).status == 200);
    SqlitePeek db(server.database());
    wait_for_failure(db);
    BOOST_TEST(db.integer("SELECT attempts FROM authgate_outbox") >= 1);
    BOOST_TEST(contains(sink.auth_log(), "refused mailer"));
    BOOST_TEST(sink.messages().empty());
    auto queue = run_command({required_env("AUTHGATE_ADMIN_BIN"), "--database", server.database(), "mail", "queue"});
    BOOST_TEST(contains(queue.out, "1 message waiting"));
    BOOST_TEST(contains(queue.out, "last_error="));
    BOOST_TEST(!contains(queue.out, wrong));
    BOOST_TEST(!contains(db.scalar("SELECT last_error FROM authgate_outbox"), wrong));
    BOOST_TEST(!contains(server.authgate_log(), wrong));
    BOOST_TEST(!contains(command_line(server.authgate_pid()), wrong));
}

BOOST_AUTO_TEST_CASE(starttls_is_required_and_the_certificate_is_checked) {
    if (!mail_suite_available()) return;
    Certificate certificate;
    if (!make_certificate(certificate)) return;
    SmtpSink tls_sink({"starttls", certificate.cert, certificate.key, "", ""});
    SmtpSink plain_sink;
    // Without --smtp-ca-file the self-signed certificate is not trusted: nothing is sent.
    TestServer untrusting(with_args(mail_args("smtp://127.0.0.1:" + std::to_string(tls_sink.port()),
                                              {"--email-verification", "off", "--smtp-starttls"})));
    HttpClient client(untrusting.base_url());
    Account account = unique_account("starttls");
    BOOST_TEST(register_account(client, account).status == 302);
    BOOST_TEST(ask_reset(client, account.email).status == 200);
    SqlitePeek db(untrusting.database());
    wait_for_failure(db);
    BOOST_TEST(db.integer("SELECT attempts FROM authgate_outbox") >= 1);
    BOOST_TEST(contains(lower(db.scalar("SELECT last_error FROM authgate_outbox")), "certificate"));
    BOOST_TEST(tls_sink.messages().empty());

    // authgate-admin mail send with the CA in the config file delivers it over STARTTLS.
    BOOST_TEST(untrusting.stop_authgate(SIGTERM) == 0);
    db.execute("UPDATE authgate_outbox SET next_attempt_at = 0");
    std::string config = certificate.dir.path() + "/authgate.conf";
    write_file(config, "smtp-url = smtp://127.0.0.1:" + std::to_string(tls_sink.port()) +
                           "\nsmtp-starttls = true\nsmtp-ca-file = " + certificate.cert + "\n");
    auto sent = run_command({required_env("AUTHGATE_ADMIN_BIN"), "--config", config, "--database",
                             untrusting.database(), "mail", "send"});
    BOOST_TEST(sent.status == 0, sent.err);
    BOOST_TEST(sent.out == "1 sent, 0 failed\n");
    auto arrived = mails_to(tls_sink.wait_for(1), account.email);
    BOOST_REQUIRE(arrived.size() == 1u);
    BOOST_TEST(tls_sink.session_of(1) == "tls=yes\nauth=\n");
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_outbox") == 0);

    // --smtp-starttls against a server without STARTTLS: the mail is not sent in the clear.
    TestServer strict(with_args(mail_args(plain_sink, {"--email-verification", "off", "--smtp-starttls"})));
    HttpClient other(strict.base_url());
    BOOST_TEST(register_account(other, account).status == 302);
    BOOST_TEST(ask_reset(other, account.email).status == 200);
    SqlitePeek strict_db(strict.database());
    wait_for_failure(strict_db);
    BOOST_TEST(strict_db.integer("SELECT attempts FROM authgate_outbox") >= 1);
    BOOST_TEST(plain_sink.messages().empty());
}

BOOST_AUTO_TEST_CASE(a_password_in_the_smtp_url_is_refused) {
    auto result = run_command({required_env("AUTHGATE_BIN"), "--cgi", "--smtp-url", "smtp://user:secret@127.0.0.1:25"},
                              "", {"GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=GET", "PATH_INFO=/login"});
    BOOST_TEST(result.status == 2);
    BOOST_TEST(contains(result.err, "--smtp-url must not hold a password"));
    BOOST_TEST(!contains(result.err, "secret"));
}

BOOST_AUTO_TEST_CASE(non_ascii_names_and_subjects_are_encoded_for_any_relay) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TempDir site;
    mkdir((site.path() + "/mail").c_str(), 0755);
    // A site's own reset mail, in French, naming the user in the subject.
    write_file(site.path() + "/mail/reset.tpl",
               "Subject: Réinitialiser le mot de passe de {{USERNAME}} — {{USERNAME}} ✓ encore une fois\n"
               "Bonjour {{USERNAME}},\n\nvoici le lien (valable {{MINUTES}} minutes) :\n\n{{LINK}}\n\n"
               ". une ligne qui commence par un point\nand a trailing space \n"
               "Une très longue ligne de texte accentué qui dépasse largement les soixante-seize caractères "
               "autorisés par ligne en quoted-printable, éèàùç.\n");
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off", "--templates", site.path()})));
    HttpClient client(server.base_url());
    Account account = unique_account("utf8");
    BOOST_TEST(register_account(client, account).status == 302);
    // A name as a Flask application may have stored it.
    const std::string name = "Jürgen Groß 日本";
    SqlitePeek db(server.database());
    db.execute("UPDATE user SET username = ?1 WHERE email = ?2", {name, account.email});
    BOOST_TEST(ask_reset(client, account.email).status == 200);
    auto arrived = mails_to(sink.wait_for(1), account.email);
    BOOST_REQUIRE(arrived.size() == 1u);
    const std::string& raw = arrived[0];

    // Every byte is 7-bit, every line at most 78 characters and ends in CRLF.
    bool seven_bit = true;
    for (unsigned char c : raw) seven_bit = seven_bit && c < 0x80;
    BOOST_TEST(seven_bit);
    std::size_t longest = 0, start = 0, bare_lf = 0;
    for (std::size_t at = raw.find('\n'); at != std::string::npos; start = at + 1, at = raw.find('\n', start)) {
        if (at == 0 || raw[at - 1] != '\r') ++bare_lf;
        longest = std::max(longest, at - start - (at > start && raw[at - 1] == '\r' ? 1 : 0));
    }
    BOOST_TEST(longest <= 78u);
    BOOST_TEST(bare_lf == 0u);

    std::string subject = header(raw, "Subject");
    BOOST_TEST(subject.rfind("=?UTF-8?B?", 0) == 0u);
    BOOST_TEST(decode_words(subject) ==
               "Réinitialiser le mot de passe de " + name + " — " + name + " ✓ encore une fois");
    BOOST_TEST(header(raw, "Content-Type") == "text/plain; charset=utf-8");
    BOOST_TEST(header(raw, "Content-Transfer-Encoding") == "quoted-printable");
    std::string body = body_of(raw);
    BOOST_TEST(contains(body, "Bonjour " + name + ",\r\n"));
    BOOST_TEST(contains(body, "\r\n. une ligne qui commence par un point\r\n"));
    BOOST_TEST(contains(body, "\r\nand a trailing space \r\n"));
    BOOST_TEST(contains(body, "autorisés par ligne en quoted-printable, éèàùç.\r\n"));
    BOOST_TEST(!link_path(raw, "/reset/").empty());
    // No raw line of the body is a lone "." or starts with one (it would end SMTP's DATA early).
    BOOST_TEST(!contains(raw_body_of(raw), "\r\n."));
}

BOOST_AUTO_TEST_CASE(mail_send_delivers_what_a_cgi_only_site_queued) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TempDir dir;
    std::string database = dir.path() + "/cgi.db";
    std::string config = dir.path() + "/authgate.conf";
    write_file(config, "database = " + database + "\npublic-url = " + kPublic +
                           "\nmail-from = noreply@example.test\nsmtp-url = smtp://127.0.0.1:" +
                           std::to_string(sink.port()) + "\nemail-verification = off\n");
    std::vector<std::string> site = {"--config", config};
    std::string admin = required_env("AUTHGATE_ADMIN_BIN");
    Account account = unique_account("cgimail");
    BOOST_REQUIRE(run_command({admin, "--config", config, "user", "add", account.email, account.username},
                              account.password + "\n")
                      .status == 0);

    // GET /forgot, then POST it with the page's token and cookie: one CGI process each.
    auto form = cgi(site, "GET", "/forgot");
    const std::string csrf_cookie = cookie_names(false).csrf;
    std::string cookie = csrf_cookie + "=" + form.cookie(csrf_cookie);
    BOOST_REQUIRE(!form.cookie(csrf_cookie).empty());
    auto asked = cgi(site, "POST", "/forgot", cookie,
                     HttpClient::encode_form({{"email", account.email},
                                              {"csrf_token", input_value(form.body, "csrf_token")}}));
    BOOST_TEST(asked.head.rfind("Status: 200", 0) == 0u, asked.head);
    // Both processes have exited: the mail waits, and nothing will send it.
    auto queue = run_command({admin, "--config", config, "mail", "queue"});
    BOOST_TEST(contains(queue.out, "1 message waiting"));
    BOOST_TEST(contains(queue.out, "to=" + account.email));
    BOOST_TEST(sink.messages().empty());

    auto sent = run_command({admin, "--config", config, "mail", "send"});
    BOOST_TEST(sent.status == 0, sent.err);
    BOOST_TEST(sent.out == "1 sent, 0 failed\n");
    auto arrived = mails_to(sink.wait_for(1), account.email);
    BOOST_REQUIRE(arrived.size() == 1u);
    BOOST_TEST(!link_path(arrived[0], "/reset/").empty());
    BOOST_TEST(contains(run_command({admin, "--config", config, "mail", "queue"}).out, "0 messages waiting"));
    auto nothing = run_command({admin, "--config", config, "mail", "send"});
    BOOST_TEST(nothing.status == 0);
    BOOST_TEST(nothing.out == "0 sent, 0 failed\n");

    // With the mail server down, the exit status says so and the message waits for the next run.
    sink.stop();
    form = cgi(site, "GET", "/forgot");
    cgi(site, "POST", "/forgot", csrf_cookie + "=" + form.cookie(csrf_cookie),
        HttpClient::encode_form({{"email", account.email}, {"csrf_token", input_value(form.body, "csrf_token")}}));
    auto failed = run_command({admin, "--config", config, "mail", "send"});
    BOOST_TEST(failed.status == 1);
    BOOST_TEST(failed.out == "0 sent, 1 failed\n");
    BOOST_TEST(contains(failed.err, account.email));
    queue = run_command({admin, "--config", config, "mail", "queue"});
    BOOST_TEST(contains(queue.out, "1 message waiting"));
    BOOST_TEST(contains(queue.out, "attempts=1"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace authgate::test
