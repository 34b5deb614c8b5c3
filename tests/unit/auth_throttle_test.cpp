// auth_throttle_test.cpp -- progressive delays for failed logins and registrations, reserved and
// counted in one write transaction on a real database.
#include <boost/test/unit_test.hpp>

#include "auth/throttle.h"
#include "domain_fixture.h"

namespace auth = authgate::auth;
namespace store = authgate::store;

namespace {

struct ThrottleWorld : authgate::test::DomainWorld {
    auth::Throttle throttle{settings.throttle};

    auth::ThrottleDecision login(const std::string& email, const std::string& address, std::int64_t now) {
        return store.transaction(store::Access::write, [&](store::Repositories& r) {
            return throttle.reserve_login(r.attempts, email, address, now);
        });
    }
    // True when a login may go ahead now (the attempt is then counted as a failure).
    bool granted(const std::string& email, const std::string& address, std::int64_t now) {
        return login(email, address, now).reservation.has_value();
    }
    std::int64_t wait(const std::string& email, const std::string& address, std::int64_t now) {
        return login(email, address, now).retry_after;
    }
    auth::ThrottleDecision registration(const std::string& address, std::int64_t now) {
        return store.transaction(store::Access::write, [&](store::Repositories& r) {
            return throttle.reserve_registration(r.attempts, address, now);
        });
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_throttle)

BOOST_AUTO_TEST_CASE(the_first_failures_are_free_then_delays_double) {
    ThrottleWorld world;
    std::int64_t now = 100000;
    for (int i = 0; i < 5; ++i) BOOST_TEST(world.granted("a@b.c", "1.2.3.4", now));
    BOOST_TEST(world.wait("a@b.c", "1.2.3.4", now) == 1);
    BOOST_TEST(world.granted("a@b.c", "1.2.3.4", now + 1));
    BOOST_TEST(world.wait("a@b.c", "1.2.3.4", now + 1) == 2);
    BOOST_TEST(world.granted("a@b.c", "1.2.3.4", now + 3));
    BOOST_TEST(world.wait("a@b.c", "1.2.3.4", now + 3) == 4);
}

BOOST_AUTO_TEST_CASE(a_refused_attempt_is_not_counted) {
    ThrottleWorld world;
    for (int i = 0; i < 5; ++i) BOOST_TEST(world.granted("a@b.c", "1.2.3.4", 100));
    std::int64_t rows = world.count("authgate_attempt");
    for (int i = 0; i < 10; ++i) BOOST_TEST(!world.granted("a@b.c", "1.2.3.4", 100));
    BOOST_TEST(world.count("authgate_attempt") == rows);
    BOOST_TEST(world.granted("a@b.c", "1.2.3.4", 101), "the delay did not grow from refused attempts");
}

BOOST_AUTO_TEST_CASE(the_account_is_named_by_the_email_ignoring_case_and_spaces) {
    ThrottleWorld world;
    for (int i = 0; i < 5; ++i) BOOST_TEST(world.granted(" A@B.c ", "addr" + std::to_string(i), 500));
    BOOST_TEST(!world.granted("a@b.C", "another-address", 500));
    BOOST_TEST(world.granted("other@b.c", "another-address", 500));
    BOOST_TEST(auth::Throttle::account_key("  MiXeD@Example.COM ") == "mixed@example.com");
}

BOOST_AUTO_TEST_CASE(an_address_spraying_many_accounts_is_slowed_too) {
    ThrottleWorld world;
    for (int i = 0; i < 20; ++i) BOOST_TEST(world.granted("user" + std::to_string(i) + "@x.y", "6.6.6.6", 700));
    BOOST_TEST(world.wait("fresh@x.y", "6.6.6.6", 700) == 1);
    BOOST_TEST(world.granted("fresh@x.y", "7.7.7.7", 700));
}

BOOST_AUTO_TEST_CASE(at_most_100_failures_per_account_get_through_in_an_hour) {
    ThrottleWorld world;
    std::int64_t start = 1000000, now = start;
    int checked = 0;
    while (now < start + 3600) {
        auto decision = world.login("victim@x.y", "9.9.9.9", now);
        if (!decision.reservation) {
            BOOST_REQUIRE(decision.retry_after > 0);
            now += decision.retry_after;
            continue;
        }
        ++checked;
    }
    BOOST_TEST(checked <= 100);
    BOOST_TEST(checked >= 5);
}

BOOST_AUTO_TEST_CASE(forgiving_a_login_clears_the_account_but_not_the_address) {
    ThrottleWorld world;
    world.settings.throttle.free_address_failures = 8;
    for (int i = 0; i < 5; ++i) BOOST_TEST(world.granted("a@b.c", "1.1.1.1", 50000));
    auto success = world.login("a@b.c", "1.1.1.1", 50001);
    BOOST_REQUIRE(success.reservation);
    BOOST_TEST(world.wait("a@b.c", "2.2.2.2", 50001) > 0);
    world.store.transaction(store::Access::write, [&](store::Repositories& r) {
        world.throttle.forgive_login(r.attempts, "A@b.c", *success.reservation);
    });
    BOOST_TEST(world.wait("a@b.c", "2.2.2.2", 50001) == 0, "the account's failures are forgotten");
    // The address keeps its five failures (the successful attempt itself is dropped): three more are free.
    for (const char* email : {"x@b.c", "y@b.c", "w@b.c"}) BOOST_TEST(world.granted(email, "1.1.1.1", 50001), email);
    BOOST_TEST(world.wait("v@b.c", "1.1.1.1", 50001) > 0);
}

BOOST_AUTO_TEST_CASE(a_released_reservation_is_uncounted) {
    ThrottleWorld world;
    for (int i = 0; i < 4; ++i) BOOST_TEST(world.granted("a@b.c", "1.1.1.1", 100));
    std::int64_t rows = world.count("authgate_attempt");
    for (int i = 0; i < 10; ++i) {
        auto decision = world.login("a@b.c", "1.1.1.1", 100);
        BOOST_REQUIRE(decision.reservation);
        BOOST_TEST(decision.reservation->attempt_ids.size() == 2u);
        world.store.transaction(store::Access::write, [&](store::Repositories& r) {
            world.throttle.release(r.attempts, *decision.reservation);
        });
    }
    BOOST_TEST(world.count("authgate_attempt") == rows);
    BOOST_TEST(world.granted("a@b.c", "1.1.1.1", 100), "the fifth failure is still free");
    BOOST_TEST(!world.granted("a@b.c", "1.1.1.1", 100));
}

BOOST_AUTO_TEST_CASE(old_failures_expire_after_the_window) {
    ThrottleWorld world;
    for (int i = 0; i < 8; ++i) world.granted("z@b.c", "3.3.3.3", 60000 + i * 300);
    BOOST_TEST(!world.granted("z@b.c", "4.4.4.4", 62100));
    BOOST_TEST(world.granted("z@b.c", "4.4.4.4", 62100 + 3601));
    // Granting prunes what the window forgot.
    BOOST_TEST(world.count("authgate_attempt") == 2);
}

BOOST_AUTO_TEST_CASE(registrations_are_limited_per_address) {
    ThrottleWorld world;
    for (int i = 0; i < world.settings.throttle.registrations_per_hour; ++i)
        BOOST_TEST(world.registration("5.5.5.5", 9000).reservation.has_value());
    auto refused = world.registration("5.5.5.5", 9000);
    BOOST_TEST(!refused.reservation);
    BOOST_TEST(refused.retry_after > 0);
    BOOST_TEST(refused.retry_after <= world.settings.throttle.window_seconds);
    BOOST_TEST(world.registration("5.5.5.6", 9000).reservation.has_value());
    BOOST_TEST(world.registration("5.5.5.5", 9000 + 3601).reservation.has_value(), "the window passed");
}

BOOST_AUTO_TEST_CASE(a_released_registration_gives_its_place_back) {
    ThrottleWorld world;
    world.settings.throttle.registrations_per_hour = 1;
    auto first = world.registration("5.5.5.5", 9000);
    BOOST_REQUIRE(first.reservation);
    BOOST_TEST(!world.registration("5.5.5.5", 9000).reservation);
    world.store.transaction(store::Access::write, [&](store::Repositories& r) {
        world.throttle.release(r.attempts, *first.reservation);
    });
    BOOST_TEST(world.registration("5.5.5.5", 9000).reservation.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
