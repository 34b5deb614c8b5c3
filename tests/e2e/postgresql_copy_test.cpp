// postgresql_copy_test.cpp -- authgate-admin copy moves a SQLite database to PostgreSQL with every
// hash, session and group intact; the copied accounts log in, and check and stats work on PostgreSQL.
#include <boost/test/unit_test.hpp>
#include <curl/curl.h>

#include "postgres_site.h"
#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kLegacyPassword = "lemon harbour 27 slowly";

CommandResult admin(std::vector<std::string> args, const std::string& input = "") {
    std::vector<std::string> argv = {required_env("AUTHGATE_ADMIN_BIN")};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, input);
}

bool json_holds(const std::string& json, const std::string& expression) {
    return run_command({required_env("SYSTEM_PYTHON3"), "-c",
                        "import json, sys\nd = json.load(sys.stdin)\nsys.exit(0 if (" + expression + ") else 1)"},
                       json)
               .status == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_copy, *boost::unit_test::precondition(postgres_available))

BOOST_AUTO_TEST_CASE(a_sqlite_database_copied_to_postgresql_keeps_its_accounts_and_hashes) {
    require_postgres();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    TempDir files;
    const std::string users_db = files.path() + "/users.db";
    Account ann = unique_account("copyann");
    Account ben = unique_account("copyben");
    std::string remember;
    {
        // The SQLite site: two accounts made through the pages, one with a werkzeug 2.2 hash, a group.
        TestServer sqlite_site(postgres_site_options(users_db, 1, {}));
        HttpClient client(sqlite_site.base_url());
        register_and_log_in(client, ann, true);
        remember = client.cookies["remember_token"];
        HttpClient other(sqlite_site.base_url());
        BOOST_TEST_REQUIRE(register_account(other, ben).status == 302);
    }
    auto hashed = admin({"hash-password", "--method", "pbkdf2:sha256:260000"}, kLegacyPassword + "\n");
    BOOST_TEST_REQUIRE(hashed.status == 0, hashed.err);
    std::string legacy_hash = hashed.out.substr(0, hashed.out.find('\n'));
    {
        SqlitePeek db(users_db);
        db.execute("INSERT INTO user (email, username, password_hash) VALUES ('old@example.com', 'old', ?1)",
                   {legacy_hash});
    }
    BOOST_TEST_REQUIRE(admin({"--database", users_db, "group", "add", ann.username, "staff"}).status == 0);
    std::map<std::string, std::string> hashes;
    {
        SqlitePeek db(users_db);
        for (const auto& row : db.rows("SELECT email, password_hash FROM user")) hashes[*row[0]] = *row[1];
    }
    BOOST_TEST_REQUIRE(hashes.size() == 3u);

    PostgresServer postgres;
    auto copied = admin({"copy", "--from", users_db, "--to", postgres.uri()});
    BOOST_TEST_REQUIRE(copied.status == 0, copied.out << copied.err);
    for (const auto& [email, hash] : hashes)
        BOOST_TEST(postgres.scalar("SELECT password_hash FROM \"user\" WHERE email = :'p1'", {email}) == hash,
                   "hash of " << email);
    BOOST_TEST(postgres.scalar("SELECT count(*) FROM \"user\"") == "3");

    // A second copy onto the filled database is refused rather than mixing two sites' rows.
    auto again = admin({"copy", "--from", users_db, "--to", postgres.uri()});
    BOOST_TEST(again.status != 0, "a copy onto a database with accounts must be refused");
    BOOST_TEST(postgres.scalar("SELECT count(*) FROM \"user\"") == "3");

    // check and stats on PostgreSQL.
    auto check = admin({"--database", postgres.uri(), "check", "--json"});
    BOOST_TEST(check.status == 0, check.out << check.err);
    BOOST_TEST(json_holds(check.out, "d['ok'] and d['orphan_sessions'] == 0"), check.out);
    auto stats = admin({"--database", postgres.uri(), "stats", "--json"});
    BOOST_TEST(stats.status == 0, stats.err);
    BOOST_TEST(json_holds(stats.out, "d['users'] == 3 and d['active_users'] == 3 and d['remember_chains'] == 1"),
               stats.out);
    BOOST_TEST(contains(admin({"--database", postgres.uri(), "stats"}).out, "attempts in the last hour"));
    auto groups = admin({"--database", postgres.uri(), "group", "list", "staff"});
    BOOST_TEST(contains(groups.out, ann.username), groups.out);

    // authgate on PostgreSQL: every copied account logs in, the remember chain still works.
    TestServer server(postgres_site_options(postgres.uri(), 1, {}));
    for (const Account* account : {&ann, &ben}) {
        HttpClient client(server.base_url());
        BOOST_TEST(log_in(client, account->email, account->password).status == 302, account->email);
        BOOST_TEST(contains(client.get("/dashboard").body, account->username));
    }
    HttpClient old_user(server.base_url());
    BOOST_TEST(log_in(old_user, "old@example.com", kLegacyPassword).status == 302);
    HttpClient wrong(server.base_url());
    BOOST_TEST(log_in(wrong, "old@example.com", ann.password).status == 422);
    HttpClient returning(server.base_url());
    returning.cookies["remember_token"] = remember;
    BOOST_TEST(returning.get("/dashboard").status == 200, "the copied remember chain");
}

BOOST_AUTO_TEST_SUITE_END()
