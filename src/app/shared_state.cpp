// shared_state.cpp -- one-time start-up work: migrations, keys, the dummy hash.
#include "app/shared_state.h"

#include "crypto/random.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"

namespace authgate::app {

namespace {

// The CSRF key lives in the database so that every process and restart agrees on it.
std::string load_csrf_key(const Config& config) {
    store::Connection connection(config.database);
    store::migrate(connection);
    store::SqliteMetaRepository meta(connection);
    return meta.get_or_create("csrf_key", crypto::random_token(32));
}

}  // namespace

SharedState::SharedState(const Config& config)
    : config(config),
      view(config.site_templates, config.installed_templates, config.template_reload_interval),
      csrf(load_csrf_key(config)),
      hashing_gate(config.hash_threads),
      dummy_hash(crypto::hash_password(crypto::random_token(16), config.password_policy)),
      cookie_settings{config.cookie_always_secure},
      audit(config.audit_log) {}

}  // namespace authgate::app
