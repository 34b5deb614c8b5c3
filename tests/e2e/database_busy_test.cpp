// database_busy_test.cpp -- a SQLite file another process keeps locked past the busy timeout: a write
// answers a readable 503 with Retry-After and commits nothing, pages that only read are served, and
// the same form works once the lock is gone.
#include <boost/test/unit_test.hpp>

#include "support/auth_flow.h"
#include "support/http_client.h"
#include "support/sqlite_peek.h"
#include "support/test_server.h"

using namespace authgate::test;

namespace {

const std::string kBusy = "The server is busy. Please try again in a moment.";

long long users_with_email(SqlitePeek& db, const std::string& email) {
    return db.integer("SELECT count(*) FROM user WHERE email = ?1", {email});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_busy)

BOOST_AUTO_TEST_CASE(a_write_blocked_past_the_busy_timeout_answers_503_and_the_retry_succeeds) {
    TestServer server;
    HttpClient visitor(server.base_url());
    Account account = unique_account("busy");

    SqlitePeek holder(server.database());
    holder.execute("BEGIN IMMEDIATE");  // the write lock, held like a long admin job would
    // The form page only reads, so it is served; its POST must wait for the lock and gives up.
    HttpResponse blocked = register_account(visitor, account);
    BOOST_TEST(blocked.status == 503);
    BOOST_TEST(!blocked.header("Retry-After").empty());
    BOOST_TEST(contains(blocked.header("Content-Type"), "text/html"));
    BOOST_TEST(contains(blocked.body, kBusy));
    BOOST_TEST(!contains(blocked.body, account.password));

    // Readers are not held up by a writer (WAL): the login form is served meanwhile.
    HttpClient reader(server.base_url());
    BOOST_TEST(reader.get("/login").status == 200);
    holder.execute("ROLLBACK");

    SqlitePeek db(server.database());
    BOOST_TEST(users_with_email(db, account.email) == 0, "the refused registration left a row");

    HttpResponse retried = register_account(visitor, account);
    BOOST_TEST(retried.status == 302);
    BOOST_TEST(retried.header("Location") == "/login");
    BOOST_TEST(users_with_email(db, account.email) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
