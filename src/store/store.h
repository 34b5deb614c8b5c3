// store.h -- the unit of work: one transaction over every repository, whatever the backend.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "store/admin_repository.h"
#include "store/group_repository.h"
#include "store/account_repository.h"
#include "store/outbox_repository.h"
#include "store/repositories.h"
#include "store/token_repository.h"

namespace authgate::store {

// Every repository, bound to the transaction in progress.
struct Repositories {
    UserRepository& users;
    SessionRepository& sessions;
    RememberRepository& remember;
    AttemptRepository& attempts;
    MetaRepository& meta;
    GroupRepository& groups;
    AdminRepository& admin;
    OutboxRepository& outbox;
    TokenRepository& tokens;
    AccountRepository& accounts;
};

// A backend failure that broke an invariant (a bad file, a full disk, a lost connection); the
// message is for the operator.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    // True when the failure is a UNIQUE or PRIMARY KEY violation (a duplicate row), on any backend.
    virtual bool is_unique_violation() const { return false; }
    // True when nothing of the failed transaction was committed and the same request may simply be
    // tried again shortly: the database cannot be reached (StoreUnavailable), or another writer held
    // it past the busy timeout. The web answers these with 503 and Retry-After.
    virtual bool may_retry() const { return false; }
};

// The database cannot be reached right now (a PostgreSQL server down or restarting, a lost
// connection, a connect timeout). Nothing of the failed transaction was committed; the next
// transaction on the same Store connects again by itself. The web answers 503 with Retry-After.
class StoreUnavailable : public StoreError {
public:
    using StoreError::StoreError;
    bool may_retry() const override { return true; }
};

// read: a consistent snapshot, no writes. write: takes the write lock at the start, so that a
// check and the writes it guards cannot race with another request, thread or process.
enum class Access { read, write };

class Store {
public:
    virtual ~Store() = default;
    // Runs `work` inside one transaction: committed when it returns, rolled back when it throws
    // (the exception passes on). Throws StoreError when the backend fails.
    virtual void run(Access access, const std::function<void(Repositories&)>& work) = 0;

    // run() for work that returns a value.
    template <class Work>
    auto transaction(Access access, Work&& work) -> std::invoke_result_t<Work&, Repositories&> {
        using Result = std::invoke_result_t<Work&, Repositories&>;
        if constexpr (std::is_void_v<Result>) {
            run(access, work);
        } else {
            std::optional<Result> result;
            run(access, [&](Repositories& repositories) { result.emplace(work(repositories)); });
            return std::move(*result);
        }
    }
};

// `database` names the backend: a libpq connection URI (postgresql://... or postgres://...) selects
// PostgreSQL, anything else is a SQLite file path. `password` (PostgreSQL only; empty: none, so
// the URI, PGPASSWORD or libpq's PGPASSFILE supply it) is passed to libpq as the password
// connection parameter and never appears in a message.

// True when `database` is a PostgreSQL connection URI rather than a SQLite file path.
bool is_postgresql(const std::string& database);

// `database` as it may appear in a message or log: a URI's password (user:PASSWORD@ or
// password=...) is replaced by "***"; a file path is returned as it is.
std::string redacted(const std::string& database);

// Opens this thread's connection to `database`. The schema must be current (see prepare_store).
// Throws StoreError naming the database (redacted) when it cannot be opened, StoreUnavailable when a
// PostgreSQL server cannot be reached.
std::unique_ptr<Store> open_store(const std::string& database, const std::string& password = {});

// Creates the database if needed (SQLite; a PostgreSQL database must exist) and brings it to this
// build's schema (a Flask users.db, or a Flask app's PostgreSQL tables, are extended in place). Safe
// to run at every start and from several processes or hosts at once.
void prepare_store(const std::string& database, const std::string& password = {});

// True when `database` exists: a SQLite file that is there, or any PostgreSQL URI (the server
// answers for itself when it is opened).
bool store_exists(const std::string& database);

// prepare_store() and open_store() in one step, over one connection where the backend allows:
// what a process that serves one request (CGI) opens, once.
std::unique_ptr<Store> open_prepared_store(const std::string& database, const std::string& password = {});

}  // namespace authgate::store
