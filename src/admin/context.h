// context.h -- what the database commands work with: authgate's settings, the store, the services.
#pragma once

#include <memory>
#include <string>

#include "admin/command.h"
#include "app/settings.h"
#include "auth/hash_pool.h"
#include "auth/password_verifier.h"
#include "auth/services.h"
#include "store/store.h"
#include "store/unix_time.h"

namespace authgate::admin {

// How a command opens the database.
enum class OpenMode {
    existing,  // the file must exist; it is migrated to this build's schema first
    create,    // created (and migrated) when missing, as authgate does at its first start
    inspect,   // the file must exist; it is read as it is (no migration)
};

// authgate's settings (from --config and --database) and the use cases' services over its database.
class AdminContext {
public:
    // Throws app::ConfigError for bad settings and store::StoreError when the database cannot be
    // opened (or does not exist, unless `mode` is create).
    AdminContext(const GlobalOptions& global, OpenMode mode);
    ~AdminContext();
    AdminContext(const AdminContext&) = delete;
    AdminContext& operator=(const AdminContext&) = delete;

    const app::Config& config() const { return config_; }
    store::Store& store() { return *store_; }
    auth::AuthServices& services() { return services_; }

private:
    app::Config config_;
    std::unique_ptr<auth::AuditSink> audit_;
    std::unique_ptr<store::Store> store_;
    auth::HashPool pool_;
    auth::PasswordVerifier passwords_;
    auth::AuthServices services_;
};

}  // namespace authgate::admin
