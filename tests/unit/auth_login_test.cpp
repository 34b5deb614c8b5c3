// auth_login_test.cpp -- the login use case: outcomes, the throttle, hash upgrades, and what a
// login ends (the browser's old session and remember chain).
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "auth/login.h"
#include "auth/resolve_visit.h"
#include "crypto/password_hash.h"
#include "domain_fixture.h"

namespace auth = authgate::auth;
namespace crypto = authgate::crypto;
using authgate::test::DomainWorld;

namespace authgate::auth {
inline std::ostream& operator<<(std::ostream& out, LoginStatus status) {
    return out << static_cast<int>(status);
}
}  // namespace authgate::auth

using auth::LoginStatus;

namespace {

auth::LoginResult attempt(DomainWorld& world, const std::string& email, const std::string& password,
                          std::int64_t now = 2000, const std::string& session = "", const std::string& remember = "",
                          bool remember_me = false) {
    return auth::log_in(world.services, {email, password, remember_me, world.presented(session, remember, now)});
}

std::int64_t login_attempts(DomainWorld& world) {
    return world.integer("SELECT count(*) FROM authgate_attempt WHERE kind LIKE 'login%'");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_login)

BOOST_AUTO_TEST_CASE(the_right_password_logs_in_with_any_email_case_and_records_the_time) {
    DomainWorld world;
    auto user = world.add_user();
    auto ok = attempt(world, " Alice@Example.com ", world.password, 2000);
    BOOST_TEST(ok.status == LoginStatus::ok);
    BOOST_REQUIRE(ok.user);
    BOOST_TEST(ok.user->id == user);
    BOOST_TEST(ok.user->last_login_at.value_or(0) == 2000);
    BOOST_TEST(world.integer("SELECT last_login_at FROM user") == 2000);
    BOOST_TEST(ok.cookies.session_token.has_value());
    BOOST_TEST(!ok.cookies.remember_token);
    BOOST_TEST(world.audit.count("login_success", "session") == 1u);
    BOOST_TEST(login_attempts(world) == 0, "a success leaves no attempt behind");
}

BOOST_AUTO_TEST_CASE(a_wrong_password_and_an_unknown_email_are_the_same_bad_credentials) {
    DomainWorld world;
    world.add_user();
    auto wrong = attempt(world, "alice@example.com", "wrong horse battery staple");
    auto unknown = attempt(world, "nobody@example.com", world.password);
    auto empty = attempt(world, "", "");
    for (const auto& result : {wrong, unknown, empty}) {
        BOOST_TEST(result.status == LoginStatus::bad_credentials);
        BOOST_TEST(!result.user);
        BOOST_TEST(!result.cookies.session_token);
    }
    BOOST_TEST(world.audit.count("login_failure", "bad_credentials") == 3u);
    BOOST_TEST(world.count("authgate_session") == 0);
}

BOOST_AUTO_TEST_CASE(a_password_with_a_trailing_nul_does_not_log_in) {
    DomainWorld world;
    world.add_user();
    // PBKDF2 pads the HMAC key with zeros, so without a check "pw\0" would match "pw".
    BOOST_TEST(attempt(world, "alice@example.com", world.password + std::string(1, '\0')).status ==
               LoginStatus::bad_credentials);
}

BOOST_AUTO_TEST_CASE(a_malformed_stored_hash_is_bad_credentials) {
    DomainWorld world;
    world.add_user();
    world.execute("UPDATE user SET password_hash = 'pbkdf2:sha256:600000$bad'");
    BOOST_TEST(attempt(world, "alice@example.com", world.password).status == LoginStatus::bad_credentials);
}

BOOST_AUTO_TEST_CASE(a_disabled_account_is_inactive_only_with_the_right_password) {
    DomainWorld world;
    world.add_user();
    world.execute("UPDATE user SET active = 0");
    BOOST_TEST(attempt(world, "alice@example.com", world.password).status == LoginStatus::inactive);
    BOOST_TEST(attempt(world, "alice@example.com", "wrong horse battery staple").status ==
               LoginStatus::bad_credentials);
    BOOST_TEST(world.audit.count("login_failure", "inactive") == 1u);
    BOOST_TEST(world.count("authgate_session") == 0);
}

BOOST_AUTO_TEST_CASE(after_the_free_failures_a_login_is_throttled_without_hashing_or_counting) {
    DomainWorld world;
    world.add_user();
    for (int i = 0; i < 5; ++i)
        BOOST_TEST(attempt(world, "alice@example.com", "wrong horse battery staple", 3000).status ==
                   LoginStatus::bad_credentials);
    std::int64_t rows = world.count("authgate_attempt");
    auto throttled = attempt(world, "ALICE@example.com", world.password, 3000);
    BOOST_TEST(throttled.status == LoginStatus::throttled);
    BOOST_TEST(throttled.retry_after == 1);
    BOOST_TEST(!throttled.cookies.session_token);
    BOOST_TEST(world.count("authgate_attempt") == rows);
    BOOST_TEST(world.audit.count("login_throttled", "retry_after_1") == 1u);
    BOOST_TEST(world.audit.count("login_failure") == 5u, "the throttled attempt was not evaluated");
    // Once the delay passed, the right password logs in and the account's failures are forgotten.
    BOOST_TEST(attempt(world, "alice@example.com", world.password, 3001).status == LoginStatus::ok);
    BOOST_TEST(world.integer("SELECT count(*) FROM authgate_attempt WHERE kind = 'login_account'") == 0);
}

BOOST_AUTO_TEST_CASE(a_full_hash_pool_gives_busy_and_the_attempt_is_not_counted) {
    DomainWorld world(std::chrono::milliseconds(300));
    world.add_user();
    // Hold every admission the pool has (max_in_flight 2 of max_in_login 4) and fill the waiters.
    auto first = world.pool.admit();
    auto second = world.pool.admit();
    BOOST_REQUIRE(first && second);
    auto busy = attempt(world, "alice@example.com", world.password);
    BOOST_TEST(busy.status == LoginStatus::busy);
    BOOST_TEST(busy.retry_after >= 1);
    BOOST_TEST(login_attempts(world) == 0);
    BOOST_TEST(world.audit.count("login_busy") == 1u);
    first.reset();
    BOOST_TEST(attempt(world, "alice@example.com", world.password).status == LoginStatus::ok);
}

BOOST_AUTO_TEST_CASE(an_outdated_stored_hash_is_upgraded_at_login) {
    DomainWorld world;
    auto user = world.add_user();
    std::string old_hash = crypto::hash_password(world.password, *crypto::parse_hash_policy("pbkdf2:sha256:500"));
    world.execute("UPDATE user SET password_hash = '" + old_hash + "'");
    BOOST_TEST(attempt(world, "alice@example.com", world.password).status == LoginStatus::ok);
    std::string stored = world.store.transaction(authgate::store::Access::read, [&](authgate::store::Repositories& r) {
        return r.users.find_by_id(user)->password_hash;
    });
    BOOST_TEST(stored.rfind("pbkdf2:sha256:1000$", 0) == 0);
    BOOST_TEST(crypto::check_password(stored, world.password));
    // A current hash is left as it is.
    BOOST_TEST(attempt(world, "alice@example.com", world.password).status == LoginStatus::ok);
    BOOST_TEST(world.integer("SELECT count(*) FROM user WHERE password_hash = ?", stored) == 1);
}

BOOST_AUTO_TEST_CASE(remember_me_starts_a_chain_for_the_configured_lifetime) {
    DomainWorld world;
    world.add_user();
    auto ok = attempt(world, "alice@example.com", world.password, 2000, "", "", true);
    BOOST_REQUIRE(ok.cookies.remember_token);
    BOOST_TEST(ok.cookies.remember_max_age == world.settings.session.remember_seconds);
    BOOST_TEST(world.integer("SELECT expires_at FROM authgate_remember") == 2000 + world.settings.session.remember_seconds);
    BOOST_TEST(world.audit.count("login_success", "remember_me") == 1u);
}

BOOST_AUTO_TEST_CASE(a_login_ends_the_browsers_old_session_and_retires_its_remember_chain) {
    DomainWorld world;
    world.add_user();
    auto before = attempt(world, "alice@example.com", world.password, 2000, "", "", true);
    BOOST_REQUIRE(before.cookies.remember_token);
    std::string old_remember = *before.cookies.remember_token;
    auto restored = auth::resolve_visit(world.services, world.presented("", old_remember, 2100));
    BOOST_REQUIRE(restored.cookies.session_token);
    std::string current_remember = *restored.cookies.remember_token;
    auto other_device = attempt(world, "alice@example.com", world.password, 2100, "", "", true);
    BOOST_TEST(world.count("authgate_remember") == 2);
    BOOST_TEST(world.count("authgate_session") == 3);

    auto again = attempt(world, "alice@example.com", world.password, 2200, *restored.cookies.session_token,
                         current_remember);
    BOOST_TEST(again.status == LoginStatus::ok);
    BOOST_TEST(again.cookies.clear_remember);
    BOOST_TEST(!again.cookies.remember_token);
    BOOST_TEST(world.count("authgate_remember") == 1, "only the other device's chain is left");
    // The presented session (opened from the chain) ended; the sessions of other logins stay.
    BOOST_TEST(world.count("authgate_session") == 3);
    BOOST_TEST(!auth::resolve_visit(world.services, world.presented(*restored.cookies.session_token, "", 2201)).user);
    BOOST_TEST(!auth::resolve_visit(world.services, world.presented("", current_remember, 2201)).user);
    BOOST_TEST(auth::resolve_visit(world.services, world.presented(*again.cookies.session_token, "", 2201)).user.has_value());
    BOOST_TEST(auth::resolve_visit(world.services, world.presented(*other_device.cookies.session_token, "", 2201)).user.has_value());
}

BOOST_AUTO_TEST_CASE(a_guessed_selector_with_a_wrong_validator_ends_no_chain_at_login) {
    DomainWorld world;
    world.add_user();
    auto owner = attempt(world, "alice@example.com", world.password, 2000, "", "", true);
    std::string selector = owner.cookies.remember_token->substr(0, owner.cookies.remember_token->find(':'));
    auto other = attempt(world, "alice@example.com", world.password, 2001, "", selector + ":WrongValidatorWrongValid");
    BOOST_TEST(other.status == LoginStatus::ok);
    BOOST_TEST(world.count("authgate_remember") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
