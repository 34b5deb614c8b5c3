// auth_logout_test.cpp -- the logout use case: the session and the presented remember chain end on
// the server, whatever else the user has open.
#include <boost/test/unit_test.hpp>

#include "auth/logout.h"
#include "auth/resolve_visit.h"
#include "domain_fixture.h"

namespace auth = authgate::auth;
using authgate::test::DomainWorld;

BOOST_AUTO_TEST_SUITE(auth_logout)

BOOST_AUTO_TEST_CASE(logout_ends_the_session_the_remember_chain_and_the_sessions_opened_from_it) {
    DomainWorld world;
    auto user = world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    auto other_device = world.sign_in("alice@example.com", true, 100);
    auto restored = auth::resolve_visit(world.services, world.presented("", *cookies.remember_token, 101));
    BOOST_REQUIRE(restored.cookies.session_token && restored.cookies.remember_token);
    auto tab = auth::resolve_visit(world.services, world.presented("", *restored.cookies.remember_token, 102));
    BOOST_REQUIRE(tab.cookies.session_token);

    auto result = auth::log_out(world.services,
                                world.presented(*restored.cookies.session_token, *tab.cookies.remember_token, 103));
    BOOST_TEST(result.cookies.clear_session);
    BOOST_TEST(result.cookies.clear_remember);
    for (const auto& token : {*restored.cookies.session_token, *tab.cookies.session_token})
        BOOST_TEST(!auth::resolve_visit(world.services, world.presented(token, "", 104)).user);
    BOOST_TEST(!auth::resolve_visit(world.services, world.presented("", *tab.cookies.remember_token, 104)).user);
    BOOST_TEST(world.count("authgate_remember") == 1, "the other device's chain stays");
    BOOST_TEST(auth::resolve_visit(world.services, world.presented(*other_device.session_token, "", 104)).user.has_value());
    BOOST_TEST(world.audit.count("logout", "session_ended") == 1u);
    BOOST_TEST(world.audit.events().back().user_id.value_or(0) == user);
}

BOOST_AUTO_TEST_CASE(logout_without_cookies_clears_the_session_cookie_and_writes_nothing) {
    DomainWorld world;
    world.add_user();
    int writes = world.store.writes;
    auto result = auth::log_out(world.services, world.presented("", "", 100));
    BOOST_TEST(result.cookies.clear_session);
    BOOST_TEST(!result.cookies.clear_remember);
    BOOST_TEST(world.store.writes == writes);
    BOOST_TEST(world.audit.count("logout") == 0u);
}

BOOST_AUTO_TEST_CASE(logout_with_an_unknown_session_ends_nothing_else_and_is_not_audited) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", false, 100);
    auto result = auth::log_out(world.services, world.presented("UnknownSessionToken_abcdefghij", "", 101));
    BOOST_TEST(result.cookies.clear_session);
    BOOST_TEST(world.audit.count("logout") == 0u);
    BOOST_TEST(auth::resolve_visit(world.services, world.presented(*cookies.session_token, "", 102)).user.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
