// postgres_server.h -- a throwaway PostgreSQL server for one test: initdb in a temporary directory,
// pg_ctl on a free port of 127.0.0.1, stopped and removed at the end; skipped where PostgreSQL is missing.
#pragma once

#include <boost/test/tree/decorator.hpp>
#include <boost/test/tools/assertion_result.hpp>
#include <string>
#include <vector>

namespace authgate::test {

// The directory of PostgreSQL's server programs: $AUTHGATE_PG_BINDIR, else the newest
// /usr/lib/postgresql/N/bin holding initdb, pg_ctl and psql (Debian's postgresql-N); "" when none.
std::string postgres_bindir();

// Why no throwaway server can start here ("" when one can).
std::string postgres_missing();

// A Boost.Test precondition: true when a server can start, or when AUTHGATE_REQUIRE_SUITES is set
// (the case then runs and fails in require_postgres); otherwise false with the reason (skipped).
boost::test_tools::assertion_result postgres_available(boost::unit_test::test_unit_id);

// Fails the current test case (BOOST_TEST_REQUIRE) with the reason when no server can start.
void require_postgres();

// Creates the database `name` (any text; quoted) on the running server `server_uri`
// ("postgresql://USER@HOST:PORT", a superuser without a password) with psql; returns its URI.
// Throws std::runtime_error with psql's message when it fails.
std::string create_database_on(const std::string& server_uri, const std::string& name);

// One server. When the tests run as root the cluster belongs to the `postgres` user (initdb
// refuses root) and its programs run through runuser; clients connect over TCP as any user.
// The superuser is `authgate`, trusted from 127.0.0.1 without a password, except the members of
// the role `password_login`, who must give their password (scram-sha-256).
class PostgresServer {
public:
    // initdb, start, and CREATE DATABASE authgate. Throws std::runtime_error (with the server's
    // log) when a step fails.
    PostgresServer();
    // Stops the server at once and removes its directory.
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    // "postgresql://authgate@127.0.0.1:PORT/DATABASE"
    std::string uri(const std::string& database = "authgate") const;
    // The same for a user that logs in with a password (the password is not in the URI).
    std::string uri_as(const std::string& user, const std::string& database = "authgate") const;
    // CREATE DATABASE `name` (a plain identifier); returns its uri().
    std::string create_database(const std::string& name);
    // Creates a login role in `password_login` with `password`, owning nothing, allowed to use
    // and create in `database`'s public schema.
    void create_password_user(const std::string& user, const std::string& password,
                              const std::string& database = "authgate");

    // pg_ctl stop -m fast (every connection is closed); start() brings it back on the same port
    // and data; restart() is both. Throw std::runtime_error when pg_ctl fails.
    void stop();
    void start();
    void restart();
    bool running() const { return running_; }

    // Runs `sql` through psql in the `authgate` database, as the superuser; :'p1', :'p2', … in it
    // are `parameters`, quoted as SQL literals by psql. Rows are lines, columns separated by '|',
    // NULL as "". Throws std::runtime_error with psql's message when it fails.
    std::string query(const std::string& sql, const std::vector<std::string>& parameters = {}) const;
    // The first line of query() ("" when no row).
    std::string scalar(const std::string& sql, const std::vector<std::string>& parameters = {}) const;
    // query() in another database (e.g. "postgres").
    std::string query_in(const std::string& database, const std::string& sql,
                         const std::vector<std::string>& parameters = {}) const;

    int port() const { return port_; }
    const std::string& dir() const { return dir_; }
    // The server's log so far (for failure messages).
    std::string log() const;

private:
    void run_as_owner(const std::vector<std::string>& argv) const;

    std::string bindir_;
    std::string dir_;
    std::string owner_;  // the user the cluster runs as through runuser; "" when it is us
    int port_ = 0;
    bool running_ = false;
};

}  // namespace authgate::test
