// store_database_test.cpp -- connection pragmas, statements, transactions and migrations on real files.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "store/database.h"
#include "store/migrations.h"

namespace store = authgate::store;

namespace {

struct ScratchDatabase {
    ScratchDatabase() {
        char pattern[] = "/tmp/authgate-unit-XXXXXX";
        dir = mkdtemp(pattern);
        path = dir + "/test.db";
    }
    ~ScratchDatabase() {
        std::string command = "rm -rf '" + dir + "'";
        if (std::system(command.c_str()) != 0) {
        }
    }
    std::string dir;
    std::string path;
};

std::string pragma(store::Connection& connection, const std::string& name) {
    auto statement = connection.prepare("PRAGMA " + name);
    return statement.step() ? statement.column_text(0) : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_database)

BOOST_AUTO_TEST_CASE(a_connection_uses_wal_normal_sync_and_foreign_keys) {
    ScratchDatabase scratch;
    store::Connection connection(scratch.path);
    BOOST_TEST(pragma(connection, "journal_mode") == "wal");
    BOOST_TEST(pragma(connection, "synchronous") == "1");
    BOOST_TEST(pragma(connection, "foreign_keys") == "1");
}

BOOST_AUTO_TEST_CASE(an_unopenable_path_throws_naming_the_file) {
    try {
        store::Connection connection("/nonexistent-dir/x/authgate.db");
        BOOST_FAIL("no exception");
    } catch (const store::DatabaseError& error) {
        BOOST_TEST(std::string(error.what()).find("/nonexistent-dir/x/authgate.db") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(migrate_creates_the_flask_user_table_and_authgate_columns) {
    ScratchDatabase scratch;
    store::Connection connection(scratch.path);
    store::migrate(connection);
    store::migrate(connection);  // idempotent
    BOOST_TEST(std::stoi(pragma(connection, "user_version")) == store::current_schema_version());
    connection.prepare("INSERT INTO user (email, username, password_hash) VALUES (?, ?, ?)")
        .bind(1, "a@b.c").bind(2, "alice").bind(3, "x").run();
    auto row = connection.prepare("SELECT active, email_verified FROM user WHERE username = ?");
    row.bind(1, "alice");
    BOOST_TEST(row.step());
    BOOST_TEST(row.column_int64(0) == 1);
    BOOST_TEST(row.column_int64(1) == 0);
}

BOOST_AUTO_TEST_CASE(unique_violations_are_recognised) {
    ScratchDatabase scratch;
    store::Connection connection(scratch.path);
    store::migrate(connection);
    auto insert = "INSERT INTO user (email, username, password_hash) VALUES (?, ?, ?)";
    connection.prepare(insert).bind(1, "a@b.c").bind(2, "alice").bind(3, "x").run();
    try {
        connection.prepare(insert).bind(1, "a@b.c").bind(2, "bob").bind(3, "x").run();
        BOOST_FAIL("no exception");
    } catch (const store::DatabaseError& error) {
        BOOST_TEST(error.is_unique_violation());
    }
}

BOOST_AUTO_TEST_CASE(a_transaction_not_committed_is_rolled_back) {
    ScratchDatabase scratch;
    store::Connection connection(scratch.path);
    store::migrate(connection);
    {
        store::Transaction transaction(connection);
        connection.prepare("INSERT INTO authgate_meta (name, value) VALUES (?, ?)").bind(1, "k").bind(2, "v").run();
    }
    auto count = connection.prepare("SELECT count(*) FROM authgate_meta");
    BOOST_TEST(count.step());
    BOOST_TEST(count.column_int64(0) == 0);
}

BOOST_AUTO_TEST_CASE(a_database_from_a_newer_version_is_refused) {
    ScratchDatabase scratch;
    store::Connection connection(scratch.path);
    connection.exec("PRAGMA user_version = 999");
    BOOST_CHECK_THROW(store::migrate(connection), store::DatabaseError);
}

BOOST_AUTO_TEST_SUITE_END()
