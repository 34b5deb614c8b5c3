// mail_account_test.cpp -- change email, delete account, no enumeration at registration, resend, mail limits, token lifetimes.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/smtp_sink.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

namespace authgate::test {
namespace {

const std::string kPublic = mail_public_url();

// The page a redirect leads to, with its CSRF token blanked (it differs per visitor).
std::string landing_page(HttpClient& client, const HttpResponse& redirect) {
    auto page = client.get(redirect.header("Location"));
    return replace_all_of(page.body, input_value(page.body, "csrf_token"), "TOKEN");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_account)

BOOST_AUTO_TEST_CASE(a_new_address_changes_only_when_its_mailed_link_is_posted) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off"})));
    HttpClient client(server.base_url());
    Account account = unique_account("chmail");
    Account neighbour = unique_account("chmailneighbour");
    register_and_log_in(client, account);
    HttpClient other(server.base_url());
    BOOST_TEST(register_account(other, neighbour).status == 302);
    const std::string fresh_address = "moved-" + account.email;
    SqlitePeek db(server.database());

    auto form = client.get("/settings/email");
    BOOST_TEST(form.status == 200);
    BOOST_TEST(contains(form.body, "name=\"current_password\""));
    BOOST_TEST(contains(form.body, "name=\"email\""));
    auto wrong = post_form(client, "/settings/email", "/settings/email",
                           {{"current_password", "not the password"}, {"email", fresh_address}});
    BOOST_TEST(wrong.status == 422);
    BOOST_TEST(contains(wrong.body, html_escape("Your current password is not correct.")));

    // An address of another account gets no mail, and the answer is the same.
    auto taken = post_form(client, "/settings/email", "/settings/email",
                           {{"current_password", account.password}, {"email", neighbour.email}});
    auto asked = post_form(client, "/settings/email", "/settings/email",
                           {{"current_password", account.password}, {"email", fresh_address}});
    BOOST_TEST(asked.status == 302);
    BOOST_TEST(taken.status == asked.status);
    BOOST_TEST(taken.header("Location") == asked.header("Location"));

    auto all = sink.wait_for(1);
    BOOST_REQUIRE(all.size() == 1u);
    BOOST_TEST(header(all[0], "To") == fresh_address);
    BOOST_TEST(header(all[0], "Subject") == "Confirm your new email address");
    BOOST_TEST(contains(body_of(all[0]), account.email));
    std::string path = link_path(all[0], "/confirm-email/");
    BOOST_REQUIRE(!path.empty());
    BOOST_TEST(db.scalar("SELECT email FROM user WHERE username = ?1", {account.username}) == account.email);

    // A mail scanner opening the link changes nothing: the page only shows a button.
    HttpClient scanner(server.base_url());
    auto page = scanner.get(path);
    BOOST_TEST(page.status == 200);
    BOOST_TEST(page.header("Referrer-Policy") == "no-referrer");
    BOOST_TEST(contains(page.body, "<form method=\"post\" action=\"" + path + "\""));
    BOOST_TEST(contains(page.body, html_escape(fresh_address)));
    BOOST_TEST(scanner.get(path).status == 200);
    BOOST_TEST(db.scalar("SELECT email FROM user WHERE username = ?1", {account.username}) == account.email);
    BOOST_TEST(mails_to(sink.messages(), account.email).empty());

    auto confirmed = scanner.post(path, {{"csrf_token", input_value(page.body, "csrf_token")}});
    BOOST_TEST(confirmed.status == 302);
    BOOST_TEST(db.scalar("SELECT email FROM user WHERE username = ?1", {account.username}) == fresh_address);
    BOOST_TEST(db.integer("SELECT email_verified FROM user WHERE username = ?1", {account.username}) == 1);

    // The old address is told; the link was single-use; only the new address logs in.
    auto notices = mails_to(sink.wait_for(2), account.email);
    BOOST_REQUIRE(notices.size() == 1u);
    BOOST_TEST(header(notices[0], "Subject") == "Your email address was changed");
    BOOST_TEST(contains(body_of(notices[0]), fresh_address));
    BOOST_TEST(scanner.get(path).status == 404);
    BOOST_TEST(scanner.post(path, {{"csrf_token", csrf_token_of(scanner, "/login")}}).status == 404);
    HttpClient later(server.base_url());
    BOOST_TEST(log_in(later, account.email, account.password).status == 422);
    BOOST_TEST(log_in(later, fresh_address, account.password).status == 302);
    BOOST_TEST(mails_to(sink.messages(), neighbour.email).empty());
}

BOOST_AUTO_TEST_CASE(an_email_change_link_dies_when_the_password_changes_or_time_runs_out) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off"})));
    HttpClient client(server.base_url());
    Account account = unique_account("chmaildies");
    register_and_log_in(client, account);
    SqlitePeek db(server.database());

    BOOST_TEST(post_form(client, "/settings/email", "/settings/email",
                         {{"current_password", account.password}, {"email", "first-" + account.email}})
                   .status == 302);
    std::string first = link_path(sink.wait_for(1).at(0), "/confirm-email/");
    BOOST_REQUIRE(!first.empty());
    // Issued for two hours.
    BOOST_TEST(db.integer("SELECT expires_at - created_at FROM authgate_token WHERE purpose = 'email_change'") == 7200);

    std::string fresh = "a changed Pass phrase 31!";
    BOOST_TEST(post_form(client, "/settings/password", "/settings/password",
                         {{"current_password", account.password}, {"password", fresh}, {"password_confirm", fresh}})
                   .status == 302);
    HttpClient holder(server.base_url());
    BOOST_TEST(holder.get(first).status == 404);
    BOOST_TEST(holder.post(first, {{"csrf_token", csrf_token_of(holder, "/login")}}).status == 404);
    BOOST_TEST(db.scalar("SELECT email FROM user WHERE username = ?1", {account.username}) == account.email);

    // A new link, expired by moving its deadline into the past, is refused too.
    BOOST_TEST(post_form(client, "/settings/email", "/settings/email",
                         {{"current_password", fresh}, {"email", "second-" + account.email}})
                   .status == 302);
    auto to_second = mails_to(sink.wait_for(3), "second-" + account.email);
    BOOST_REQUIRE(to_second.size() == 1u);
    std::string second = link_path(to_second[0], "/confirm-email/");
    BOOST_TEST(holder.get(second).status == 200);
    db.execute("UPDATE authgate_token SET expires_at = created_at - 1");
    BOOST_TEST(holder.get(second).status == 404);
    BOOST_TEST(holder.post(second, {{"csrf_token", csrf_token_of(holder, "/login")}}).status == 404);
    BOOST_TEST(db.scalar("SELECT email FROM user WHERE username = ?1", {account.username}) == account.email);
}

BOOST_AUTO_TEST_CASE(deleting_the_account_needs_the_password_and_removes_everything) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off"})));
    HttpClient client(server.base_url()), phone(server.base_url());
    Account account = unique_account("delete");
    Account neighbour = unique_account("deleteneighbour");
    register_and_log_in(client, account, true);
    BOOST_TEST(log_in(phone, account.email, account.password, true).status == 302);
    HttpClient other(server.base_url());
    register_and_log_in(other, neighbour);
    // A reset link waits in the mailbox: it must die with the account.
    HttpClient stranger(server.base_url());
    post_form(stranger, "/forgot", "/forgot", {{"email", account.email}});
    std::string reset = link_path(sink.wait_for(1).at(0), "/reset/");
    BOOST_REQUIRE(!reset.empty());

    SqlitePeek db(server.database());
    std::string id = db.scalar("SELECT id FROM user WHERE email = ?1", {account.email});
    BOOST_REQUIRE(!id.empty());
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session WHERE user_id = ?1", {id}) == 2);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember WHERE user_id = ?1", {id}) == 2);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_token WHERE user_id = ?1", {id}) == 1);

    auto form = client.get("/settings/delete");
    BOOST_TEST(form.status == 200);
    BOOST_TEST(contains(form.body, "name=\"current_password\""));
    auto wrong = post_form(client, "/settings/delete", "/settings/delete", {{"current_password", "not it"}});
    BOOST_TEST(wrong.status == 422);
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE id = ?1", {id}) == 1);
    BOOST_TEST(client.get("/dashboard").status == 200);

    auto deleted = post_form(client, "/settings/delete", "/settings/delete", {{"current_password", account.password}});
    BOOST_TEST(deleted.status == 302);
    BOOST_TEST(deleted.header("Location") == "/login");
    BOOST_TEST(contains(landing_page(client, deleted), html_escape("Your account has been deleted.")));
    for (const char* table : {"authgate_session", "authgate_remember", "authgate_token", "authgate_outbox"})
        BOOST_TEST(db.integer(std::string("SELECT count(*) FROM ") + table + " WHERE user_id = ?1", {id}) == 0, table);
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE id = ?1", {id}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE email = ?1", {neighbour.email}) == 1);

    // Logged out everywhere; the remember cookies open nothing; the password opens nothing.
    BOOST_TEST(client.get("/dashboard").status == 302);
    BOOST_TEST(phone.get("/dashboard").status == 302);
    phone.cookies.erase("session");
    BOOST_TEST(phone.get("/dashboard").status == 302);
    BOOST_TEST(other.get("/dashboard").status == 200);
    HttpClient later(server.base_url());
    BOOST_TEST(log_in(later, account.email, account.password).status == 422);
    BOOST_TEST(later.get(reset).status == 404);
}

BOOST_AUTO_TEST_CASE(registering_a_taken_address_looks_like_a_new_one_and_tells_its_owner) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "optional"})));
    Account owner = unique_account("owner");
    HttpClient first(server.base_url());
    BOOST_TEST(register_account(first, owner).status == 302);
    sink.wait_for(1);  // the owner's verification mail

    HttpClient fresh_client(server.base_url()), copy_client(server.base_url());
    Account fresh = unique_account("newcomer");
    Account copy = unique_account("copycat");
    copy.email = owner.email;
    auto created = register_account(fresh_client, fresh);
    auto taken = register_account(copy_client, copy);
    BOOST_TEST(created.status == 302);
    BOOST_TEST(taken.status == created.status);
    BOOST_TEST(taken.header("Location") == created.header("Location"));
    BOOST_TEST(landing_page(copy_client, taken) == landing_page(fresh_client, created));

    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE username = ?1", {copy.username}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE email = ?1", {owner.email}) == 1);
    auto to_owner = mails_to(sink.wait_for(3), owner.email);
    BOOST_REQUIRE(to_owner.size() == 2u);
    BOOST_TEST(header(to_owner[1], "Subject") == "Someone tried to register with your address");
    BOOST_TEST(contains(body_of(to_owner[1]), kPublic + "/forgot"));
    BOOST_TEST(!contains(body_of(to_owner[1]), copy.username));
    BOOST_TEST(mails_to(sink.messages(), fresh.email).size() == 1u);
}

BOOST_AUTO_TEST_CASE(verify_resend_replaces_the_link_and_answers_the_same_for_anyone) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "required", "--verify-hours", "3"})));
    HttpClient client(server.base_url());
    Account account = unique_account("resend");
    BOOST_TEST(register_account(client, account).status == 302);
    std::string first = link_path(sink.wait_for(1).at(0), "/verify/");
    BOOST_REQUIRE(!first.empty());
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT expires_at - created_at FROM authgate_token WHERE purpose = 'verify'") == 3 * 3600);

    // The login page of an unverified account offers the resend form; it posts the address.
    auto refused = log_in(client, account.email, account.password);
    BOOST_TEST(refused.status == 403);
    BOOST_TEST(contains(refused.body, "action=\"/verify/resend\""));
    BOOST_TEST(contains(refused.body, "<input type=\"hidden\" name=\"email\" value=\"" + html_escape(account.email) + "\">"));
    auto resent = client.post("/verify/resend", {{"email", account.email},
                                                 {"csrf_token", input_value(refused.body, "csrf_token")}});
    HttpClient stranger(server.base_url());
    auto unknown = post_form(stranger, "/login", "/verify/resend", {{"email", "nobody-" + account.email}});
    BOOST_TEST(resent.status == 302);
    BOOST_TEST(unknown.status == resent.status);
    BOOST_TEST(unknown.header("Location") == resent.header("Location"));
    BOOST_TEST(landing_page(stranger, unknown) == landing_page(client, resent));

    auto all = sink.wait_for(2);
    BOOST_REQUIRE(all.size() == 2u);
    BOOST_TEST(header(all[1], "To") == account.email);
    std::string second = link_path(all[1], "/verify/");
    BOOST_REQUIRE(!second.empty());
    BOOST_TEST(second != first);
    BOOST_TEST(stranger.get(first).status == 404);  // the new link replaced the old one

    // Expired: refused; a third link then verifies, once.
    db.execute("UPDATE authgate_token SET expires_at = created_at - 1");
    BOOST_TEST(stranger.get(second).status == 404);
    post_form(stranger, "/login", "/verify/resend", {{"email", account.email}});
    std::string third = link_path(sink.wait_for(3).at(2), "/verify/");
    auto page = stranger.get(third);
    BOOST_TEST(page.status == 200);
    BOOST_TEST(db.integer("SELECT email_verified FROM user WHERE email = ?1", {account.email}) == 0);
    BOOST_TEST(stranger.post(third, {{"csrf_token", input_value(page.body, "csrf_token")}}).status == 302);
    BOOST_TEST(db.integer("SELECT email_verified FROM user WHERE email = ?1", {account.email}) == 1);
    BOOST_TEST(stranger.post(third, {{"csrf_token", input_value(page.body, "csrf_token")}}).status == 404);
    BOOST_TEST(log_in(client, account.email, account.password).status == 302);

    // A verified account gets no more links.
    post_form(stranger, "/login", "/verify/resend", {{"email", account.email}});
    post_form(stranger, "/forgot", "/forgot", {{"email", account.email}});  // a marker mail that does go out
    auto after = sink.wait_for(4);
    BOOST_REQUIRE(after.size() == 4u);
    BOOST_TEST(header(after[3], "Subject") == "Choose a new password");
}

BOOST_AUTO_TEST_CASE(forgot_is_limited_per_account_and_per_client_address) {
    if (!mail_suite_available()) return;
    SmtpSink sink;
    TestServer server(with_args(mail_args(sink, {"--email-verification", "off", "--reset-minutes", "7"})));
    HttpClient client(server.base_url());
    Account account = unique_account("limits");
    Account marker = unique_account("limitsmarker");
    BOOST_TEST(register_account(client, account).status == 302);
    BOOST_TEST(register_account(client, marker).status == 302);

    // Four requests for one account: the same answer each time, three mails (3 per account per hour).
    std::vector<std::string> pages;
    for (int i = 0; i < 4; ++i) {
        auto answer = post_form(client, "/forgot", "/forgot", {{"email", account.email}});
        BOOST_TEST(answer.status == 200);
        pages.push_back(replace_all_of(answer.body, input_value(answer.body, "csrf_token"), "T"));
    }
    for (const auto& page : pages) BOOST_TEST(page == pages[0]);
    // Every link is valid for the configured 7 minutes.
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT expires_at - created_at FROM authgate_token WHERE purpose = 'reset'") == 7 * 60);
    // A marker mail to another account: once it arrived, a fourth reset mail would have too.
    post_form(client, "/forgot", "/forgot", {{"email", marker.email}});
    BOOST_TEST(mails_to(sink.wait_for(4), marker.email).size() == 1u);
    BOOST_TEST(mails_to(sink.messages(), account.email).size() == 3u);

    // 20 requests per client address per hour: five made, fifteen more pass, the next is refused.
    for (int i = 0; i < 15; ++i)
        BOOST_TEST(post_form(client, "/forgot", "/forgot", {{"email", "x" + std::to_string(i) + "@example.test"}})
                       .status == 200);
    auto refused = post_form(client, "/forgot", "/forgot", {{"email", account.email}});
    BOOST_TEST(refused.status == 429);
    BOOST_TEST(!refused.header("Retry-After").empty());
    BOOST_TEST(mails_to(sink.messages(), account.email).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace authgate::test
