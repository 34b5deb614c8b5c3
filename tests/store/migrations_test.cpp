// migrations_test.cpp -- hosts starting together on a new database: every prepare_store succeeds,
// the schema is made once, and the stores work afterwards; on both backends.
#include <boost/test/unit_test.hpp>

#include "backend.h"
#include "support/parallel.h"

namespace store = authgate::store;
using authgate::test::run_at_once;
using store::Access;
using store::Repositories;

AUTHGATE_STORE_CASE(four_hosts_preparing_a_new_database_at_once_all_succeed) {
    // A database no one has migrated yet, next to the backend's.
    std::string fresh = backend.postgres() ? backend.postgres()->create_database("fresh")
                                           : backend.database() + ".fresh";
    auto errors = run_at_once(4, [&](int) { store::prepare_store(fresh); });
    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    store::prepare_store(fresh);  // and again, at the next start
    auto opened = store::open_store(fresh);
    auto health = opened->transaction(Access::read, [](Repositories& r) { return r.admin.health(); });
    BOOST_TEST(health.schema_version == health.build_schema_version);
    auto id = opened->transaction(Access::write, [](Repositories& r) { return r.users.create("m@x.io", "m", "x$y$z", 1); });
    BOOST_TEST(id > 0);
}
