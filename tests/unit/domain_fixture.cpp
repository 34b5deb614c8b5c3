// domain_fixture.cpp -- the scratch database, recording audit sink and counting store of the unit tests.
#include "domain_fixture.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

#include "auth/login.h"
#include "auth/register.h"

namespace authgate::test {

ScratchDir::ScratchDir() {
    char pattern[] = "/tmp/authgate-unit-XXXXXX";
    if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

ScratchDir::~ScratchDir() {
    std::string command = "rm -rf '" + path_ + "'";
    if (std::system(command.c_str()) != 0) {
    }
}

void RecordingAudit::record(const auth::AuditEvent& event) {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push_back(event);
}

std::vector<auth::AuditEvent> RecordingAudit::events() {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
}

std::size_t RecordingAudit::count(const std::string& event, const std::string& outcome) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::size_t n = 0;
    for (const auto& e : events_)
        if (e.event == event && e.outcome.rfind(outcome, 0) == 0) ++n;
    return n;
}

void CountingStore::run(store::Access access, const std::function<void(store::Repositories&)>& work) {
    ++(access == store::Access::write ? writes : reads);
    inner_.run(access, work);
}

namespace {
std::string prepared(const std::string& database) {
    store::prepare_store(database);
    return database;
}
}  // namespace

DomainWorld::DomainWorld(std::chrono::milliseconds max_wait)
    : database(prepared(dir.path() + "/auth.db")), opened(store::open_store(database)), pool(2, 2, 4, max_wait) {}

std::int64_t DomainWorld::add_user(const std::string& email, const std::string& username) {
    auth::RegisterRequest request{email, username, password, password, client, 1000};
    auto result = auth::register_account(services, request);
    BOOST_REQUIRE(result.status == auth::RegisterStatus::created);
    return result.user_id;
}

auth::CookieChanges DomainWorld::sign_in(const std::string& email, bool remember, std::int64_t now) {
    auto result = auth::log_in(services, {email, password, remember, presented("", "", now)});
    BOOST_REQUIRE(result.status == auth::LoginStatus::ok);
    BOOST_REQUIRE(result.cookies.session_token);
    return result.cookies;
}

auth::Presented DomainWorld::presented(const std::string& session, const std::string& remember,
                                       std::int64_t now) const {
    return presented(session, remember, now, client);
}

auth::Presented DomainWorld::presented(const std::string& session, const std::string& remember, std::int64_t now,
                                       const auth::ClientInfo& from) const {
    auth::Presented result;
    result.session_token = session;
    result.remember_cookie = remember;
    result.client = from;
    result.now = now;
    return result;
}

std::int64_t DomainWorld::count(const std::string& table) {
    return integer("SELECT count(*) FROM " + table);
}

std::int64_t DomainWorld::integer(const std::string& sql, const std::string& parameter) {
    store::sqlite::Connection connection(database);
    auto statement = connection.prepare(sql);
    if (!parameter.empty()) statement.bind(1, parameter);
    return statement.step() ? statement.column_int64(0) : 0;
}

void DomainWorld::execute(const std::string& sql) {
    store::sqlite::Connection connection(database);
    connection.exec(sql);
}

std::int64_t DomainWorld::total_changes() {
    auto* sqlite_store = dynamic_cast<store::sqlite::SqliteStore*>(opened.get());
    BOOST_REQUIRE(sqlite_store);
    auto statement = sqlite_store->connection().prepare("SELECT total_changes()");
    BOOST_REQUIRE(statement.step());
    return statement.column_int64(0);
}

}  // namespace authgate::test
