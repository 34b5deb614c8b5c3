// admin_cli_test.cpp -- authgate-admin against the database a running authgate serves through nginx.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kPassword = "tangerine walrus 58 quietly";
const std::string kNewPassword = "orchid lantern 91 sideways";

// Runs authgate-admin --database (the server's) ARGS with `input` on stdin.
CommandResult admin(const TestServer& server, std::vector<std::string> args, const std::string& input = "") {
    std::vector<std::string> argv = {required_env("AUTHGATE_ADMIN_BIN"), "--database", server.database()};
    argv.insert(argv.end(), args.begin(), args.end());
    for (const auto& arg : argv) BOOST_TEST_REQUIRE(!contains(arg, kPassword));  // never on the command line
    CommandResult result = run_command(argv, input);
    BOOST_TEST(!contains(result.out + result.err, kPassword));
    BOOST_TEST(!contains(result.out + result.err, kNewPassword));
    BOOST_TEST(!contains(result.out + result.err, ":600000$"), "a password hash was printed");
    return result;
}

// True when `json` parses with Python's json module and `expression` (over `d`) is true.
bool json_holds(const std::string& json, const std::string& expression) {
    CommandResult parsed = run_command(
        {required_env("SYSTEM_PYTHON3"), "-c", "import json, sys\nd = json.load(sys.stdin)\nsys.exit(0 if (" +
                                                   expression + ") else 1)"},
        json);
    return parsed.status == 0;
}

bool logged_in(HttpClient& client) {
    return client.get("/dashboard").status == 200;
}

bool redirected_to_login(HttpClient& client) {
    auto page = client.get("/dashboard");
    return page.status == 302 && page.header("Location").rfind("/login", 0) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_cli)

BOOST_AUTO_TEST_CASE(user_add_creates_an_account_that_logs_in_through_http) {
    TestServer server;
    auto added = admin(server, {"user", "add", "carol@example.com", "carol"}, kPassword + "\n");
    BOOST_TEST(added.status == 0, added.err);
    BOOST_TEST(contains(added.out, "carol@example.com"));
    HttpClient client(server.base_url());
    auto login = log_in(client, "carol@example.com", kPassword);
    BOOST_TEST(login.status == 302);
    BOOST_TEST(logged_in(client));

    BOOST_TEST(admin(server, {"user", "add", "CAROL@example.com", "other"}, kPassword + "\n").status == 1);
    auto weak = admin(server, {"user", "add", "dave@example.com", "dave"}, "short\n");
    BOOST_TEST(weak.status == 1);
    BOOST_TEST(contains(weak.err, "at least 8 characters"));
    BOOST_TEST(admin(server, {"user", "add", "not-an-email", "eve"}, kPassword + "\n").status == 1);
    BOOST_TEST(admin(server, {"user", "add", "erin@example.com", "erin"}, "").status == 2, "no password line");
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user") == 1);
}

BOOST_AUTO_TEST_CASE(a_registered_user_is_listed_shown_and_found_by_email_or_username) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("lister");
    register_and_log_in(client, account);
    auto list = admin(server, {"user", "list"});
    BOOST_TEST(list.status == 0);
    BOOST_TEST(contains(list.out, "EMAIL"));
    BOOST_TEST(contains(list.out, account.email));
    auto json = admin(server, {"user", "list", "--json"});
    BOOST_TEST(json_holds(json.out, "len(d) == 1 and d[0]['email'] == '" + account.email +
                                        "' and d[0]['active'] is True and 'password_hash' not in d[0]"));
    auto by_name = admin(server, {"user", "show", account.username, "--json"});
    BOOST_TEST(by_name.status == 0);
    BOOST_TEST(json_holds(by_name.out, "d['username'] == '" + account.username + "' and d['sessions'] == 1"));
    BOOST_TEST(admin(server, {"user", "show", account.email}).status == 0);
    auto missing = admin(server, {"user", "show", "bob"});
    BOOST_TEST(missing.status == 1);
    BOOST_TEST(missing.err == "authgate-admin: no user 'bob'\n");
    BOOST_TEST(missing.out.empty());
}

BOOST_AUTO_TEST_CASE(disable_sends_the_logged_in_browser_to_login_and_enable_lets_it_back) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("disabled");
    register_and_log_in(client, account, true);
    BOOST_TEST_REQUIRE(logged_in(client));
    auto disabled = admin(server, {"user", "disable", account.username});
    BOOST_TEST(disabled.status == 0, disabled.err);
    BOOST_TEST(redirected_to_login(client), "the session still worked");
    HttpClient other(server.base_url());
    log_in(other, account.email, account.password);
    BOOST_TEST(!logged_in(other), "a disabled account logged in");
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT active FROM user WHERE username = ?", {account.username}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember") == 0);

    BOOST_TEST(admin(server, {"user", "enable", account.email}).status == 0);
    log_in(other, account.email, account.password);
    BOOST_TEST(logged_in(other));
}

BOOST_AUTO_TEST_CASE(set_password_ends_old_sessions_and_the_new_password_works) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("newpass");
    register_and_log_in(client, account, true);
    BOOST_TEST_REQUIRE(logged_in(client));
    BOOST_TEST(admin(server, {"user", "set-password", account.email}, "tiny\n").status == 1);
    BOOST_TEST(logged_in(client), "a refused password change ended the session");
    auto changed = admin(server, {"user", "set-password", account.username}, kNewPassword + "\n");
    BOOST_TEST(changed.status == 0, changed.err);
    BOOST_TEST(contains(changed.out, "1 session and 1 remember chain"));
    BOOST_TEST(redirected_to_login(client), "the old session survived");
    HttpClient fresh(server.base_url());
    log_in(fresh, account.email, account.password);
    BOOST_TEST(!logged_in(fresh), "the old password still worked");
    log_in(fresh, account.email, kNewPassword);
    BOOST_TEST(logged_in(fresh));
    BOOST_TEST(admin(server, {"user", "set-password", "nobody"}, kNewPassword + "\n").status == 1);
}

BOOST_AUTO_TEST_CASE(session_list_shows_the_browser_and_revoke_ends_it) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("sess");
    register_and_log_in(client, account);
    HttpClient second(server.base_url());
    log_in(second, account.email, account.password);
    SqlitePeek db(server.database());
    const std::string digest = db.scalar("SELECT token_hash FROM authgate_session ORDER BY id LIMIT 1");
    BOOST_TEST_REQUIRE(!digest.empty());

    auto table = admin(server, {"session", "list"});
    BOOST_TEST(table.status == 0);
    BOOST_TEST(contains(table.out, "LAST SEEN"));
    BOOST_TEST(contains(table.out, account.username));
    BOOST_TEST(contains(table.out, "127.0.0.1"));
    auto json = admin(server, {"session", "list", "--user", account.email, "--json"});
    BOOST_TEST(json.status == 0);
    BOOST_TEST(json_holds(json.out, "len(d) == 2 and all(s['username'] == '" + account.username +
                                        "' and s['address'] == '127.0.0.1' for s in d)"));
    for (const auto& cookie : client.cookies) BOOST_TEST(!contains(table.out + json.out, cookie.second));
    BOOST_TEST(!contains(table.out + json.out, digest), "a token digest was printed");

    const std::string first_id = db.scalar("SELECT min(id) FROM authgate_session");
    auto revoked = admin(server, {"session", "revoke", first_id});
    BOOST_TEST(revoked.status == 0, revoked.err);
    BOOST_TEST(redirected_to_login(client), "the revoked session still worked");
    BOOST_TEST(logged_in(second));
    BOOST_TEST(admin(server, {"session", "revoke", first_id}).status == 1);
    BOOST_TEST(admin(server, {"session", "revoke", "--user", account.username}).status == 0);
    BOOST_TEST(redirected_to_login(second));
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session") == 0);
    BOOST_TEST(admin(server, {"session", "list", "--user", "ghost"}).status == 1);
    BOOST_TEST(admin(server, {"session", "revoke"}).status == 2);
    BOOST_TEST(admin(server, {"session", "revoke", "abc"}).status == 2);
}

BOOST_AUTO_TEST_CASE(groups_are_added_listed_and_removed) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("grp");
    register_and_log_in(client, account);
    BOOST_TEST(admin(server, {"group", "add", account.username, "staff"}).status == 0);
    BOOST_TEST(admin(server, {"group", "add", account.email, "ops.team-1"}).status == 0);
    BOOST_TEST(admin(server, {"group", "add", account.email, "staff"}).status == 0, "adding twice is no error");
    auto all = admin(server, {"group", "list", "--json"});
    BOOST_TEST(json_holds(all.out, "sorted(m['group'] for m in d) == ['ops.team-1', 'staff']"));
    auto staff = admin(server, {"group", "list", "staff"});
    BOOST_TEST(contains(staff.out, account.email));
    BOOST_TEST(!contains(staff.out, "ops.team-1"));
    BOOST_TEST(admin(server, {"group", "remove", account.username, "staff"}).status == 0);
    BOOST_TEST(admin(server, {"group", "remove", account.username, "staff"}).status == 1);
    BOOST_TEST(json_holds(admin(server, {"group", "list", "staff", "--json"}).out, "d == []"));
    BOOST_TEST(admin(server, {"group", "add", account.username, "bad name"}).status == 2);
    BOOST_TEST(admin(server, {"group", "add", account.username, std::string(65, 'g')}).status == 2);
    BOOST_TEST(admin(server, {"group", "add", "ghost", "staff"}).status == 1);
    BOOST_TEST(logged_in(client));
}

BOOST_AUTO_TEST_CASE(delete_removes_the_account_and_everything_of_it) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("gone");
    register_and_log_in(client, account, true);
    Account other = unique_account("stays");
    HttpClient other_client(server.base_url());
    register_and_log_in(other_client, other);
    BOOST_TEST(admin(server, {"group", "add", account.username, "staff"}).status == 0);
    BOOST_TEST(admin(server, {"group", "add", other.username, "staff"}).status == 0);
    auto deleted = admin(server, {"user", "delete", account.email});
    BOOST_TEST(deleted.status == 0, deleted.err);
    BOOST_TEST(redirected_to_login(client));
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE email = ?", {account.email}) == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session s JOIN user u ON u.id = s.user_id "
                          "WHERE u.email = ?", {other.email}) == 1);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_session") == 1);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_remember") == 0);
    BOOST_TEST(db.integer("SELECT count(*) FROM authgate_group_member") == 1);
    BOOST_TEST(logged_in(other_client));
    BOOST_TEST(admin(server, {"user", "delete", account.email}).status == 1);
    auto check = admin(server, {"check", "--json"});
    BOOST_TEST(check.status == 0, check.err);
    BOOST_TEST(json_holds(check.out, "d['ok'] and d['integrity'] == ['ok'] and d['orphan_sessions'] == 0"));
}

BOOST_AUTO_TEST_CASE(verify_email_stats_purge_and_check) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("stats");
    register_and_log_in(client, account, true);
    HttpClient failing(server.base_url());
    log_in(failing, account.email, "wrong password here");
    BOOST_TEST(admin(server, {"user", "verify-email", account.username}).status == 0);
    SqlitePeek db(server.database());
    BOOST_TEST(db.integer("SELECT email_verified FROM user") == 1);
    BOOST_TEST(admin(server, {"user", "verify-email", account.username}).status == 0);

    auto stats = admin(server, {"stats", "--json"});
    BOOST_TEST(stats.status == 0);
    BOOST_TEST(json_holds(stats.out, "d['users'] == 1 and d['active_users'] == 1 and d['disabled_users'] == 0 and "
                                     "d['verified_users'] == 1 and d['sessions'] == 1 and d['remember_chains'] == 1 "
                                     "and d['attempts_last_hour'] >= 1 and d['database_bytes'] > 0"));
    BOOST_TEST(contains(admin(server, {"stats"}).out, "attempts in the last hour"));

    // Age one session past its lifetime, one chain past its end, and the attempts past the window.
    HttpClient old_browser(server.base_url());
    log_in(old_browser, account.email, account.password);
    db.execute("UPDATE authgate_session SET created_at = created_at - 100000, last_seen_at = last_seen_at - 100000 "
               "WHERE id = (SELECT max(id) FROM authgate_session)");
    db.execute("UPDATE authgate_remember SET expires_at = 1");
    db.execute("UPDATE authgate_attempt SET at = at - 7200");
    auto purged = admin(server, {"purge", "--json"});
    BOOST_TEST(purged.status == 0, purged.err);
    BOOST_TEST(json_holds(purged.out, "d['sessions'] == 1 and d['remember_chains'] == 1 and d['attempts'] >= 1"));
    BOOST_TEST(logged_in(client));
    BOOST_TEST(contains(admin(server, {"purge"}).out, "expired sessions"));

    auto check = admin(server, {"check"});
    BOOST_TEST(check.status == 0, check.err);
    BOOST_TEST(contains(check.out, "integrity"));
    db.execute("PRAGMA foreign_keys = OFF");
    db.execute("INSERT INTO authgate_session (token_hash, user_id, created_at, last_seen_at) VALUES ('x', 999, 0, 0)");
    auto orphans = admin(server, {"check", "--json"});
    BOOST_TEST(orphans.status == 1);
    BOOST_TEST(json_holds(orphans.out, "not d['ok'] and d['orphan_sessions'] == 1"));
}

BOOST_AUTO_TEST_CASE(the_config_file_names_the_database_and_bad_usage_exits_2) {
    TestServer server;
    HttpClient client(server.base_url());
    Account account = unique_account("conf");
    register_and_log_in(client, account);
    const std::string config = server.dir() + "/admin.conf";
    write_file(config, "database = " + server.database() + "\npassword-min-score = 0\n");
    const std::string bin = required_env("AUTHGATE_ADMIN_BIN");
    auto listed = run_command({bin, "--config", config, "user", "list", "--json"});
    BOOST_TEST(listed.status == 0, listed.err);
    BOOST_TEST(json_holds(listed.out, "d[0]['email'] == '" + account.email + "'"));
    auto weak = run_command({bin, "--config", config, "user", "add", "weak@example.com", "weak"}, "password\n");
    BOOST_TEST(weak.status == 0, "the config file's password-min-score was not used: " + weak.err);

    BOOST_TEST(run_command({bin, "--config", server.dir() + "/missing.conf", "user", "list"}).status == 2);
    BOOST_TEST(run_command({bin, "--database", server.dir() + "/missing.db", "user", "list"}).status == 1);
    BOOST_TEST(run_command({bin, "--database"}).status == 2);
    BOOST_TEST(admin(server, {"user"}).status == 2);
    BOOST_TEST(admin(server, {"user", "frobnicate"}).status == 2);
    BOOST_TEST(admin(server, {"user", "add", "only-email@example.com"}, kPassword + "\n").status == 2);
    BOOST_TEST(admin(server, {"user", "list", "--bogus"}).status == 2);
    BOOST_TEST(admin(server, {"group", "add", account.username}).status == 2);
    BOOST_TEST(admin(server, {"stats", "extra"}).status == 2);
    auto help = admin(server, {"--help"});
    BOOST_TEST(help.status == 0);
    for (const char* command : {"user add", "user set-password", "group list", "session revoke", "purge", "check"})
        BOOST_TEST(contains(help.out, command));
}

BOOST_AUTO_TEST_SUITE_END()
