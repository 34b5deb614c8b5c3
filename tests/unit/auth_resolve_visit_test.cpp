// auth_resolve_visit_test.cpp -- who a request is: sessions, their timeouts and protection, and
// remember chains (rotation, the grace window, theft), with the writes each path may make.
#include <boost/test/unit_test.hpp>

#include "auth/resolve_visit.h"
#include "crypto/digest.h"
#include "domain_fixture.h"

namespace auth = authgate::auth;
namespace crypto = authgate::crypto;
using authgate::test::DomainWorld;

namespace {

std::string selector_of(const std::string& value) {
    return value.substr(0, value.find(':'));
}

// The database's changes and write transactions, to compare before and after a visit.
struct Writes {
    explicit Writes(DomainWorld& world) : world(world), changes(world.total_changes()), writes(world.store.writes) {}
    std::int64_t changed_rows() { return world.total_changes() - changes; }
    int write_transactions() const { return world.store.writes - writes; }
    DomainWorld& world;
    std::int64_t changes;
    int writes;
};

std::int64_t rows_of_every_table(DomainWorld& world) {
    std::int64_t total = 0;
    for (const char* table : {"user", "authgate_session", "authgate_remember", "authgate_attempt", "authgate_meta"})
        total += world.count(table);
    return total;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_resolve_visit)

BOOST_AUTO_TEST_CASE(an_anonymous_visit_opens_no_transaction) {
    DomainWorld world;
    int reads = world.store.reads;
    Writes writes(world);
    auto visit = auth::resolve_visit(world.services, world.presented("", "", 100));
    BOOST_TEST(!visit.user);
    BOOST_TEST(world.store.reads == reads);
    BOOST_TEST(writes.write_transactions() == 0);
    BOOST_TEST(writes.changed_rows() == 0);
}

BOOST_AUTO_TEST_CASE(an_unknown_or_malformed_cookie_is_anonymous_without_a_write) {
    DomainWorld world;
    world.add_user();
    std::int64_t rows = rows_of_every_table(world);
    Writes writes(world);
    for (const auto& [session, remember] :
         std::vector<std::pair<std::string, std::string>>{{"UnknownSessionToken_abcdefghij", ""},
                                                          {"bad token!", ""},
                                                          {"", "UnknownSelector:UnknownValidator"},
                                                          {"", "no-colon-at-all"},
                                                          {"", ":"}}) {
        auto visit = auth::resolve_visit(world.services, world.presented(session, remember, 100));
        BOOST_TEST(!visit.user, session << "|" << remember);
        BOOST_TEST(visit.cookies.clear_session == !session.empty());
        BOOST_TEST(visit.cookies.clear_remember == !remember.empty());
    }
    BOOST_TEST(writes.write_transactions() == 0);
    BOOST_TEST(writes.changed_rows() == 0);
    BOOST_TEST(rows_of_every_table(world) == rows);
}

BOOST_AUTO_TEST_CASE(a_valid_session_within_the_touch_interval_causes_no_write) {
    DomainWorld world;
    auto user = world.add_user();
    auto cookies = world.sign_in("alice@example.com", false, 5000);
    std::int64_t rows = rows_of_every_table(world);
    Writes writes(world);
    auto visit = auth::resolve_visit(world.services, world.presented(*cookies.session_token, "", 5010));
    BOOST_REQUIRE(visit.user);
    BOOST_TEST(visit.user->id == user);
    BOOST_TEST(visit.fresh);
    BOOST_TEST(visit.session_id.has_value());
    BOOST_TEST(!visit.cookies.session_token);
    BOOST_TEST(!visit.cookies.clear_session);
    BOOST_TEST(writes.write_transactions() == 0);
    BOOST_TEST(writes.changed_rows() == 0);
    BOOST_TEST(rows_of_every_table(world) == rows);
}

BOOST_AUTO_TEST_CASE(a_session_is_touched_once_the_interval_has_passed) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", false, 5000);
    std::int64_t later = 5000 + world.settings.session.touch_interval_seconds;
    Writes writes(world);
    BOOST_TEST(auth::resolve_visit(world.services, world.presented(*cookies.session_token, "", later)).user.has_value());
    BOOST_TEST(writes.write_transactions() == 1);
    BOOST_TEST(writes.changed_rows() == 1);
    BOOST_TEST(world.integer("SELECT last_seen_at FROM authgate_session") == later);
}

BOOST_AUTO_TEST_CASE(login_opens_a_fresh_session_with_a_new_token_each_time_and_stores_only_its_hash) {
    DomainWorld world;
    world.add_user();
    auto first = world.sign_in("alice@example.com", false, 5000);
    auto second = world.sign_in("alice@example.com", false, 5000);
    BOOST_TEST(*first.session_token != *second.session_token);
    BOOST_TEST(first.session_token->size() >= 22u);
    BOOST_TEST(world.integer("SELECT count(*) FROM authgate_session WHERE token_hash = ?", *first.session_token) == 0);
    BOOST_TEST(world.integer("SELECT count(*) FROM authgate_session WHERE token_hash = ?",
                             crypto::sha256_hex(*first.session_token)) == 1);
}

BOOST_AUTO_TEST_CASE(idle_and_absolute_timeouts_end_a_session) {
    DomainWorld world;
    world.add_user();
    const auto& session = world.settings.session;
    auto cookies = world.sign_in("alice@example.com", false, 10000);
    auto idle = auth::resolve_visit(world.services,
                                    world.presented(*cookies.session_token, "", 10000 + session.idle_seconds + 1));
    BOOST_TEST(!idle.user);
    BOOST_TEST(idle.cookies.clear_session);

    auto second = world.sign_in("alice@example.com", false, 20000);
    std::int64_t t = 20000;
    for (; t < 20000 + session.absolute_seconds; t += session.idle_seconds - 10)
        BOOST_REQUIRE(auth::resolve_visit(world.services, world.presented(*second.session_token, "", t)).user);
    BOOST_TEST(!auth::resolve_visit(world.services, world.presented(*second.session_token, "", t + 100)).user);
}

BOOST_AUTO_TEST_CASE(a_session_of_a_disabled_account_is_anonymous) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", false, 100);
    world.execute("UPDATE user SET active = 0");
    auto visit = auth::resolve_visit(world.services, world.presented(*cookies.session_token, "", 101));
    BOOST_TEST(!visit.user);
    BOOST_TEST(visit.cookies.clear_session);
}

BOOST_AUTO_TEST_CASE(basic_protection_marks_a_moved_session_not_fresh_for_good) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", false, 100);
    auth::ClientInfo elsewhere{"10.9.9.9", "OtherBrowser/2.0"};
    Writes writes(world);
    auto moved = auth::resolve_visit(world.services, world.presented(*cookies.session_token, "", 101, elsewhere));
    BOOST_TEST(moved.user.has_value());
    BOOST_TEST(!moved.fresh);
    BOOST_TEST(writes.write_transactions() == 1);
    BOOST_TEST(world.integer("SELECT fresh FROM authgate_session") == 0);
    auto back = auth::resolve_visit(world.services, world.presented(*cookies.session_token, "", 102));
    BOOST_TEST(back.user.has_value());
    BOOST_TEST(!back.fresh);
}

BOOST_AUTO_TEST_CASE(without_protection_a_moved_session_stays_fresh) {
    DomainWorld world;
    world.settings.session.protection = auth::SessionProtection::off;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", false, 100);
    auth::ClientInfo elsewhere{"10.9.9.9", "OtherBrowser/2.0"};
    auto moved = auth::resolve_visit(world.services, world.presented(*cookies.session_token, "", 101, elsewhere));
    BOOST_TEST(moved.user.has_value());
    BOOST_TEST(moved.fresh);
}

BOOST_AUTO_TEST_CASE(strong_protection_ends_a_moved_session_and_the_users_remember_chains) {
    DomainWorld world;
    world.settings.session.protection = auth::SessionProtection::strong;
    auto user = world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    auth::ClientInfo elsewhere{"127.0.0.1", "OtherBrowser/2.0"};
    auto moved = auth::resolve_visit(world.services,
                                     world.presented(*cookies.session_token, *cookies.remember_token, 101, elsewhere));
    BOOST_TEST(!moved.user);
    BOOST_TEST(moved.cookies.clear_session);
    BOOST_TEST(moved.cookies.clear_remember);
    BOOST_TEST(world.count("authgate_remember") == 0);
    BOOST_TEST(world.count("authgate_session") == 0);
    BOOST_TEST(world.audit.count("session_protection") == 1u);
    BOOST_TEST(world.audit.events().back().user_id.value_or(0) == user);
}

BOOST_AUTO_TEST_CASE(a_session_restored_from_remember_me_survives_strong_protection) {
    DomainWorld world;
    world.settings.session.protection = auth::SessionProtection::strong;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    auto restored = auth::resolve_visit(world.services, world.presented("", *cookies.remember_token, 200));
    BOOST_REQUIRE(restored.cookies.session_token);
    BOOST_REQUIRE(restored.cookies.remember_token);
    auto next = auth::resolve_visit(
        world.services, world.presented(*restored.cookies.session_token, *restored.cookies.remember_token, 201));
    BOOST_TEST(next.user.has_value());
}

BOOST_AUTO_TEST_CASE(the_remember_cookie_opens_a_non_fresh_session_and_rotates_without_extending_the_chain) {
    DomainWorld world;
    auto user = world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    std::string remember = *cookies.remember_token;
    BOOST_TEST(cookies.remember_max_age == world.settings.session.remember_seconds);
    std::int64_t expires_at = world.integer("SELECT expires_at FROM authgate_remember");
    BOOST_TEST(expires_at == 100 + world.settings.session.remember_seconds);

    auto restored = auth::resolve_visit(world.services, world.presented("", remember, 5000));
    BOOST_REQUIRE(restored.user);
    BOOST_TEST(restored.user->id == user);
    BOOST_TEST(!restored.fresh);
    BOOST_REQUIRE(restored.cookies.session_token);
    BOOST_REQUIRE(restored.cookies.remember_token);
    BOOST_TEST(*restored.cookies.remember_token != remember);
    BOOST_TEST(selector_of(*restored.cookies.remember_token) == selector_of(remember));
    BOOST_TEST(restored.cookies.remember_max_age == expires_at - 5000);
    BOOST_TEST(world.integer("SELECT expires_at FROM authgate_remember") == expires_at);
    BOOST_TEST(world.integer("SELECT count(*) FROM authgate_session WHERE remember_selector = ?",
                             selector_of(remember)) == 1);
    BOOST_TEST(world.audit.count("login_success", "remember_cookie") == 1u);

    // The new value works in turn, and counts down further.
    auto again = auth::resolve_visit(world.services, world.presented("", *restored.cookies.remember_token, 9000));
    BOOST_TEST(again.user.has_value());
    BOOST_TEST(again.cookies.remember_max_age == expires_at - 9000);
}

BOOST_AUTO_TEST_CASE(the_previous_validator_within_the_grace_window_opens_a_session_without_a_new_cookie) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    std::string remember = *cookies.remember_token;
    auto first_tab = auth::resolve_visit(world.services, world.presented("", remember, 5000));
    BOOST_REQUIRE(first_tab.cookies.remember_token);
    std::int64_t within = 5000 + world.settings.session.remember_grace_seconds;
    auto second_tab = auth::resolve_visit(world.services, world.presented("", remember, within));
    BOOST_TEST(second_tab.user.has_value());
    BOOST_TEST(second_tab.cookies.session_token.has_value());
    BOOST_TEST(!second_tab.cookies.remember_token, "the browser already holds the new one");
    BOOST_TEST(!second_tab.cookies.clear_remember);
    BOOST_TEST(world.audit.count("remember_token_theft") == 0u);
    BOOST_TEST(world.audit.count("login_success", "remember_cookie_grace") == 1u);
    BOOST_TEST(world.count("authgate_remember") == 1);
    // The chain's current validator is the one the first tab got.
    BOOST_TEST(auth::resolve_visit(world.services, world.presented("", *first_tab.cookies.remember_token, within))
                   .user.has_value());
}

BOOST_AUTO_TEST_CASE(the_previous_validator_after_the_grace_window_is_theft_and_ends_the_chain_and_its_sessions) {
    DomainWorld world;
    auto user = world.add_user();
    auto laptop = world.sign_in("alice@example.com", true, 4000);
    auto phone = world.sign_in("alice@example.com", true, 4000);
    auto password_session = world.sign_in("alice@example.com", false, 4000);
    std::string stolen = *laptop.remember_token;
    auto owner = auth::resolve_visit(world.services, world.presented("", stolen, 5000));
    BOOST_REQUIRE(owner.cookies.session_token);
    BOOST_TEST(world.count("authgate_session") == 4);

    std::int64_t after = 5000 + world.settings.session.remember_grace_seconds + 1;
    auto thief = auth::resolve_visit(world.services, world.presented("", stolen, after));
    BOOST_TEST(!thief.user);
    BOOST_TEST(thief.cookies.clear_remember);
    BOOST_TEST(!thief.cookies.session_token);
    BOOST_TEST(world.integer("SELECT count(*) FROM authgate_remember WHERE selector = ?", selector_of(stolen)) == 0);
    BOOST_TEST(world.count("authgate_remember") == 1, "the phone's chain stays");
    BOOST_TEST(world.integer("SELECT count(*) FROM authgate_session WHERE remember_selector = ?", selector_of(stolen)) ==
               0);
    BOOST_TEST(!auth::resolve_visit(world.services, world.presented(*owner.cookies.session_token, "", after)).user,
               "the session opened from the chain ended");
    BOOST_TEST(auth::resolve_visit(world.services, world.presented(*password_session.session_token, "", after))
                   .user.has_value());
    BOOST_TEST(auth::resolve_visit(world.services, world.presented("", *phone.remember_token, after)).user.has_value());
    BOOST_TEST(world.audit.count("remember_token_theft", "chain_revoked sessions_ended=1") == 1u);
    auto events = world.audit.events();
    for (const auto& event : events)
        if (event.event == "remember_token_theft") BOOST_TEST(event.user_id.value_or(0) == user);
    // Presenting the current validator now is no use either: the chain is gone.
    BOOST_TEST(!auth::resolve_visit(world.services, world.presented("", *owner.cookies.remember_token, after)).user);
}

BOOST_AUTO_TEST_CASE(a_wrong_validator_for_a_known_selector_is_theft_at_once) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    std::string forged = selector_of(*cookies.remember_token) + ":WrongValidatorWrongValidatorWrongValid";
    auto thief = auth::resolve_visit(world.services, world.presented("", forged, 101));
    BOOST_TEST(!thief.user);
    BOOST_TEST(thief.cookies.clear_remember);
    BOOST_TEST(world.count("authgate_remember") == 0);
    BOOST_TEST(world.audit.count("remember_token_theft") == 1u);
}

BOOST_AUTO_TEST_CASE(an_expired_remember_chain_is_refused_and_removed) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    auto late = auth::resolve_visit(world.services,
                                    world.presented("", *cookies.remember_token,
                                                    100 + world.settings.session.remember_seconds + 1));
    BOOST_TEST(!late.user);
    BOOST_TEST(late.cookies.clear_remember);
    BOOST_TEST(world.count("authgate_remember") == 0);
    BOOST_TEST(world.audit.count("remember_token_theft") == 0u);
}

BOOST_AUTO_TEST_CASE(a_remember_cookie_next_to_an_invalid_session_cookie_still_opens_a_session) {
    DomainWorld world;
    world.add_user();
    auto cookies = world.sign_in("alice@example.com", true, 100);
    auto visit = auth::resolve_visit(
        world.services, world.presented("StaleOrForgedSessionValue_abcdefghij", *cookies.remember_token, 200));
    BOOST_TEST(visit.user.has_value());
    BOOST_TEST(visit.cookies.session_token.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
