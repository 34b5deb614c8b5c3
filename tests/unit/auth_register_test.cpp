// auth_register_test.cpp -- the registration use case: validation, duplicates ignoring case, the
// per-address budget, and what is stored.
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "auth/register.h"
#include "crypto/password_hash.h"
#include "domain_fixture.h"
#include "web/messages.h"

namespace auth = authgate::auth;
namespace crypto = authgate::crypto;
using authgate::test::DomainWorld;

namespace authgate::auth {
inline std::ostream& operator<<(std::ostream& out, RegisterStatus status) {
    return out << static_cast<int>(status);
}
inline std::ostream& operator<<(std::ostream& out, FieldProblem problem) {
    return out << static_cast<int>(problem);
}
}  // namespace authgate::auth

using auth::FieldProblem;
using auth::RegisterStatus;

namespace {

auth::RegisterResult attempt(DomainWorld& world, const std::string& email, const std::string& username,
                             const std::string& password, const std::string& confirmation, std::int64_t now = 1) {
    return auth::register_account(world.services, {email, username, password, confirmation, world.client, now});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_register)

BOOST_AUTO_TEST_CASE(a_valid_form_creates_an_account_with_a_policy_hash) {
    DomainWorld world;
    auto created = attempt(world, " bob@example.com ", " bob ", world.password, world.password, 77);
    BOOST_TEST(created.status == RegisterStatus::created);
    BOOST_TEST(created.user_id > 0);
    auto user = world.store.transaction(authgate::store::Access::read, [&](authgate::store::Repositories& r) {
        return r.users.find_by_id(created.user_id);
    });
    BOOST_REQUIRE(user);
    BOOST_TEST(user->email == "bob@example.com");
    BOOST_TEST(user->username == "bob");
    BOOST_TEST(user->created_at.value_or(0) == 77);
    BOOST_TEST(user->password_hash.rfind("pbkdf2:sha256:1000$", 0) == 0);
    BOOST_TEST(crypto::check_password(user->password_hash, world.password));
    BOOST_TEST(world.audit.count("registration", "created") == 1u);
}

BOOST_AUTO_TEST_CASE(registration_refuses_duplicates_ignoring_case) {
    DomainWorld world;
    world.add_user("alice@example.com", "alice");
    auto email = attempt(world, "ALICE@example.COM", "other", world.password, world.password);
    BOOST_TEST(email.status == RegisterStatus::duplicate_email);
    auto name = attempt(world, "bob@example.com", "ALICE", world.password, world.password);
    BOOST_TEST(name.status == RegisterStatus::duplicate_username);
    BOOST_TEST(world.count("user") == 1);
    BOOST_TEST(world.audit.count("registration", "duplicate_email") == 1u);
    BOOST_TEST(world.audit.count("registration", "duplicate_username") == 1u);
}

BOOST_AUTO_TEST_CASE(registration_validates_before_storing_anything) {
    DomainWorld world;
    struct Case {
        std::string email, username, password, confirmation;
        FieldProblem problem;
    };
    const std::string good = world.password;
    for (const Case& c : std::vector<Case>{
             {"not-an-email", "alice", good, good, FieldProblem::email_invalid},
             {"a@b.co", "a b", good, good, FieldProblem::username_invalid},
             {"a@b.co", "alice", "short", "short", FieldProblem::password_too_short},
             {"a@b.co", "alice", std::string(129, 'x'), std::string(129, 'x'), FieldProblem::password_too_long},
             {"a@b.co", "alice", good, good + "!", FieldProblem::passwords_differ},
             {"carol@example.org", "carol", "password123", "password123", FieldProblem::password_guessable},
             {"zebrafinch@b.co", "zebrafinch7x", "zebrafinch7", "zebrafinch7", FieldProblem::password_uses_user_words},
         }) {
        auto result = attempt(world, c.email, c.username, c.password, c.confirmation);
        BOOST_TEST(result.status == RegisterStatus::invalid, c.email << " " << c.username);
        BOOST_TEST(result.problem == c.problem, c.email << " " << c.username);
        BOOST_TEST(result.user_id == 0);
    }
    BOOST_TEST(authgate::web::text::field_problem(FieldProblem::passwords_differ) == "Passwords do not match.");
    BOOST_TEST(world.count("user") == 0);
    BOOST_TEST(world.audit.count("registration", "invalid") == 7u);
}

BOOST_AUTO_TEST_CASE(registrations_beyond_the_addresss_budget_are_throttled) {
    DomainWorld world;
    world.settings.throttle.registrations_per_hour = 2;
    BOOST_TEST(attempt(world, "a@b.co", "a b", "x", "x").status == RegisterStatus::invalid);
    BOOST_TEST(attempt(world, "c@d.co", "carol", world.password, world.password).status == RegisterStatus::created);
    auto third = attempt(world, "e@f.co", "erin", world.password, world.password);
    BOOST_TEST(third.status == RegisterStatus::throttled);
    BOOST_TEST(third.retry_after > 0);
    BOOST_TEST(world.count("user") == 1);
    auto elsewhere = auth::register_account(world.services, {"e@f.co", "erin", world.password, world.password,
                                                             {"10.0.0.2", "Other/1"}, 1});
    BOOST_TEST(elsewhere.status == RegisterStatus::created);
}

BOOST_AUTO_TEST_CASE(a_full_hash_pool_gives_busy_and_the_attempt_is_not_counted) {
    DomainWorld world(std::chrono::milliseconds(300));
    world.settings.throttle.registrations_per_hour = 1;
    auto first = world.pool.admit();
    auto second = world.pool.admit();
    BOOST_REQUIRE(first && second);
    auto busy = attempt(world, "c@d.co", "carol", world.password, world.password);
    BOOST_TEST(busy.status == RegisterStatus::busy);
    BOOST_TEST(busy.retry_after >= 1);
    BOOST_TEST(world.count("user") == 0);
    first.reset();
    BOOST_TEST(attempt(world, "c@d.co", "carol", world.password, world.password).status == RegisterStatus::created,
               "the busy attempt did not use up the budget");
}

BOOST_AUTO_TEST_SUITE_END()
