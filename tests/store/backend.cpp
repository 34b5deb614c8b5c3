// backend.cpp -- creating and migrating the SQLite and PostgreSQL databases of the store tests.
#include "backend.h"

namespace authgate::test {

Backend::Backend(BackendKind kind) : kind_(kind) {
    if (kind == BackendKind::sqlite) {
        database_ = dir_.path() + "/store.db";
    } else {
        server_ = std::make_unique<PostgresServer>();
        database_ = server_->uri();
    }
    store::prepare_store(database_);
}

std::unique_ptr<store::Store> Backend::open() const {
    return store::open_store(database_);
}

}  // namespace authgate::test
