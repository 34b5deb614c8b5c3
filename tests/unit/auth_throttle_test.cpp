// auth_throttle_test.cpp -- progressive delays for failed logins and registrations, on a real database.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <unistd.h>

#include "auth/throttle.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"

namespace auth = authgate::auth;
namespace store = authgate::store;

namespace {

struct ThrottleWorld {
    ThrottleWorld() : dir(make_dir()), connection(dir + "/t.db"), attempts(connection), throttle(attempts, settings) {
        store::migrate(connection);
    }
    ~ThrottleWorld() {
        std::string command = "rm -rf '" + dir + "'";
        if (std::system(command.c_str()) != 0) {
        }
    }
    static std::string make_dir() {
        char pattern[] = "/tmp/authgate-throttle-XXXXXX";
        return mkdtemp(pattern);
    }
    std::string dir;
    store::Connection connection;
    store::SqliteAttemptRepository attempts;
    auth::ThrottleSettings settings;
    auth::Throttle throttle;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_throttle)

BOOST_AUTO_TEST_CASE(the_first_failures_are_free_then_delays_double) {
    ThrottleWorld world;
    std::int64_t now = 100000;
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST(!world.throttle.login_wait("a@b.c", "1.2.3.4", now));
        world.throttle.record_login_failure("a@b.c", "1.2.3.4", now);
    }
    BOOST_TEST(world.throttle.login_wait("a@b.c", "1.2.3.4", now).value_or(0) == 1);
    BOOST_TEST(!world.throttle.login_wait("a@b.c", "1.2.3.4", now + 1));
    world.throttle.record_login_failure("a@b.c", "1.2.3.4", now + 1);
    BOOST_TEST(world.throttle.login_wait("a@b.c", "1.2.3.4", now + 1).value_or(0) == 2);
    world.throttle.record_login_failure("a@b.c", "1.2.3.4", now + 3);
    BOOST_TEST(world.throttle.login_wait("a@b.c", "1.2.3.4", now + 3).value_or(0) == 4);
}

BOOST_AUTO_TEST_CASE(the_account_is_named_by_the_email_ignoring_case_and_spaces) {
    ThrottleWorld world;
    for (int i = 0; i < 6; ++i) world.throttle.record_login_failure(" A@B.c ", "addr" + std::to_string(i), 500);
    BOOST_TEST(world.throttle.login_wait("a@b.C", "another-address", 500).has_value());
    BOOST_TEST(!world.throttle.login_wait("other@b.c", "another-address", 500));
}

BOOST_AUTO_TEST_CASE(an_address_spraying_many_accounts_is_slowed_too) {
    ThrottleWorld world;
    for (int i = 0; i < 20; ++i) world.throttle.record_login_failure("user" + std::to_string(i) + "@x.y", "6.6.6.6", 700);
    BOOST_TEST(world.throttle.login_wait("fresh@x.y", "6.6.6.6", 700).has_value());
    BOOST_TEST(!world.throttle.login_wait("fresh@x.y", "7.7.7.7", 700));
}

BOOST_AUTO_TEST_CASE(at_most_100_failures_per_account_get_through_in_an_hour) {
    ThrottleWorld world;
    std::int64_t start = 1000000, now = start;
    int checked = 0;
    while (now < start + 3600) {
        if (auto wait = world.throttle.login_wait("victim@x.y", "9.9.9.9", now)) {
            now += *wait;
            continue;
        }
        ++checked;
        world.throttle.record_login_failure("victim@x.y", "9.9.9.9", now);
    }
    BOOST_TEST(checked <= 100);
    BOOST_TEST(checked >= 5);
}

BOOST_AUTO_TEST_CASE(success_clears_the_account_and_old_failures_expire) {
    ThrottleWorld world;
    for (int i = 0; i < 8; ++i) world.throttle.record_login_failure("a@b.c", "1.1.1.1", 50000);
    BOOST_TEST(world.throttle.login_wait("a@b.c", "2.2.2.2", 50001).has_value());
    world.throttle.record_login_success("a@b.c");
    BOOST_TEST(!world.throttle.login_wait("a@b.c", "2.2.2.2", 50001));
    for (int i = 0; i < 8; ++i) world.throttle.record_login_failure("z@b.c", "3.3.3.3", 60000);
    BOOST_TEST(!world.throttle.login_wait("z@b.c", "4.4.4.4", 60000 + 3601));
}

BOOST_AUTO_TEST_CASE(registrations_are_limited_per_address) {
    ThrottleWorld world;
    for (int i = 0; i < world.settings.registrations_per_hour; ++i) {
        BOOST_TEST(!world.throttle.registration_wait("5.5.5.5", 9000));
        world.throttle.record_registration("5.5.5.5", 9000);
    }
    BOOST_TEST(world.throttle.registration_wait("5.5.5.5", 9000).value_or(0) > 0);
    BOOST_TEST(!world.throttle.registration_wait("5.5.5.6", 9000));
}

BOOST_AUTO_TEST_SUITE_END()
