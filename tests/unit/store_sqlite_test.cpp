// store_sqlite_test.cpp -- the SQLite backend on real files: pragmas, statements, transactions,
// migrations, the unit of work, and the repositories' compare-and-swap steps.
#include <boost/test/unit_test.hpp>
#include <sqlite3.h>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "domain_fixture.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"

namespace store = authgate::store;
namespace sqlite = authgate::store::sqlite;
using authgate::test::ScratchDir;

namespace {

struct ScratchDatabase {
    ScratchDir dir;
    std::string path = dir.path() + "/test.db";
};

std::string pragma(sqlite::Connection& connection, const std::string& name) {
    auto statement = connection.prepare("PRAGMA " + name);
    return statement.step() ? statement.column_text(0) : "";
}

std::int64_t count(sqlite::Connection& connection, const std::string& table) {
    auto statement = connection.prepare("SELECT count(*) FROM " + table);
    return statement.step() ? statement.column_int64(0) : -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_sqlite)

BOOST_AUTO_TEST_CASE(a_connection_uses_wal_normal_sync_and_foreign_keys) {
    ScratchDatabase scratch;
    sqlite::Connection connection(scratch.path);
    BOOST_TEST(pragma(connection, "journal_mode") == "wal");
    BOOST_TEST(pragma(connection, "synchronous") == "1");
    BOOST_TEST(pragma(connection, "foreign_keys") == "1");
}

BOOST_AUTO_TEST_CASE(sqlite_keeps_no_memory_statistics_once_a_connection_is_open) {
    // With statistics on, every SQLite allocation takes one mutex all connections share; off,
    // SQLite counts nothing and reports 0 however much it holds.
    ScratchDatabase scratch;
    sqlite::Connection connection(scratch.path);
    BOOST_TEST(pragma(connection, "journal_mode") == "wal");
    BOOST_TEST(sqlite3_memory_used() == 0);
}

BOOST_AUTO_TEST_CASE(a_statement_found_by_address_is_the_one_for_the_text_there_now) {
    ScratchDatabase scratch;
    sqlite::Connection connection(scratch.path);
    // One buffer holding different SQL in turn: the address alone must not pick the old statement.
    char sql[32] = "SELECT 1";
    auto first = [&] {
        auto row = connection.prepare(static_cast<const char*>(sql));
        BOOST_REQUIRE(row.step());
        return row.column_int64(0);
    };
    BOOST_TEST(first() == 1);
    BOOST_TEST(first() == 1);
    std::snprintf(sql, sizeof sql, "SELECT 2");
    BOOST_TEST(first() == 2);
    // The text path and the address path share the compiled statements.
    auto by_text = connection.prepare(std::string("SELECT 2"));
    BOOST_REQUIRE(by_text.step());
    BOOST_TEST(by_text.column_int64(0) == 2);
}

BOOST_AUTO_TEST_CASE(an_unopenable_path_throws_a_store_error_naming_the_file) {
    for (auto open : {+[] { store::open_store("/nonexistent-dir/x/authgate.db"); },
                      +[] { store::prepare_store("/nonexistent-dir/x/authgate.db"); }}) {
        try {
            open();
            BOOST_FAIL("no exception");
        } catch (const store::StoreError& error) {
            BOOST_TEST(std::string(error.what()).find("/nonexistent-dir/x/authgate.db") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(prepare_store_creates_the_flask_user_table_and_authgate_columns) {
    ScratchDatabase scratch;
    store::prepare_store(scratch.path);
    store::prepare_store(scratch.path);  // idempotent
    sqlite::Connection connection(scratch.path);
    BOOST_TEST(std::stoi(pragma(connection, "user_version")) == sqlite::current_schema_version());
    connection.prepare("INSERT INTO user (email, username, password_hash) VALUES (?, ?, ?)")
        .bind(1, "a@b.c").bind(2, "alice").bind(3, "x").run();
    auto row = connection.prepare("SELECT active, email_verified FROM user WHERE username = ?");
    row.bind(1, "alice");
    BOOST_TEST(row.step());
    BOOST_TEST(row.column_int64(0) == 1);
    BOOST_TEST(row.column_int64(1) == 0);
    for (const char* table : {"authgate_session", "authgate_remember", "authgate_attempt", "authgate_meta"})
        BOOST_TEST(count(connection, table) == 0, table);
}

BOOST_AUTO_TEST_CASE(unique_violations_are_recognised) {
    ScratchDatabase scratch;
    store::prepare_store(scratch.path);
    sqlite::Connection connection(scratch.path);
    auto insert = "INSERT INTO user (email, username, password_hash) VALUES (?, ?, ?)";
    connection.prepare(insert).bind(1, "a@b.c").bind(2, "alice").bind(3, "x").run();
    try {
        connection.prepare(insert).bind(1, "a@b.c").bind(2, "bob").bind(3, "x").run();
        BOOST_FAIL("no exception");
    } catch (const sqlite::DatabaseError& error) {
        BOOST_TEST(error.is_unique_violation());
    }
}

BOOST_AUTO_TEST_CASE(busy_and_unreachable_databases_may_be_retried_other_failures_not) {
    BOOST_TEST(sqlite::DatabaseError("busy", SQLITE_BUSY).may_retry());
    BOOST_TEST(sqlite::DatabaseError("locked", SQLITE_LOCKED_SHAREDCACHE).may_retry());
    BOOST_TEST(sqlite::DatabaseError("busy snapshot", SQLITE_BUSY_SNAPSHOT).may_retry());
    BOOST_TEST(!sqlite::DatabaseError("full", SQLITE_FULL).may_retry());
    BOOST_TEST(!sqlite::DatabaseError("duplicate", SQLITE_CONSTRAINT_UNIQUE).may_retry());
    BOOST_TEST(store::StoreUnavailable("down").may_retry());
    BOOST_TEST(!store::StoreError("broken").may_retry());
}

BOOST_AUTO_TEST_CASE(a_transaction_not_committed_is_rolled_back) {
    ScratchDatabase scratch;
    store::prepare_store(scratch.path);
    sqlite::Connection connection(scratch.path);
    {
        sqlite::Transaction transaction(connection);
        connection.prepare("INSERT INTO authgate_meta (name, value) VALUES (?, ?)").bind(1, "k").bind(2, "v").run();
    }
    BOOST_TEST(count(connection, "authgate_meta") == 0);
}

BOOST_AUTO_TEST_CASE(a_database_from_a_newer_version_is_refused) {
    ScratchDatabase scratch;
    {
        sqlite::Connection connection(scratch.path);
        connection.exec("PRAGMA user_version = 999");
    }
    BOOST_CHECK_THROW(store::prepare_store(scratch.path), store::StoreError);
}

BOOST_AUTO_TEST_CASE(a_store_transaction_commits_when_the_work_returns_and_rolls_back_when_it_throws) {
    ScratchDatabase scratch;
    store::prepare_store(scratch.path);
    auto opened = store::open_store(scratch.path);
    std::string kept = opened->transaction(store::Access::write, [](store::Repositories& r) {
        return r.meta.get_or_create("kept", "first");
    });
    BOOST_TEST(kept == "first");
    BOOST_CHECK_THROW(opened->transaction(store::Access::write,
                                          [](store::Repositories& r) {
                                              r.meta.get_or_create("dropped", "value");
                                              throw std::runtime_error("abandon");
                                          }),
                      std::runtime_error);
    sqlite::Connection connection(scratch.path);
    BOOST_TEST(count(connection, "authgate_meta") == 1);
    // get_or_create keeps the first value.
    BOOST_TEST(opened->transaction(store::Access::write, [](store::Repositories& r) {
        return r.meta.get_or_create("kept", "second");
    }) == "first");
}

BOOST_AUTO_TEST_CASE(a_prepared_store_migrates_a_new_file_and_finds_meta_values_in_a_read) {
    ScratchDatabase scratch;
    auto opened = store::open_prepared_store(scratch.path);
    auto absent = opened->transaction(store::Access::read, [](store::Repositories& r) { return r.meta.find("key"); });
    BOOST_TEST(!absent.has_value());
    opened->transaction(store::Access::write, [](store::Repositories& r) { r.meta.get_or_create("key", "v1"); });
    auto found = opened->transaction(store::Access::read, [](store::Repositories& r) { return r.meta.find("key"); });
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(*found == "v1");
    // The file is at this build's schema: a second prepare has nothing to do and the value stays.
    store::prepare_store(scratch.path);
    auto again = store::open_store(scratch.path);
    BOOST_TEST(again->transaction(store::Access::read, [](store::Repositories& r) { return r.meta.find("key"); })
                   .value_or("") == "v1");
}

BOOST_AUTO_TEST_CASE(users_are_found_and_taken_ignoring_case_with_an_exact_match_first) {
    ScratchDatabase scratch;
    store::prepare_store(scratch.path);
    auto opened = store::open_store(scratch.path);
    opened->transaction(store::Access::write, [](store::Repositories& r) {
        r.users.create("Alice@Example.com", "Alice", "pbkdf2:sha256:1000$s$h", 10);
        BOOST_TEST(r.users.email_taken("alice@example.COM"));
        BOOST_TEST(r.users.username_taken("ALICE"));
        BOOST_TEST(!r.users.email_taken("bob@example.com"));
        auto found = r.users.find_by_email("alice@example.com");
        BOOST_REQUIRE(found);
        BOOST_TEST(found->username == "Alice");
        BOOST_TEST(found->created_at.value_or(0) == 10);
        BOOST_TEST(r.users.password_methods() == std::vector<std::string>{"pbkdf2:sha256:1000"});
        // The hash is replaced only while it is still the one read.
        BOOST_TEST(!r.users.replace_password_hash(found->id, "something else", "new"));
        BOOST_TEST(r.users.replace_password_hash(found->id, "pbkdf2:sha256:1000$s$h", "new"));
        BOOST_TEST(r.users.find_by_id(found->id)->password_hash == "new");
    });
}

BOOST_AUTO_TEST_CASE(a_remember_chain_rotates_only_from_its_current_validator) {
    ScratchDatabase scratch;
    store::prepare_store(scratch.path);
    auto opened = store::open_store(scratch.path);
    opened->transaction(store::Access::write, [](store::Repositories& r) {
        auto user = r.users.create("a@b.co", "alice", "x$y$z", 1);
        r.remember.create({"sel", "hash1", user, 5000, std::nullopt, std::nullopt}, 100);
        BOOST_TEST(r.remember.rotate("sel", "hash1", "hash2", 200));
        BOOST_TEST(!r.remember.rotate("sel", "hash1", "hash3", 201), "a second rotation from the old value loses");
        auto record = r.remember.find("sel");
        BOOST_REQUIRE(record);
        BOOST_TEST(record->validator_hash == "hash2");
        BOOST_TEST(record->previous_validator_hash.value_or("") == "hash1");
        BOOST_TEST(record->rotated_at.value_or(0) == 200);
        BOOST_TEST(record->expires_at == 5000);
    });
}

BOOST_AUTO_TEST_SUITE_END()
