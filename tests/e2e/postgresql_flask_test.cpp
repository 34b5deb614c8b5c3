// postgresql_flask_test.cpp -- the test suite's Flask app (Flask-SQLAlchemy over psycopg2) and
// authgate on one PostgreSQL database: the `user` table Flask creates is the one authgate uses, users
// registered by Flask log in to authgate and users registered by authgate log in to Flask.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cstdlib>
#include <curl/curl.h>

#include "flask_driver.h"
#include "postgres_site.h"
#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/postgres_server.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

std::string why_not() {
    std::string missing = postgres_missing();
    return missing.empty() ? flask_missing({"psycopg2"}) : missing;
}

// Skipped without PostgreSQL, Flask or psycopg2; with AUTHGATE_REQUIRE_SUITES=1 it runs and fails.
boost::test_tools::assertion_result flask_on_postgres_available(boost::unit_test::test_unit_id) {
    const char* required = std::getenv("AUTHGATE_REQUIRE_SUITES");
    if (required && std::string(required) == "1") return true;
    std::string missing = why_not();
    boost::test_tools::assertion_result result(missing.empty());
    result.message() << missing;
    return result;
}

const Account kAlice{"alice@example.com", "alice", "alice password 1"};          // registered via Flask
const Account kDave{"dave@example.com", "dave", "dave password 1"};              // Flask, werkzeug 2.2's hash
const Account kHenry{"henry@example.com", "henry", "quiet lantern orbit 58"};    // registered via authgate
const Account kGrace{"grace@example.com", "grace", "grace password 1"};          // Flask, after authgate

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_flask, *boost::unit_test::precondition(flask_on_postgres_available))

BOOST_AUTO_TEST_CASE(flask_and_authgate_share_users_on_one_postgresql_database) {
    std::string missing = why_not();
    BOOST_TEST_REQUIRE(missing.empty(), "AUTHGATE_REQUIRE_SUITES is set: " << missing);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    PostgresServer postgres;
    const std::string database = postgres.uri();

    // 1. Flask creates the `user` table on PostgreSQL and registers users.
    auto seeded = run_flask(database, {{"register", kAlice.email, kAlice.username, kAlice.password},
                                       {"adduser", kDave.email, kDave.username, "pbkdf2:sha256:260000", kDave.password},
                                       {"login", kAlice.email, kAlice.password}});
    BOOST_TEST_REQUIRE((seeded[0] == FlaskAnswer{"302", "/login"}));
    BOOST_TEST_REQUIRE(seeded[1][0].rfind("pbkdf2:sha256:260000$", 0) == 0u, seeded[1][0]);
    BOOST_TEST_REQUIRE((seeded[2] == FlaskAnswer{"302", "/dashboard", "200+"}));
    BOOST_TEST(postgres.scalar("SELECT count(*) FROM \"user\"") == "2");
    std::string alice_hash = postgres.scalar("SELECT password_hash FROM \"user\" WHERE username = 'alice'");

    // 2. authgate on the same database: it adds its columns and tables, Flask's users log in, a
    //    new user registers.
    {
        TestServer server(postgres_site_options(database, 1, {}));
        check_authgate_login(server, kAlice);
        check_authgate_login(server, kDave);
        HttpClient client(server.base_url());
        BOOST_TEST(register_account(client, kHenry).status == 302);
        check_authgate_login(server, kHenry);
        HttpClient wrong(server.base_url());
        BOOST_TEST(log_in(wrong, kAlice.email, kDave.password).status == 422);
    }
    std::string columns = postgres.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'user' ORDER BY column_name");
    for (const char* column : {"id", "email", "username", "password_hash", "active", "created_at", "last_login_at",
                               "email_verified"})
        BOOST_TEST(contains(columns, std::string(column) + "\n"), "user." << column);
    BOOST_TEST(postgres.scalar("SELECT count(*) FROM \"user\"") == "3");
    BOOST_TEST(postgres.scalar("SELECT password_hash FROM \"user\" WHERE username = 'dave'").rfind(
                   "pbkdf2:sha256:600000$", 0) == 0u,
               "authgate upgraded werkzeug 2.2's hash");
    if (alice_hash.rfind("pbkdf2:sha256:600000$", 0) == 0 || alice_hash.rfind("scrypt:", 0) == 0)
        BOOST_TEST(postgres.scalar("SELECT password_hash FROM \"user\" WHERE username = 'alice'") == alice_hash);

    // 3. Flask on the database authgate changed: it logs in authgate's user and the upgraded one,
    //    registers a new one, and still refuses duplicates and wrong passwords.
    auto after = run_flask(database, {{"register", kGrace.email, kGrace.username, kGrace.password},
                                      {"register", kHenry.email, "henry2", "another password"},
                                      {"login", kHenry.email, kHenry.password},
                                      {"login", kDave.email, kDave.password},
                                      {"login", kAlice.email, kAlice.password},
                                      {"login", kHenry.email, kAlice.password},
                                      {"session", kHenry.email, kHenry.password}});
    BOOST_TEST((after[0] == FlaskAnswer{"302", "/login"}), "Flask registers grace");
    BOOST_TEST((after[1] == FlaskAnswer{"302", "/register"}), "Flask refuses authgate's user's email");
    BOOST_TEST((after[2] == FlaskAnswer{"302", "/dashboard", "200+"}), "Flask logs in authgate's user");
    BOOST_TEST((after[3] == FlaskAnswer{"302", "/dashboard", "200+"}), "Flask logs in the upgraded user");
    BOOST_TEST((after[4] == FlaskAnswer{"302", "/dashboard", "200+"}), "Flask logs in its own user");
    BOOST_TEST((after[5] == FlaskAnswer{"302", "/login", "302-"}), "Flask refuses a wrong password");
    BOOST_TEST((after[6] == FlaskAnswer{"302", "remember", "302", "302 /login"}));

    // 4. authgate again: the user Flask registered after it logs in, and is active.
    {
        TestServer server(postgres_site_options(database, 1, {}));
        check_authgate_login(server, kGrace);
        check_authgate_login(server, kHenry);
    }
    BOOST_TEST(postgres.scalar("SELECT count(*) FROM \"user\" WHERE username = 'grace' AND active::text IN ('1', 't', 'true')") == "1");
}

BOOST_AUTO_TEST_SUITE_END()
