// domain_fixture.h -- a real SQLite store in a temporary directory with the auth services over it,
// a recording audit sink, and direct row access, for the unit tests of the use cases.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "auth/audit.h"
#include "auth/hash_pool.h"
#include "auth/password_verifier.h"
#include "auth/services.h"
#include "crypto/password_hash.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace authgate::test {

// A fresh temporary directory, removed with its contents on destruction.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Keeps every audit event, for the tests to look at.
class RecordingAudit : public auth::AuditSink {
public:
    void record(const auth::AuditEvent& event) override;
    std::vector<auth::AuditEvent> events();
    // How many events named `event` (and, when given, with outcome starting with `outcome`).
    std::size_t count(const std::string& event, const std::string& outcome = "");

private:
    std::mutex mutex_;
    std::vector<auth::AuditEvent> events_;
};

// Counts the write transactions a store is asked for, passing everything through.
class CountingStore : public store::Store {
public:
    explicit CountingStore(store::Store& inner) : inner_(inner) {}
    void run(store::Access access, const std::function<void(store::Repositories&)>& work) override;
    int writes = 0;
    int reads = 0;

private:
    store::Store& inner_;
};

// A migrated database (prepare_store + open_store), a cheap hash policy so tests stay fast (the
// cost itself is tested in the crypto suite), and the services over them.
struct DomainWorld {
    // `max_wait`: how long the hash pool waits for admission and for a thread.
    explicit DomainWorld(std::chrono::milliseconds max_wait = std::chrono::milliseconds(10000));

    ScratchDir dir;
    std::string database;
    std::unique_ptr<store::Store> opened;
    CountingStore store{*opened};
    crypto::HashPolicy policy = *crypto::parse_hash_policy("pbkdf2:sha256:1000");
    auth::HashPool pool;
    auth::PasswordVerifier passwords{pool, policy};
    RecordingAudit audit;
    auth::AuthSettings settings;
    auth::AuthServices services{store, passwords, audit, settings};
    auth::ClientInfo client{"127.0.0.1", "TestBrowser/1.0"};
    std::string password = "correct horse battery staple";

    // Registers an account through the use case (at time 1000) and returns its id.
    std::int64_t add_user(const std::string& email = "alice@example.com", const std::string& username = "alice");
    // A password login of `email` (the fixture's password) at `now` from `client`; requires ok.
    auth::CookieChanges sign_in(const std::string& email, bool remember, std::int64_t now);
    // The cookies a browser presents at `now`.
    auth::Presented presented(const std::string& session, const std::string& remember, std::int64_t now) const;
    auth::Presented presented(const std::string& session, const std::string& remember, std::int64_t now,
                              const auth::ClientInfo& from) const;

    // Rows of `table`, read on a connection of the test's own.
    std::int64_t count(const std::string& table);
    std::int64_t integer(const std::string& sql, const std::string& parameter = "");
    void execute(const std::string& sql);
    // Rows changed on the store's own connection since it opened (sqlite's total_changes()).
    std::int64_t total_changes();
};

}  // namespace authgate::test
