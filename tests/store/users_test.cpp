// users_test.cpp -- accounts on both backends: creation, lookups ignoring case, the unique error,
// compare-and-swap of the hash, groups, the operator's listings and the account's own sessions.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <functional>

#include "backend.h"

namespace store = authgate::store;
using store::Access;
using store::Repositories;

namespace {

store::NewSession session_of(std::int64_t user_id, const std::string& token_hash, std::int64_t now) {
    store::NewSession session;
    session.token_hash = token_hash;
    session.user_id = user_id;
    session.fresh = true;
    session.identifier = "id-" + token_hash;
    session.now = now;
    session.remote_addr = "192.0.2.1";
    session.user_agent = "agent " + token_hash;
    return session;
}

}  // namespace

AUTHGATE_STORE_CASE(a_user_is_created_and_found_by_email_and_username_ignoring_case) {
    auto opened = backend.open();
    auto id = opened->transaction(Access::write, [](Repositories& r) {
        return r.users.create("Alice@Example.com", "Alice", "pbkdf2:sha256:1000$salt$hash", 10);
    });
    BOOST_TEST(id > 0);
    opened->transaction(Access::read, [&](Repositories& r) {
        BOOST_TEST(r.users.email_taken("alice@EXAMPLE.com"));
        BOOST_TEST(r.users.username_taken("aLICE"));
        BOOST_TEST(!r.users.email_taken("bob@example.com"));
        BOOST_TEST(!r.users.username_taken("bob"));
        auto found = r.users.find_by_email("ALICE@example.COM");
        BOOST_TEST_REQUIRE(found.has_value());
        BOOST_TEST(found->id == id);
        BOOST_TEST(found->email == "Alice@Example.com");
        BOOST_TEST(found->username == "Alice");
        BOOST_TEST(found->password_hash == "pbkdf2:sha256:1000$salt$hash");
        BOOST_TEST(found->active);
        BOOST_TEST(!found->email_verified);
        BOOST_TEST(found->created_at.value_or(0) == 10);
        BOOST_TEST(!found->last_login_at.has_value());
        BOOST_TEST(r.users.find_by_id(id)->email == "Alice@Example.com");
        BOOST_TEST(!r.users.find_by_id(id + 1000).has_value());
        BOOST_TEST(!r.users.find_by_email("nobody@example.com").has_value());
        BOOST_TEST(r.admin.find_by_username("alice").value_or(store::UserRecord{}).id == id);
        BOOST_TEST(r.users.password_methods() == std::vector<std::string>{"pbkdf2:sha256:1000"});
    });
    opened->transaction(Access::write, [&](Repositories& r) { r.users.record_login(id, 77); });
    BOOST_TEST(opened->transaction(Access::read, [&](Repositories& r) {
        return r.users.find_by_id(id)->last_login_at.value_or(0);
    }) == 77);
}

AUTHGATE_STORE_CASE(an_exact_match_wins_over_a_match_ignoring_case) {
    auto opened = backend.open();
    auto [upper, lower] = opened->transaction(Access::write, [](Repositories& r) {
        auto first = r.users.create("Carol@Example.com", "carol1", "x$1$1", 1);
        auto second = r.users.create("carol@example.com", "carol2", "x$2$2", 2);
        return std::make_pair(first, second);
    });
    opened->transaction(Access::read, [&, upper = upper, lower = lower](Repositories& r) {
        BOOST_TEST(r.users.find_by_email("carol@example.com")->id == lower);
        BOOST_TEST(r.users.find_by_email("Carol@Example.com")->id == upper);
    });
}

AUTHGATE_STORE_CASE(a_duplicate_email_or_username_throws_the_unique_error_and_rolls_back) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) { r.users.create("dup@example.com", "dup", "x$y$z", 1); });
    auto unique_error = [&](const std::function<void(Repositories&)>& work) {
        try {
            opened->transaction(Access::write, work);
        } catch (const store::StoreError& error) {
            BOOST_TEST(error.is_unique_violation(), error.what());
            return true;
        }
        return false;
    };
    BOOST_TEST(unique_error([](Repositories& r) {
        r.meta.get_or_create("written before", "v");
        r.users.create("dup@example.com", "other", "x$y$z", 2);
    }));
    BOOST_TEST(unique_error([](Repositories& r) { r.users.create("other@example.com", "dup", "x$y$z", 3); }));
    // The store is usable after the error, and the failed transactions left nothing.
    opened->transaction(Access::write, [](Repositories& r) {
        BOOST_TEST(r.admin.list_users().size() == 1u);
        BOOST_TEST(r.meta.get_or_create("written before", "after") == "after");
        r.users.create("third@example.com", "third", "x$y$z", 4);
    });
    BOOST_TEST(opened->transaction(Access::read, [](Repositories& r) { return r.admin.list_users().size(); }) == 2u);
}

AUTHGATE_STORE_CASE(a_password_hash_is_replaced_only_while_it_is_still_the_one_read) {
    auto first = backend.open();
    auto second = backend.open();
    auto id = first->transaction(Access::write, [](Repositories& r) { return r.users.create("h@x.io", "h", "old$1$1", 1); });
    BOOST_TEST(first->transaction(Access::write,
                                  [&](Repositories& r) { return r.users.replace_password_hash(id, "old$1$1", "new$2$2"); }));
    BOOST_TEST(!second->transaction(Access::write, [&](Repositories& r) {
        return r.users.replace_password_hash(id, "old$1$1", "other$3$3");
    }));
    BOOST_TEST(second->transaction(Access::read, [&](Repositories& r) { return r.users.find_by_id(id)->password_hash; }) ==
               "new$2$2");
}

AUTHGATE_STORE_CASE(groups_hold_accounts_by_name) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        auto ann = r.users.create("ann@x.io", "ann", "x$y$z", 1);
        auto ben = r.users.create("ben@x.io", "ben", "x$y$z", 1);
        BOOST_TEST(r.groups.add(ann, "staff"));
        BOOST_TEST(!r.groups.add(ann, "staff"), "already a member");
        BOOST_TEST(r.groups.add(ann, "admins"));
        BOOST_TEST(r.groups.add(ben, "staff"));
        BOOST_TEST((r.groups.groups_of(ann) == std::vector<std::string>{"admins", "staff"}));
        auto staff = r.groups.members(std::string("staff"));
        BOOST_TEST_REQUIRE(staff.size() == 2u);
        BOOST_TEST(staff[0].user_id == ann);
        BOOST_TEST(staff[0].username == "ann");
        BOOST_TEST(staff[1].email == "ben@x.io");
        auto all = r.groups.members(std::nullopt);
        BOOST_TEST_REQUIRE(all.size() == 3u);
        BOOST_TEST(all[0].group_name == "admins");
        BOOST_TEST(r.groups.remove(ann, "staff"));
        BOOST_TEST(!r.groups.remove(ann, "staff"));
        BOOST_TEST((r.groups.groups_of(ann) == std::vector<std::string>{"admins"}));
    });
}

AUTHGATE_STORE_CASE(the_operator_lists_changes_counts_and_deletes_accounts) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        auto ann = r.users.create("ann@x.io", "ann", "x$y$z", 1);
        auto ben = r.users.create("ben@x.io", "ben", "x$y$z", 2);
        r.sessions.create(session_of(ann, "t1", 100));
        r.sessions.create(session_of(ann, "t2", 200));
        r.sessions.create(session_of(ben, "t3", 300));
        r.remember.create({"sel-ann", "v", ann, 9000, std::nullopt, std::nullopt}, 100);
        r.groups.add(ann, "staff");
        r.attempts.record("login_account", "ann@x.io", 50);
        r.attempts.record("login_account", "ann@x.io", 150);

        auto users = r.admin.list_users();
        BOOST_TEST_REQUIRE(users.size() == 2u);
        BOOST_TEST(users[0].id == ann);
        BOOST_TEST(users[1].username == "ben");
        BOOST_TEST(r.admin.set_active(ben, false));
        BOOST_TEST(r.admin.set_email_verified(ann, true));
        BOOST_TEST(!r.admin.set_active(ben + 1000, false));
        BOOST_TEST(!r.users.find_by_id(ben)->active);
        BOOST_TEST(r.users.find_by_id(ann)->email_verified);

        auto sessions = r.admin.list_sessions(std::nullopt);
        BOOST_TEST_REQUIRE(sessions.size() == 3u);
        BOOST_TEST(sessions[0].created_at == 300, "newest first");
        BOOST_TEST(sessions[0].username == "ben");
        BOOST_TEST(sessions[2].user_agent == "agent t1");
        BOOST_TEST(sessions[2].remote_addr == "192.0.2.1");
        BOOST_TEST(r.admin.list_sessions(ann).size() == 2u);
        BOOST_TEST(r.admin.find_session(sessions[1].id)->email == "ann@x.io");
        BOOST_TEST(!r.admin.find_session(sessions[0].id + 1000).has_value());

        auto footprint = r.admin.footprint(ann);
        BOOST_TEST(footprint.sessions == 2);
        BOOST_TEST(footprint.remember_chains == 1);
        BOOST_TEST((footprint.groups == std::vector<std::string>{"staff"}));

        auto counts = r.admin.counts(100);
        BOOST_TEST(counts.users == 2);
        BOOST_TEST(counts.active_users == 1);
        BOOST_TEST(counts.verified_users == 1);
        BOOST_TEST(counts.sessions == 3);
        BOOST_TEST(counts.remember_chains == 1);
        BOOST_TEST(counts.recent_attempts == 1);
        BOOST_TEST(counts.database_bytes > 0);

        auto ended = r.admin.end_sessions_of(ann);
        BOOST_TEST(ended.sessions == 2);
        BOOST_TEST(ended.remember_chains == 1);
        BOOST_TEST(r.admin.list_sessions(ann).empty());
        BOOST_TEST(r.admin.delete_user(ben));
        BOOST_TEST(!r.admin.delete_user(ben));
        BOOST_TEST(r.admin.list_sessions(std::nullopt).empty());
        BOOST_TEST(r.admin.list_users().size() == 1u);
    });
    auto health = opened->transaction(Access::read, [](Repositories& r) { return r.admin.health(); });
    BOOST_TEST((health.integrity == std::vector<std::string>{"ok"}));
    BOOST_TEST(health.schema_version == health.build_schema_version);
    BOOST_TEST(health.schema_version > 0);
    BOOST_TEST(health.orphans.sessions == 0);
    BOOST_TEST(health.orphans.remember_chains == 0);
    BOOST_TEST(health.orphans.group_members == 0);
}

AUTHGATE_STORE_CASE(an_account_sees_and_ends_its_own_sessions_only) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        auto ann = r.users.create("ann@x.io", "ann", "x$y$z", 1);
        auto ben = r.users.create("ben@x.io", "ben", "x$y$z", 1);
        auto keep = r.sessions.create(session_of(ann, "a1", 100));
        r.sessions.create(session_of(ann, "a2", 200));
        r.sessions.create(session_of(ann, "a3", 300));
        r.sessions.create(session_of(ben, "b1", 400));
        r.remember.create({"chain-ann", "v", ann, 9000, std::nullopt, std::nullopt}, 100);
        auto mine = r.accounts.sessions_of(ann);
        BOOST_TEST_REQUIRE(mine.size() == 3u);
        BOOST_TEST(mine[0].last_seen_at == 300, "most recently seen first");
        for (const auto& session : mine) BOOST_TEST(session.public_id.size() >= 16u);
        BOOST_TEST(mine[0].public_id != mine[1].public_id);
        auto bens = r.accounts.sessions_of(ben);
        BOOST_TEST_REQUIRE(bens.size() == 1u);
        BOOST_TEST(r.accounts.remove_session(ann, bens[0].public_id) == 0, "not ann's session");
        BOOST_TEST(r.accounts.remove_session(ann, mine[0].public_id) == mine[0].id);
        BOOST_TEST(r.accounts.remove_other_sessions(ann, keep) == 1);
        BOOST_TEST(r.accounts.sessions_of(ann).size() == 1u);
        BOOST_TEST(!r.remember.find("chain-ann").has_value(), "remember chains end too");
        BOOST_TEST(r.accounts.set_email(ann, "ann@new.io", true));
        BOOST_TEST(r.users.find_by_email("ann@new.io")->email_verified);
        BOOST_TEST(!r.accounts.set_email(ben + 1000, "x@y.z", false));
        r.accounts.remove_user(ann);
        BOOST_TEST(!r.users.find_by_id(ann).has_value());
        BOOST_TEST(r.admin.list_sessions(std::nullopt).size() == 1u);
    });
}
