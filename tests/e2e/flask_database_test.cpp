// flask_database_test.cpp -- one users.db shared with tests/flask_app: users registered by Flask
// log in to authgate (old hashes are upgraded), and after authgate migrated the file the Flask app
// still registers users and logs in everyone, authgate's users too.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cstdlib>

#include "flask_driver.h"
#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

using Answer = FlaskAnswer;

ServerOptions database_options(const std::string& database) {
    ServerOptions options;
    options.database = database;
    return options;
}

// The accounts both apps use.
using SharedUser = Account;

const SharedUser kAlice{"alice@example.com", "alice", "alice password 1"};              // registered via Flask
const SharedUser kBob{"Bob@Example.com", "bob", "p\xc3\xa4sswort \xc3\xbcnicode \xe2\x82\xac"};  // registered via Flask
const SharedUser kCarol{"carol@example.com", "carol", "carol password 1"};              // pbkdf2:sha256:600000
const SharedUser kDave{"dave@example.com", "dave", "dave password 1"};                  // legacy sha256$salt$hex
const SharedUser kErin{"erin@example.com", "erin", "erin password 1"};                  // pbkdf2:sha256:260000
const SharedUser kFrank{"frank@example.com", "frank", "frank password 1"};              // scrypt:32768:8:1
const SharedUser kGrace{"grace@example.com", "grace", "grace password 1"};              // Flask, after authgate
const SharedUser kHenry{"henry@example.com", "henry", "quiet lantern orbit 58"};        // registered via authgate

std::string hash_of(const std::string& database, const std::string& email) {
    SqlitePeek db(database);
    return db.scalar("SELECT password_hash FROM user WHERE email = ?1", {email});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(flask_database)

// Skipped when the system Python lacks Flask; with AUTHGATE_REQUIRE_SUITES set (CI) it runs and fails.
boost::test_tools::assertion_result flask_available(boost::unit_test::test_unit_id) {
    const char* required = std::getenv("AUTHGATE_REQUIRE_SUITES");
    if (required && *required) return true;
    std::string missing = flask_missing();
    boost::test_tools::assertion_result result(missing.empty());
    result.message() << missing;
    return result;
}

BOOST_AUTO_TEST_CASE(a_flask_users_db_works_in_authgate_and_still_works_in_flask_afterwards,
                     *boost::unit_test::precondition(flask_available)) {
    std::string missing = flask_missing();
    BOOST_TEST_REQUIRE(missing.empty(), "AUTHGATE_REQUIRE_SUITES is set: " << missing);
    TempDir dir;
    std::string database = dir.path() + "/users.db";

    // 1. The Flask app creates the file and registers users; more are written with other hash formats.
    auto seeded = run_flask(database, {{"register", kAlice.email, kAlice.username, kAlice.password},
                                       {"register", kBob.email, kBob.username, kBob.password},
                                       {"adduser", kCarol.email, kCarol.username, "pbkdf2:sha256:600000", kCarol.password},
                                       {"adduser", kDave.email, kDave.username, "sha256", kDave.password},
                                       {"adduser", kErin.email, kErin.username, "pbkdf2:sha256:260000", kErin.password},
                                       {"adduser", kFrank.email, kFrank.username, "scrypt-hashlib", kFrank.password},
                                       {"login", kAlice.email, kAlice.password}});
    BOOST_TEST_REQUIRE((seeded[0] == Answer{"302", "/login"}));
    BOOST_TEST_REQUIRE((seeded[1] == Answer{"302", "/login"}));
    BOOST_TEST_REQUIRE(seeded[3][0].rfind("sha256$", 0) == 0u, seeded[3][0]);
    BOOST_TEST_REQUIRE(seeded[4][0].rfind("pbkdf2:sha256:260000$", 0) == 0u, seeded[4][0]);
    BOOST_TEST_REQUIRE((seeded[6] == Answer{"302", "/dashboard", "200+"}));
    std::string carol_before = hash_of(database, kCarol.email);
    std::string alice_before = hash_of(database, kAlice.email);

    // 2. authgate opens (and migrates) the same file: every user logs in; a new one registers.
    {
        TestServer server(database_options(database));
        for (const auto* user : {&kAlice, &kBob, &kCarol, &kDave, &kErin, &kFrank}) check_authgate_login(server, *user);
        HttpClient client(server.base_url());
        auto registered = register_account(client, Account{kHenry.email, kHenry.username, kHenry.password});
        BOOST_TEST(registered.status == 302);
        check_authgate_login(server, kHenry);
        // a wrong password still fails on a Flask-made hash
        HttpClient wrong(server.base_url());
        BOOST_TEST(log_in(wrong, kAlice.email, kBob.password).status == 422);

        SqlitePeek db(database);
        auto columns = db.columns("user");
        for (const std::string column : {"id", "email", "username", "password_hash", "active", "created_at",
                                         "last_login_at", "email_verified"})
            BOOST_TEST((std::find(columns.begin(), columns.end(), column) != columns.end()), "user." << column);
        BOOST_TEST(db.integer("SELECT count(*) FROM user WHERE active = 1") == 7);
    }
    BOOST_TEST(hash_of(database, kDave.email).rfind("pbkdf2:sha256:600000$", 0) == 0u, "legacy hash upgraded");
    BOOST_TEST(hash_of(database, kErin.email).rfind("pbkdf2:sha256:600000$", 0) == 0u, "260000 upgraded");
    BOOST_TEST(hash_of(database, kCarol.email) == carol_before, "a hash that meets the policy stays");
    if (alice_before.rfind("pbkdf2:sha256:260000$", 0) == 0)
        BOOST_TEST(hash_of(database, kAlice.email).rfind("pbkdf2:sha256:600000$", 0) == 0u);

    // 3. The Flask app on the migrated file: registers a new user, logs in old, upgraded and
    //    authgate-registered users, and still refuses duplicates and wrong passwords.
    auto after = run_flask(database, {{"register", kGrace.email, kGrace.username, kGrace.password},
                                      {"register", kAlice.email, "alice2", "another password"},
                                      {"login", kGrace.email, kGrace.password},
                                      {"login", kAlice.email, kAlice.password},
                                      {"login", kBob.email, kBob.password},
                                      {"login", kCarol.email, kCarol.password},
                                      {"login", kDave.email, kDave.password},
                                      {"login", kErin.email, kErin.password},
                                      {"login", kHenry.email, kHenry.password},
                                      {"login", kHenry.email, kAlice.password},
                                      {"session", kHenry.email, kHenry.password}});
    BOOST_TEST((after[0] == Answer{"302", "/login"}), "Flask registers grace");
    BOOST_TEST((after[1] == Answer{"302", "/register"}), "Flask refuses a duplicate email");
    const char* names[] = {"grace", "alice", "bob", "carol", "dave", "erin", "henry"};
    for (int i = 0; i < 7; ++i)
        BOOST_TEST((after[2 + i] == Answer{"302", "/dashboard", "200+"}), "Flask login of " << names[i]);
    BOOST_TEST((after[9] == Answer{"302", "/login", "302-"}), "Flask refuses a wrong password");
    BOOST_TEST((after[10] == Answer{"302", "remember", "302", "302 /login"}),
               "Flask remembers authgate's user and logs them out");

    // 4. authgate again: the user Flask registered after the migration logs in.
    {
        TestServer server(database_options(database));
        check_authgate_login(server, kGrace);
        check_authgate_login(server, kAlice);
        SqlitePeek db(database);
        BOOST_TEST(db.integer("SELECT active FROM user WHERE email = ?1", {kGrace.email}) == 1);
    }
}

BOOST_AUTO_TEST_SUITE_END()
