// mail_settings_test.cpp -- fresh login on the settings pages, remember chains ended by resets and changes, audit events, names in subjects.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include "support/auth_flow.h"
#include "support/smtp_sink.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

namespace authgate::test {
namespace {

const std::string kPublic = mail_public_url();

// A browser that kept only its remember cookie (it was closed and opened again).
void forget_session(HttpClient& client) {
    client.cookies.erase("session");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_settings)

BOOST_AUTO_TEST_CASE(settings_pages_link_each_other_and_need_a_fresh_login) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off"})));
    HttpClient client(server.base_url());
    Account account = unique_account("fresh");
    register_and_log_in(client, account, true);
    auto settings = client.get("/settings");
    BOOST_TEST(settings.status == 200);
    for (const char* page : {"/settings/password", "/settings/email", "/settings/sessions", "/settings/delete"})
        BOOST_TEST(contains(settings.body, std::string("href=\"") + page + "\""), page);

    // Restored by "remember me": no settings page, not even with the right current password.
    forget_session(client);
    BOOST_TEST(client.get("/dashboard").status == 200);
    for (const char* page : {"/settings", "/settings/password", "/settings/email", "/settings/sessions",
                             "/settings/delete"}) {
        auto answer = client.get(page);
        BOOST_TEST(answer.status == 302, page);
        BOOST_TEST(answer.header("Location").rfind("/login?next=", 0) == 0u, page);
    }
    auto refused = client.post("/settings/delete", {{"current_password", account.password},
                                                    {"csrf_token", csrf_token_of(client, "/login")}});
    BOOST_TEST(refused.status == 302);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE email = ?1", {account.email}) == 1);
    // A password login makes it fresh again.
    BOOST_TEST(log_in(client, account.email, account.password).status == 302);
    BOOST_TEST(client.get("/settings/delete").status == 200);
}

BOOST_AUTO_TEST_CASE(reset_change_and_sign_out_others_end_remember_chains_too) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off"})));
    Account account = unique_account("chains");
    HttpClient desk(server.base_url()), laptop(server.base_url()), phone(server.base_url());
    register_and_log_in(desk, account);
    BOOST_TEST(log_in(laptop, account.email, account.password, true).status == 302);
    BOOST_TEST(log_in(phone, account.email, account.password, true).status == 302);
    SqlitePeek db(server.database());
    std::string id = db.scalar("SELECT id FROM user WHERE email = ?1", {account.email});
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE user_id = ?1", {id}) == 2);

    // "Sign out all other sessions": the others end, and their remember cookies open nothing.
    auto ended = post_form(desk, "/settings/sessions", "/settings/sessions/revoke", {{"all_others", "1"}});
    BOOST_TEST(ended.status == 302);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session WHERE user_id = ?1", {id}) == 1);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE user_id = ?1", {id}) == 0);
    BOOST_TEST(desk.get("/dashboard").status == 200);
    forget_session(laptop);
    BOOST_TEST(laptop.get("/dashboard").status == 302);

    // Changing the password ends the remember chains as well.
    BOOST_TEST(log_in(phone, account.email, account.password, true).status == 302);
    std::string second = "second Pass phrase 5 chains";
    BOOST_TEST(post_form(desk, "/settings/password", "/settings/password",
                         {{"current_password", account.password}, {"password", second}, {"password_confirm", second}})
                   .status == 302);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE user_id = ?1", {id}) == 0);
    forget_session(phone);
    BOOST_TEST(phone.get("/dashboard").status == 302);

    // So does a reset, which logs nobody in: not even the browser that used the link.
    BOOST_TEST(log_in(phone, account.email, second, true).status == 302);
    HttpClient stranger(server.base_url());
    post_form(stranger, "/forgot", "/forgot", {{"email", account.email}});
    auto resets = sink.wait_for(3);
    std::string path;
    for (const auto& message : resets)
        if (path.empty()) path = link_path(message, "/reset/");
    BOOST_REQUIRE(!path.empty());
    std::string third = "third Pass phrase 6 chains";
    auto form = stranger.get(path);
    auto done = stranger.post(path, {{"password", third}, {"password_confirm", third},
                                     {"csrf_token", input_value(form.body, "csrf_token")}});
    BOOST_TEST(done.status == 302);
    BOOST_TEST(done.header("Location") == "/login");
    BOOST_TEST(done.set_cookie("session").empty());
    BOOST_TEST(stranger.get("/dashboard").status == 302);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session WHERE user_id = ?1", {id}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE user_id = ?1", {id}) == 0);
    BOOST_TEST(desk.get("/dashboard").status == 302);
    forget_session(phone);
    BOOST_TEST(phone.get("/dashboard").status == 302);
}

BOOST_AUTO_TEST_CASE(every_mail_flow_is_audited_without_secrets) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TempDir logs;
    std::string audit = logs.path() + "/audit.log";
    TestServer server(with_args(mail_args(sink, {"--email-verification", "optional", "--audit-log", audit})));
    HttpClient client(server.base_url());
    Account account = unique_account("audited");
    register_and_log_in(client, account);
    std::vector<std::string> secrets = {account.password};
    std::string verify = link_path(sink.wait_for(1).at(0), "/verify/");
    secrets.push_back(verify.substr(8));
    auto page = client.get(verify);
    client.post(verify, {{"csrf_token", input_value(page.body, "csrf_token")}});
    post_form(client, "/forgot", "/verify/resend", {{"email", account.email}});

    std::string moved = "moved-" + account.email;
    post_form(client, "/settings/email", "/settings/email", {{"current_password", account.password}, {"email", moved}});
    std::string confirm = link_path(mails_to(sink.wait_for(2), moved).at(0), "/confirm-email/");
    secrets.push_back(confirm.substr(15));
    page = client.get(confirm);
    client.post(confirm, {{"csrf_token", input_value(page.body, "csrf_token")}});

    std::string second = "second Pass phrase 7 audit";
    secrets.push_back(second);
    post_form(client, "/settings/password", "/settings/password",
              {{"current_password", account.password}, {"password", second}, {"password_confirm", second}});
    post_form(client, "/settings/sessions", "/settings/sessions/revoke", {{"all_others", "1"}});
    post_form(client, "/forgot", "/forgot", {{"email", moved}});
    std::string reset;
    for (const auto& message : mails_to(sink.wait_for(5), moved))
        if (reset.empty()) reset = link_path(message, "/reset/");
    BOOST_REQUIRE(!reset.empty());
    secrets.push_back(reset.substr(7));
    std::string third = "third Pass phrase 8 audit";
    secrets.push_back(third);
    page = client.get(reset);
    client.post(reset, {{"password", third}, {"password_confirm", third}, {"csrf_token", input_value(page.body, "csrf_token")}});
    BOOST_TEST(log_in(client, moved, third).status == 302);
    post_form(client, "/settings/delete", "/settings/delete", {{"current_password", third}});

    std::string log = read_file(audit);
    for (const char* event : {"email_verification", "verification_resend", "email_change_request", "email_change",
                              "password_change", "session_revoke", "password_reset_request", "password_reset",
                              "account_delete"})
        BOOST_TEST(contains(log, std::string(" event=") + event + " "), event);
    for (const auto& secret : secrets) {
        BOOST_TEST(!secret.empty());
        BOOST_TEST(!contains(log, secret), "a secret in the audit log");
        BOOST_TEST(!contains(server.authgate_log(), secret), "a secret in authgate's log");
    }
}

BOOST_AUTO_TEST_CASE(a_stored_name_with_line_breaks_stays_inside_the_subject) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TempDir site;
    mkdir((site.path() + "/mail").c_str(), 0755);
    write_file(site.path() + "/mail/reset.tpl", "Subject: New password for {{USERNAME}}\nHello {{USERNAME}},\n\n{{LINK}}\n");
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off", "--templates", site.path()})));
    HttpClient client(server.base_url());
    Account account = unique_account("crlfname");
    BOOST_TEST(register_account(client, account).status == 302);
    // A Flask application's database may hold any name.
    SqlitePeek db(server.database());
    db.execute("UPDATE user SET username = ?1 WHERE email = ?2",
               {"bob\rBcc: evil@example.test\r\nX-Evil: 1", account.email});
    auto answer = post_form(client, "/forgot", "/forgot", {{"email", account.email}});
    BOOST_TEST(answer.status == 200);
    auto arrived = sink.wait_for(1);
    BOOST_REQUIRE(arrived.size() == 1u);
    BOOST_TEST(!contains(headers_of(arrived[0]), "\nBcc"));
    BOOST_TEST(!contains(headers_of(arrived[0]), "\nX-Evil"));
    BOOST_TEST(header(arrived[0], "Subject") == "New password for bob Bcc: evil@example.test  X-Evil: 1");
    BOOST_TEST(!contains(read_file(sink.dir() + "/0001.rcpt"), "evil"));
    BOOST_TEST(!link_path(arrived[0], "/reset/").empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace authgate::test
