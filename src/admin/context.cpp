// context.cpp -- opening authgate's database with authgate's settings, for the database commands.
#include "admin/context.h"

#include <chrono>

#include "app/audit_log.h"

namespace authgate::admin {

namespace {

// Audit events go to authgate's audit log file when it has one; otherwise nowhere (authgate's
// default is its own stderr, which is not the operator's terminal).
class NoAudit : public auth::AuditSink {
public:
    void record(const auth::AuditEvent&) override {}
};

std::unique_ptr<auth::AuditSink> open_audit(const app::Config& config) {
    if (config.audit_log.empty()) return std::make_unique<NoAudit>();
    return std::make_unique<app::AuditLog>(config.audit_log);
}

const std::string& checked_database(const app::Config& config, OpenMode mode) {
    if (mode != OpenMode::create && !store::store_exists(config.database))
        throw store::StoreError("no database at " + config.database);
    if (mode != OpenMode::inspect) store::prepare_store(config.database, config.database_password);
    return config.database;
}

}  // namespace

AdminContext::AdminContext(const GlobalOptions& global, OpenMode mode)
    : config_(app::load_config(global.config_file, global.database)),
      audit_(open_audit(config_)),
      store_(store::open_store(checked_database(config_, mode), config_.database_password)),
      pool_(0, 1, 1, std::chrono::seconds(config_.hash_wait_seconds)),
      passwords_(pool_, config_.password_policy),
      services_{*store_, passwords_, *audit_, config_.auth} {}

AdminContext::~AdminContext() = default;

}  // namespace authgate::admin
