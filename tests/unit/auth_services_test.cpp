// auth_services_test.cpp -- accounts and sessions against a real SQLite file.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <unistd.h>

#include "auth/account_service.h"
#include "auth/session_service.h"
#include "crypto/password_hash.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"

namespace auth = authgate::auth;
namespace crypto = authgate::crypto;
namespace store = authgate::store;

namespace {

// A migrated database in a temporary directory with the services over it. Hashes use a cheap
// policy so the tests stay fast; the cost itself is tested in the crypto suite.
struct World {
    World() : connection(path()), repositories(connection) {
        store::migrate(connection);
    }
    ~World() {
        std::string command = "rm -rf '" + dir + "'";
        if (std::system(command.c_str()) != 0) {
        }
    }
    const std::string& path() {
        char pattern[] = "/tmp/authgate-auth-XXXXXX";
        dir = mkdtemp(pattern);
        file = dir + "/auth.db";
        return file;
    }
    std::string dir, file;
    store::Connection connection;
    store::SqliteStore repositories;
    auth::HashingGate gate{2};
    crypto::HashPolicy policy = *crypto::parse_hash_policy("pbkdf2:sha256:1000");
    std::string dummy = crypto::hash_password("dummy-password", policy);
    auth::SessionSettings settings;
    auth::AccountService accounts{repositories.users, gate, policy, dummy, 2};
    auth::SessionService sessions{repositories.sessions, repositories.remember, repositories.users, settings};
    auth::ClientInfo client{"127.0.0.1", "TestBrowser/1.0"};

    store::UserRecord add_user(const std::string& email = "alice@example.com", const std::string& name = "alice") {
        auto result = accounts.register_account({email, name, "correct horse", "correct horse"}, 1000);
        BOOST_REQUIRE(result.status == auth::RegisterStatus::created);
        return *repositories.users.find_by_id(result.user_id);
    }
    std::int64_t count(const std::string& table) {
        auto row = connection.prepare("SELECT count(*) FROM " + table);
        row.step();
        return row.column_int64(0);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_services)

BOOST_AUTO_TEST_CASE(registration_refuses_duplicates_ignoring_case) {
    World world;
    world.add_user("alice@example.com", "alice");
    auto email = world.accounts.register_account({"ALICE@example.COM", "other", "correct horse", "correct horse"}, 1);
    BOOST_TEST((email.status == auth::RegisterStatus::duplicate_email));
    BOOST_TEST(email.message == "Email already registered");
    auto name = world.accounts.register_account({"bob@example.com", "ALICE", "correct horse", "correct horse"}, 1);
    BOOST_TEST((name.status == auth::RegisterStatus::duplicate_username));
    BOOST_TEST(name.message == "Username already taken");
    BOOST_TEST(world.count("user") == 1);
}

BOOST_AUTO_TEST_CASE(registration_validates_before_storing_anything) {
    World world;
    auto mismatch = world.accounts.register_account({"a@b.co", "alice", "correct horse", "correct house"}, 1);
    BOOST_TEST(mismatch.message == "Passwords do not match.");
    auto short_password = world.accounts.register_account({"a@b.co", "alice", "short", "short"}, 1);
    BOOST_TEST(short_password.message == "Password must be at least 8 characters.");
    BOOST_TEST(world.count("user") == 0);
}

BOOST_AUTO_TEST_CASE(authentication_accepts_the_password_and_any_email_case) {
    World world;
    world.add_user();
    auto ok = world.accounts.authenticate("Alice@Example.com", "correct horse", 2000);
    BOOST_TEST((ok.result == auth::LoginResult::ok));
    BOOST_TEST(world.repositories.users.find_by_id(ok.user->id)->last_login_at.value_or(0) == 2000);
    BOOST_TEST((world.accounts.authenticate("alice@example.com", "wrong horse", 2000).result ==
                auth::LoginResult::bad_credentials));
    BOOST_TEST((world.accounts.authenticate("nobody@example.com", "correct horse", 2000).result ==
                auth::LoginResult::bad_credentials));
}

BOOST_AUTO_TEST_CASE(a_password_with_a_trailing_nul_does_not_log_in) {
    World world;
    world.add_user();
    // PBKDF2 pads the HMAC key with zeros, so without a check "pw\0" would match "pw".
    BOOST_TEST((world.accounts.authenticate("alice@example.com", std::string("correct horse\0", 14), 1).result ==
                auth::LoginResult::bad_credentials));
}

BOOST_AUTO_TEST_CASE(a_disabled_account_cannot_log_in) {
    World world;
    auto user = world.add_user();
    world.connection.prepare("UPDATE user SET active = 0 WHERE id = ?").bind(1, user.id).run();
    BOOST_TEST((world.accounts.authenticate("alice@example.com", "correct horse", 1).result ==
                auth::LoginResult::inactive));
}

BOOST_AUTO_TEST_CASE(a_weaker_stored_hash_is_upgraded_at_login) {
    World world;
    auto user = world.add_user();
    std::string old_hash = crypto::hash_password("correct horse", *crypto::parse_hash_policy("pbkdf2:sha256:500"));
    world.repositories.users.update_password_hash(user.id, old_hash);
    BOOST_TEST((world.accounts.authenticate("alice@example.com", "correct horse", 1).result == auth::LoginResult::ok));
    std::string stored = world.repositories.users.find_by_id(user.id)->password_hash;
    BOOST_TEST(stored.rfind("pbkdf2:sha256:1000$", 0) == 0);
    BOOST_TEST(crypto::check_password(stored, "correct horse"));
}

BOOST_AUTO_TEST_CASE(login_opens_a_fresh_session_with_a_new_token_each_time) {
    World world;
    auto user = world.add_user();
    auth::Visit first;
    world.sessions.login(first, user, false, world.client, 5000);
    auth::Visit second;
    world.sessions.login(second, user, false, world.client, 5000);
    BOOST_REQUIRE(first.new_session_token && second.new_session_token);
    BOOST_TEST(*first.new_session_token != *second.new_session_token);
    BOOST_TEST(first.new_session_token->size() >= 22u);
    auto resolved = world.sessions.resolve(*first.new_session_token, "", world.client, 5001);
    BOOST_TEST(resolved.user->id == user.id);
    BOOST_TEST(resolved.fresh);
    // Only the SHA-256 of the token is stored.
    auto row = world.connection.prepare("SELECT count(*) FROM authgate_session WHERE token_hash = ?");
    row.bind(1, *first.new_session_token);
    row.step();
    BOOST_TEST(row.column_int64(0) == 0);
}

BOOST_AUTO_TEST_CASE(idle_and_absolute_timeouts_end_a_session) {
    World world;
    auto user = world.add_user();
    auth::Visit visit;
    world.sessions.login(visit, user, false, world.client, 10000);
    std::string token = *visit.new_session_token;
    auto idle = world.sessions.resolve(token, "", world.client, 10000 + world.settings.idle_seconds + 1);
    BOOST_TEST(!idle.user);
    BOOST_TEST(idle.clear_session_cookie);
    BOOST_TEST(!world.sessions.resolve(token, "", world.client, 10001).user);  // the row is gone

    auth::Visit second;
    world.sessions.login(second, user, false, world.client, 20000);
    std::int64_t t = 20000;
    for (; t < 20000 + world.settings.absolute_seconds; t += world.settings.idle_seconds - 10)
        BOOST_REQUIRE(world.sessions.resolve(*second.new_session_token, "", world.client, t).user);
    BOOST_TEST(!world.sessions.resolve(*second.new_session_token, "", world.client, t + 100).user);
}

BOOST_AUTO_TEST_CASE(logout_ends_the_session_and_the_remember_token) {
    World world;
    auto user = world.add_user();
    auth::Visit visit;
    world.sessions.login(visit, user, true, world.client, 100);
    std::string token = *visit.new_session_token;
    std::string remember = *visit.new_remember_token;
    auto current = world.sessions.resolve(token, remember, world.client, 101);
    world.sessions.logout(current, remember);
    BOOST_TEST(!world.sessions.resolve(token, "", world.client, 102).user);
    BOOST_TEST(!world.sessions.resolve("", remember, world.client, 102).user);
    BOOST_TEST(world.count("authgate_remember") == 0);
}

BOOST_AUTO_TEST_CASE(the_remember_token_opens_a_non_fresh_session_and_rotates) {
    World world;
    auto user = world.add_user();
    auth::Visit visit;
    world.sessions.login(visit, user, true, world.client, 100);
    std::string remember = *visit.new_remember_token;
    auto restored = world.sessions.resolve("", remember, world.client, 200);
    BOOST_TEST(restored.user->id == user.id);
    BOOST_TEST(!restored.fresh);
    BOOST_REQUIRE(restored.new_remember_token);
    BOOST_TEST(*restored.new_remember_token != remember);
    BOOST_TEST(restored.new_remember_token->substr(0, remember.find(':')) == remember.substr(0, remember.find(':')));
    // The new value works; using the old value again is theft and revokes every token.
    auto again = world.sessions.resolve("", *restored.new_remember_token, world.client, 300);
    BOOST_TEST(again.user.has_value());
    auto stolen = world.sessions.resolve("", remember, world.client, 400);
    BOOST_TEST(!stolen.user);
    BOOST_TEST((stolen.remember_event == auth::RememberEvent::theft_detected));
    BOOST_TEST(world.count("authgate_remember") == 0);
}

BOOST_AUTO_TEST_CASE(an_expired_remember_token_is_refused) {
    World world;
    auto user = world.add_user();
    auth::Visit visit;
    world.sessions.login(visit, user, true, world.client, 100);
    auto late = world.sessions.resolve("", *visit.new_remember_token, world.client,
                                       100 + world.settings.remember_seconds + 1);
    BOOST_TEST(!late.user);
    BOOST_TEST(late.clear_remember_cookie);
}

BOOST_AUTO_TEST_CASE(basic_protection_marks_a_moved_session_not_fresh) {
    World world;
    auto user = world.add_user();
    auth::Visit visit;
    world.sessions.login(visit, user, false, world.client, 100);
    auth::ClientInfo elsewhere{"10.9.9.9", "OtherBrowser/2.0"};
    auto moved = world.sessions.resolve(*visit.new_session_token, "", elsewhere, 101);
    BOOST_TEST(moved.user.has_value());
    BOOST_TEST(!moved.fresh);
    BOOST_TEST(!world.sessions.resolve(*visit.new_session_token, "", world.client, 102).fresh);
}

BOOST_AUTO_TEST_CASE(strong_protection_ends_a_moved_session_and_its_remember_token) {
    World world;
    world.settings.protection = auth::SessionProtection::strong;
    auto user = world.add_user();
    auth::Visit visit;
    world.sessions.login(visit, user, true, world.client, 100);
    auth::ClientInfo elsewhere{"127.0.0.1", "OtherBrowser/2.0"};
    auto moved = world.sessions.resolve(*visit.new_session_token, *visit.new_remember_token, elsewhere, 101);
    BOOST_TEST(!moved.user);
    BOOST_TEST(moved.protection_ended_session);
    BOOST_TEST(moved.clear_remember_cookie);
    BOOST_TEST(world.count("authgate_remember") == 0);
}

BOOST_AUTO_TEST_CASE(a_session_restored_from_remember_me_survives_strong_protection) {
    World world;
    world.settings.protection = auth::SessionProtection::strong;
    auto user = world.add_user();
    auth::Visit visit;
    world.sessions.login(visit, user, true, world.client, 100);
    auto restored = world.sessions.resolve("", *visit.new_remember_token, world.client, 200);
    BOOST_REQUIRE(restored.new_session_token);
    auto next = world.sessions.resolve(*restored.new_session_token, *restored.new_remember_token, world.client, 201);
    BOOST_TEST(next.user.has_value());
}

BOOST_AUTO_TEST_CASE(flash_messages_are_shown_once) {
    World world;
    auth::Visit anonymous;
    world.sessions.flash(anonymous, "info", "Please log in to access this page.", world.client, 100);
    BOOST_REQUIRE(anonymous.new_session_token);
    auto later = world.sessions.resolve(*anonymous.new_session_token, "", world.client, 101);
    auto flashes = world.sessions.take_flashes(later);
    BOOST_REQUIRE(flashes.size() == 1u);
    BOOST_TEST(flashes[0].category == "info");
    BOOST_TEST(world.sessions.take_flashes(later).empty());
}

BOOST_AUTO_TEST_SUITE_END()
