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

// Opens this thread's connection to `database` (a SQLite file path). The schema must be current
// (see prepare_store). Throws StoreError naming the database when it cannot be opened.
std::unique_ptr<Store> open_store(const std::string& database);

// prepare_store() and open_store() over one connection: what a process that serves one request
// (CGI) opens, once.
std::unique_ptr<Store> open_prepared_store(const std::string& database);

// Creates the database if needed and brings it to this build's schema (a Flask users.db is
// extended in place). Safe to run at every start and from several processes at once.
void prepare_store(const std::string& database);

}  // namespace authgate::store
