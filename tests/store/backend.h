// backend.h -- the two stores every store test runs against: a SQLite file and a database on a
// throwaway PostgreSQL server; AUTHGATE_STORE_CASE defines one case for each.
#pragma once

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "store/store.h"
#include "support/postgres_server.h"
#include "support/test_server.h"

namespace authgate::test {

enum class BackendKind { sqlite, postgresql };

// One migrated database. open() gives a new store (its own connection), as each worker thread or
// each host has; stores of one Backend share the data.
class Backend {
public:
    // SQLite: DIR/store.db. PostgreSQL: a new server with its `authgate` database. Both are
    // brought to this build's schema with prepare_store.
    explicit Backend(BackendKind kind);
    Backend(const Backend&) = delete;
    Backend& operator=(const Backend&) = delete;

    std::unique_ptr<store::Store> open() const;
    const std::string& database() const { return database_; }
    BackendKind kind() const { return kind_; }
    // The server of a PostgreSQL backend (nullptr for SQLite).
    PostgresServer* postgres() const { return server_.get(); }

private:
    BackendKind kind_;
    TempDir dir_;
    std::unique_ptr<PostgresServer> server_;
    std::string database_;
};

}  // namespace authgate::test

// Defines the case `name` twice, as sqlite/name and postgresql/name (skipped where PostgreSQL
// cannot run, failing then with AUTHGATE_REQUIRE_SUITES=1); the body follows the macro and sees
// `backend` (a migrated authgate::test::Backend).
#define AUTHGATE_STORE_CASE(name)                                                                      \
    static void name##_on(const authgate::test::Backend& backend);                                     \
    BOOST_AUTO_TEST_SUITE(sqlite)                                                                      \
    BOOST_AUTO_TEST_CASE(name) {                                                                       \
        authgate::test::Backend backend(authgate::test::BackendKind::sqlite);                          \
        name##_on(backend);                                                                            \
    }                                                                                                  \
    BOOST_AUTO_TEST_SUITE_END()                                                                        \
    BOOST_AUTO_TEST_SUITE(postgresql)                                                                  \
    BOOST_AUTO_TEST_CASE(name, *boost::unit_test::precondition(authgate::test::postgres_available)) {  \
        authgate::test::require_postgres();                                                            \
        authgate::test::Backend backend(authgate::test::BackendKind::postgresql);                      \
        name##_on(backend);                                                                            \
    }                                                                                                  \
    BOOST_AUTO_TEST_SUITE_END()                                                                        \
    static void name##_on([[maybe_unused]] const authgate::test::Backend& backend)
