// mail_test.cpp -- the mail flows through nginx with a real SMTP server (aiosmtpd) and msmtp as sendmail.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "support/auth_flow.h"
#include "support/smtp_sink.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

namespace authgate::test {
namespace {

const std::string kPublic = mail_public_url();  // links use this, whatever the Host header says

}  // namespace

BOOST_AUTO_TEST_SUITE(mail)

BOOST_AUTO_TEST_CASE(forgot_mail_reset_login_and_token_rules) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink)));
    HttpClient client(server.base_url());
    Account account = unique_account("reset");
    BOOST_TEST(register_account(client, account).status == 302);
    sink.wait_for(1);  // the verification mail (optional mode)
    BOOST_TEST(log_in(client, account.email, account.password).status == 302);
    BOOST_TEST(client.get("/dashboard").status == 200);

    // Same answer for an unknown and a known address.
    HttpClient other(server.base_url());
    auto unknown = other.post("/forgot", {{"email", "nobody@example.test"}, {"csrf_token", csrf_token_of(other, "/forgot")}});
    auto known = other.post("/forgot", {{"email", account.email}, {"csrf_token", csrf_token_of(other, "/forgot")}});
    BOOST_TEST(unknown.status == 200);
    BOOST_TEST(known.status == unknown.status);
    BOOST_TEST(replace_all_of(known.body, input_value(known.body, "csrf_token"), "T") ==
               replace_all_of(unknown.body, input_value(unknown.body, "csrf_token"), "T"));

    auto all = sink.wait_for(2);
    auto mine = mails_to(all, account.email);
    BOOST_REQUIRE(mine.size() == 2u);
    const std::string& reset_mail = mine[1];
    BOOST_TEST(header(reset_mail, "MIME-Version") == "1.0");
    BOOST_TEST(header(reset_mail, "Content-Type") == "text/plain; charset=utf-8");
    BOOST_TEST(header(reset_mail, "Content-Transfer-Encoding") == "quoted-printable");
    BOOST_TEST(header(reset_mail, "From") == "noreply@example.test");
    BOOST_TEST(!header(reset_mail, "Date").empty());
    BOOST_TEST(contains(header(reset_mail, "Message-ID"), "@example.test>"));
    BOOST_TEST(header(reset_mail, "Subject") == "Choose a new password");
    std::string path = link_path(reset_mail, "/reset/");
    BOOST_REQUIRE(!path.empty());
    std::string token = path.substr(7);
    BOOST_TEST(token.size() == 43u);

    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_token WHERE token_hash = ?1", {sha256_hex(token)}) == 1);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_token WHERE token_hash = ?1", {token}) == 0);

    // GET shows the form, changes nothing, and sends no referrer.
    auto form = other.get(path);
    BOOST_TEST(form.status == 200);
    BOOST_TEST(form.header("Referrer-Policy") == "no-referrer");
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_token WHERE token_hash = ?1", {sha256_hex(token)}) == 1);

    // A weak password is refused on the form; a good one is set, and ends the other sessions.
    std::string csrf = input_value(form.body, "csrf_token");
    BOOST_TEST(other.post(path, {{"password", "password"}, {"password_confirm", "password"}, {"csrf_token", csrf}}).status == 422);
    std::string fresh = "a new Pass phrase 4 resets!";
    auto done = other.post(path, {{"password", fresh}, {"password_confirm", fresh}, {"csrf_token", csrf}});
    BOOST_TEST(done.status == 302);
    BOOST_TEST(done.header("Location") == "/login");
    BOOST_TEST(client.get("/dashboard").status == 302);  // the registering browser's session ended

    // Reused token refused; old password refused; new password logs in; a notice was mailed.
    BOOST_TEST(other.get(path).status == 404);
    HttpClient third(server.base_url());
    BOOST_TEST(third.post(path, {{"password", fresh}, {"password_confirm", fresh}, {"csrf_token", csrf_token_of(third, "/forgot")}}).status == 404);
    BOOST_TEST(log_in(third, account.email, account.password).status == 422);
    BOOST_TEST(log_in(third, account.email, fresh).status == 302);
    auto after = mails_to(sink.wait_for(3), account.email);
    BOOST_REQUIRE(after.size() == 3u);
    BOOST_TEST(header(after[2], "Subject") == "Your password was changed");

    // An expired token is refused.
    other.post("/forgot", {{"email", account.email}, {"csrf_token", csrf_token_of(other, "/forgot")}});
    auto expired_mail = mails_to(sink.wait_for(4), account.email);
    BOOST_REQUIRE(expired_mail.size() == 4u);
    std::string expired_path = link_path(expired_mail[3], "/reset/");
    db.execute("UPDATE authgate_token SET expires_at = 1");
    BOOST_TEST(other.get(expired_path).status == 404);
}

BOOST_AUTO_TEST_CASE(verification_required_blocks_login_until_post) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "required"})));
    HttpClient client(server.base_url());
    Account account = unique_account("verify");
    auto created = register_account(client, account);
    BOOST_TEST(created.status == 302);

    // No enumeration: a taken address answers the same; its owner is told by mail.
    HttpClient other(server.base_url());
    Account copy = unique_account("verifycopy");
    copy.email = account.email;
    auto taken = register_account(other, copy);
    BOOST_TEST(taken.status == created.status);
    BOOST_TEST(taken.header("Location") == created.header("Location"));

    auto all = mails_to(sink.wait_for(2), account.email);
    BOOST_REQUIRE(all.size() == 2u);
    BOOST_TEST(header(all[1], "Subject") == "Someone tried to register with your address");
    std::string path = link_path(all[0], "/verify/");
    BOOST_REQUIRE(!path.empty());

    auto refused = log_in(client, account.email, account.password);
    BOOST_TEST(refused.status == 403);
    BOOST_TEST(contains(refused.body, "/verify/resend"));
    SqlitePeek db(server.database());
    BOOST_TEST(client.get(path).status == 200);
    BOOST_TEST(db.integer("SELECT email_verified FROM user WHERE email = ?1", {account.email}) == 0);
    HttpClient again(server.base_url());
    BOOST_TEST(log_in(again, account.email, account.password).status == 403);

    auto page = client.get(path);
    auto verified = client.post(path, {{"csrf_token", input_value(page.body, "csrf_token")}});
    BOOST_TEST(verified.status == 302);
    BOOST_TEST(db.integer("SELECT email_verified FROM user WHERE email = ?1", {account.email}) == 1);
    BOOST_TEST(client.post(path, {{"csrf_token", input_value(page.body, "csrf_token")}}).status == 404);
    HttpClient verified_client(server.base_url());
    BOOST_TEST(log_in(verified_client, account.email, account.password).status == 302);
}

BOOST_AUTO_TEST_CASE(change_password_and_sessions_page) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off"})));
    HttpClient a(server.base_url()), b(server.base_url()), c(server.base_url());
    Account account = unique_account("sess");
    register_and_log_in(a, account);
    BOOST_TEST(log_in(b, account.email, account.password).status == 302);
    register_and_log_in(c, unique_account("sessother"));

    auto list = a.get("/settings/sessions");
    BOOST_TEST(list.status == 200);
    BOOST_TEST(count_of(list.body, "name=\"session\"") == 2u);
    BOOST_TEST(contains(list.body, "This session"));
    // Neither a token nor its digest reaches the page.
    SqlitePeek db(server.database());
    for (const auto& row : db.rows("SELECT token_hash FROM authgate_session")) BOOST_TEST(!contains(list.body, *row[0]));

    // b's public id: the one that is not a's current session.
    std::string b_id = db.scalar("SELECT public_id FROM authgate_session WHERE token_hash = ?1",
                                 {sha256_hex(b.cookies["session"])});
    BOOST_REQUIRE(!b_id.empty());
    // Another user cannot end it.
    auto foreign = c.post("/settings/sessions/revoke", {{"session", b_id}, {"csrf_token", csrf_token_of(c, "/settings/sessions")}});
    BOOST_TEST(foreign.status == 302);
    BOOST_TEST(b.get("/dashboard").status == 200);
    // Its owner can.
    a.post("/settings/sessions/revoke", {{"session", b_id}, {"csrf_token", csrf_token_of(a, "/settings/sessions")}});
    BOOST_TEST(b.get("/dashboard").status == 302);
    BOOST_TEST(a.get("/dashboard").status == 200);

    // Change password: wrong current password refused; then other sessions end, this one rotates.
    BOOST_TEST(log_in(b, account.email, account.password).status == 302);
    std::string old_cookie = a.cookies["session"];
    std::string fresh = "another Strong phrase 77!";
    auto wrong = a.post("/settings/password", {{"current_password", "not it at all"}, {"password", fresh},
                                               {"password_confirm", fresh}, {"csrf_token", csrf_token_of(a, "/settings/password")}});
    BOOST_TEST(wrong.status == 422);
    auto changed = a.post("/settings/password", {{"current_password", account.password}, {"password", fresh},
                                                 {"password_confirm", fresh}, {"csrf_token", csrf_token_of(a, "/settings/password")}});
    BOOST_TEST(changed.status == 302);
    BOOST_TEST(a.cookies["session"] != old_cookie);
    BOOST_TEST(a.get("/dashboard").status == 200);
    BOOST_TEST(b.get("/dashboard").status == 302);
    auto notices = mails_to(sink.wait_for(1), account.email);
    BOOST_REQUIRE(notices.size() == 1u);
    BOOST_TEST(header(notices[0], "Subject") == "Your password was changed");
}

BOOST_AUTO_TEST_CASE(outbox_delivers_after_smtp_server_returns) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off"})));
    HttpClient client(server.base_url());
    Account account = unique_account("outbox");
    BOOST_TEST(register_account(client, account).status == 302);
    sink.stop();
    auto answer = client.post("/forgot", {{"email", account.email}, {"csrf_token", csrf_token_of(client, "/forgot")}});
    BOOST_TEST(answer.status == 200);
    // The failure is recorded with its error, and the message waits.
    SqlitePeek db(server.database());
    for (int i = 0; i < 100 && db.integer("SELECT attempts FROM authgate_outbox") == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    BOOST_TEST(db.integer("SELECT attempts FROM authgate_outbox") >= 1);
    auto queue = run_command({required_env("AUTHGATE_ADMIN_BIN"), "mail", "queue", "--database", server.database()});
    BOOST_TEST(queue.status == 0);
    BOOST_TEST(contains(queue.out, "1 message waiting"));
    BOOST_TEST(contains(queue.out, "to=" + account.email));
    BOOST_TEST(contains(queue.out, "last_error="));
    sink.start();
    auto arrived = mails_to(sink.wait_for(1), account.email);
    BOOST_REQUIRE(arrived.size() == 1u);
    BOOST_TEST(!link_path(arrived[0], "/reset/").empty());
    for (int i = 0; i < 50 && db.integer("SELECT count(*) FROM authgate_outbox") != 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_outbox") == 0);
    BOOST_TEST(sink.messages().size() == 1u);  // sent once
}

BOOST_AUTO_TEST_CASE(sendmail_transport_through_msmtp) {
    if (!mail_suite_available()) return;
    if (access("/usr/bin/msmtp", X_OK) != 0) {
        BOOST_TEST_MESSAGE("skipping: msmtp is missing");
        return;
    }
    SmtpSink sink;
    TempDir dir;
    std::string rc = dir.path() + "/msmtprc";
    write_file(rc, "account default\nhost 127.0.0.1\nport " + std::to_string(sink.port()) +
                       "\nauth off\ntls off\nfrom noreply@example.test\n");
    chmod(rc.c_str(), 0600);
    std::string wrapper = dir.path() + "/sendmail";
    write_file(wrapper, "#!/bin/sh\nexec /usr/bin/msmtp -C " + rc + " \"$@\"\n");
    chmod(wrapper.c_str(), 0755);
    TestServer server(with_args({"--public-url", kPublic, "--mail-from", "noreply@example.test", "--sendmail", wrapper,
                                 "--email-verification", "off", "--mail-retry-seconds", "1"}));
    HttpClient client(server.base_url());
    Account account = unique_account("msmtp");
    BOOST_TEST(register_account(client, account).status == 302);
    client.post("/forgot", {{"email", account.email}, {"csrf_token", csrf_token_of(client, "/forgot")}});
    auto arrived = mails_to(sink.wait_for(1), account.email);
    BOOST_REQUIRE(arrived.size() == 1u);
    BOOST_TEST(!link_path(arrived[0], "/reset/").empty());
    auto envelope = read_file(sink.dir() + "/0001.rcpt");
    BOOST_TEST(envelope == "noreply@example.test\n" + account.email + "\n");
}

BOOST_AUTO_TEST_CASE(hostile_addresses_never_reach_a_header) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink)));
    HttpClient client(server.base_url());
    Account account = unique_account("hostile");
    std::string evil_email = "victim@example.test\r\nBcc: evil@example.test";
    Account bad = account;
    bad.email = evil_email;
    BOOST_TEST(register_account(client, bad).status == 422);
    bad = account;
    bad.username = "name\r\nBcc: evil@example.test";
    BOOST_TEST(register_account(client, bad).status == 422);
    bad = account;
    bad.email = "a,b@example.test";
    BOOST_TEST(register_account(client, bad).status == 422);
    BOOST_TEST(register_account(client, account).status == 302);
    client.post("/forgot", {{"email", account.email + "\r\nBcc: evil@example.test"},
                            {"csrf_token", csrf_token_of(client, "/forgot")}});
    client.post("/forgot", {{"email", account.email}, {"csrf_token", csrf_token_of(client, "/forgot")}});
    auto all = sink.wait_for(2);
    BOOST_TEST(all.size() == 2u);
    for (const auto& message : all) {
        BOOST_TEST(!contains(headers_of(message), "Bcc"));
        BOOST_TEST(!contains(message, "evil@"));
        BOOST_TEST(header(message, "To") == account.email);
    }
    for (const auto& name : {"0001.rcpt", "0002.rcpt"})
        BOOST_TEST(!contains(read_file(sink.dir() + "/" + name), "evil"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace authgate::test
