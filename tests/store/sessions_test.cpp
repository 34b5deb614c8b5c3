// sessions_test.cpp -- sessions with their user, their limits, and remember chains whose rotation is
// a compare-and-swap that exactly one of two hosts wins, on both backends.
#include <boost/test/unit_test.hpp>
#include <atomic>

#include "backend.h"
#include "support/parallel.h"

namespace store = authgate::store;
using authgate::test::run_at_once;
using store::Access;
using store::Repositories;

namespace {

store::NewSession new_session(std::int64_t user_id, const std::string& token_hash, std::int64_t now,
                              std::optional<std::string> selector = std::nullopt) {
    store::NewSession session;
    session.token_hash = token_hash;
    session.user_id = user_id;
    session.fresh = true;
    session.identifier = "identifier";
    session.now = now;
    session.remote_addr = "198.51.100.7";
    session.user_agent = "browser";
    session.remember_selector = std::move(selector);
    return session;
}

}  // namespace

AUTHGATE_STORE_CASE(a_session_is_found_with_its_user_by_its_token_hash) {
    auto opened = backend.open();
    auto [user, session] = opened->transaction(Access::write, [](Repositories& r) {
        auto user = r.users.create("s@x.io", "sam", "x$y$z", 1);
        return std::make_pair(user, r.sessions.create(new_session(user, "token-hash", 100, "chain")));
    });
    auto found = opened->transaction(Access::read, [](Repositories& r) { return r.sessions.find_with_user("token-hash"); });
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(found->session.id == session);
    BOOST_TEST(found->session.user_id == user);
    BOOST_TEST(found->session.fresh);
    BOOST_TEST(found->session.identifier == "identifier");
    BOOST_TEST(found->session.created_at == 100);
    BOOST_TEST(found->session.last_seen_at == 100);
    BOOST_TEST(found->session.remember_selector.value_or("") == "chain");
    BOOST_TEST(found->user.id == user);
    BOOST_TEST(found->user.username == "sam");
    BOOST_TEST(found->user.active);
    BOOST_TEST(!opened->transaction(Access::read, [](Repositories& r) {
        return r.sessions.find_with_user("other").has_value();
    }));

    // Another host sees the change at once.
    auto other_host = backend.open();
    other_host->transaction(Access::write, [&, session = session](Repositories& r) {
        r.sessions.touch(session, 150);
        r.sessions.mark_not_fresh(session);
    });
    found = opened->transaction(Access::read, [](Repositories& r) { return r.sessions.find_with_user("token-hash"); });
    BOOST_TEST(found->session.last_seen_at == 150);
    BOOST_TEST(!found->session.fresh);
    other_host->transaction(Access::write, [](Repositories& r) { r.sessions.remove_by_token_hash("token-hash"); });
    BOOST_TEST(!opened->transaction(Access::read, [](Repositories& r) {
        return r.sessions.find_with_user("token-hash").has_value();
    }));
}

AUTHGATE_STORE_CASE(sessions_end_by_chain_by_id_and_by_idle_and_absolute_limits) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        auto user = r.users.create("s@x.io", "sam", "x$y$z", 1);
        r.sessions.create(new_session(user, "c1", 100, "chain"));
        r.sessions.create(new_session(user, "c2", 100, "chain"));
        auto by_id = r.sessions.create(new_session(user, "plain", 100));
        r.sessions.create(new_session(user, "idle", 100));
        auto old = r.sessions.create(new_session(user, "old", 10));
        auto fine = r.sessions.create(new_session(user, "fine", 100));
        r.sessions.touch(old, 500);
        r.sessions.touch(fine, 500);
        BOOST_TEST(r.sessions.remove_for_chain("chain") == 2);
        BOOST_TEST(r.sessions.remove_for_chain("chain") == 0);
        r.sessions.remove(by_id);
        BOOST_TEST(!r.sessions.find_with_user("plain").has_value());
        // idle cutoff 200 ends "idle" (seen at 100); absolute cutoff 50 ends "old" (created at 10).
        BOOST_TEST(r.sessions.remove_expired(200, 50) == 2);
        BOOST_TEST(!r.sessions.find_with_user("idle").has_value());
        BOOST_TEST(!r.sessions.find_with_user("old").has_value());
        BOOST_TEST(r.sessions.find_with_user("fine").has_value());
    });
}

AUTHGATE_STORE_CASE(a_remember_chain_rotates_from_its_current_validator_only) {
    auto opened = backend.open();
    opened->transaction(Access::write, [](Repositories& r) {
        auto user = r.users.create("r@x.io", "rae", "x$y$z", 1);
        r.remember.create({"sel", "hash1", user, 5000, std::nullopt, std::nullopt}, 100);
        auto fresh = r.remember.find("sel");
        BOOST_TEST_REQUIRE(fresh.has_value());
        BOOST_TEST(fresh->user_id == user);
        BOOST_TEST(!fresh->previous_validator_hash.has_value());
        BOOST_TEST(!fresh->rotated_at.has_value());
        BOOST_TEST(r.remember.rotate("sel", "hash1", "hash2", 200));
        BOOST_TEST(!r.remember.rotate("sel", "hash1", "hash3", 201), "a second rotation from the old value loses");
        auto record = r.remember.find("sel");
        BOOST_TEST(record->validator_hash == "hash2");
        BOOST_TEST(record->previous_validator_hash.value_or("") == "hash1");
        BOOST_TEST(record->rotated_at.value_or(0) == 200);
        BOOST_TEST(record->expires_at == 5000, "the chain's end never moves");
        BOOST_TEST(!r.remember.rotate("missing", "hash1", "hash2", 200));
        r.remember.create({"gone", "v", user, 300, std::nullopt, std::nullopt}, 100);
        BOOST_TEST(r.remember.remove_expired(400) == 1);
        BOOST_TEST(r.remember.find("sel").has_value());
        r.remember.remove("sel");
        BOOST_TEST(!r.remember.find("sel").has_value());
        r.remember.create({"a", "v", user, 9000, std::nullopt, std::nullopt}, 100);
        r.remember.create({"b", "v", user, 9000, std::nullopt, std::nullopt}, 100);
        r.remember.remove_all_for_user(user);
        BOOST_TEST(!r.remember.find("a").has_value());
        BOOST_TEST(!r.remember.find("b").has_value());
    });
}

AUTHGATE_STORE_CASE(of_two_hosts_rotating_one_chain_at_once_exactly_one_wins_each_round) {
    auto setup = backend.open();
    setup->transaction(Access::write, [](Repositories& r) {
        auto user = r.users.create("r@x.io", "rae", "x$y$z", 1);
        r.remember.create({"shared", "v0", user, 1'000'000, std::nullopt, std::nullopt}, 1);
    });
    std::vector<std::unique_ptr<store::Store>> hosts;
    hosts.push_back(backend.open());
    hosts.push_back(backend.open());
    for (int round = 0; round < 20; ++round) {
        std::string from = "v" + std::to_string(round);
        std::atomic<int> wins{0};
        auto errors = run_at_once(2, [&](int host) {
            bool won = hosts[host]->transaction(Access::write, [&](Repositories& r) {
                return r.remember.rotate("shared", from, from + "-by-" + std::to_string(host), 10 + round);
            });
            if (won) ++wins;
        });
        for (const auto& error : errors) BOOST_TEST(error.empty(), error);
        BOOST_TEST(wins.load() == 1, "round " << round);
        auto record = setup->transaction(Access::read, [](Repositories& r) { return r.remember.find("shared"); });
        BOOST_TEST_REQUIRE(record.has_value());
        BOOST_TEST(record->previous_validator_hash.value_or("") == from);
        // The next round starts from a validator both know.
        setup->transaction(Access::write, [&](Repositories& r) {
            BOOST_TEST(r.remember.rotate("shared", record->validator_hash, "v" + std::to_string(round + 1), 10 + round));
        });
    }
}
