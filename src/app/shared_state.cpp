// shared_state.cpp -- one-time start-up work: migrations, the site key, the hash pool.
#include "app/shared_state.h"

#include <iostream>
#include <thread>

#include "crypto/random.h"
#include "store/store.h"

namespace authgate::app {

namespace {

// The key of CSRF tokens and signed cookies lives in the database, so that every process, host
// and restart agrees on it.
std::string load_site_key(const Config& config) {
    store::prepare_store(config.database, config.database_password);
    auto store = store::open_store(config.database, config.database_password);
    return store->transaction(store::Access::write, [](store::Repositories& repositories) {
        return repositories.meta.get_or_create("csrf_key", crypto::random_token(32));
    });
}

unsigned hashing_threads(const Config& config, ServeMode mode) {
    if (mode == ServeMode::one_request) return 0;
    if (config.hash_threads) return config.hash_threads;
    unsigned cores = std::thread::hardware_concurrency();
    return cores ? cores : 1;
}

// Half the request workers may be admitted to hash (queued, hashing or padding a failure), and a
// quarter more may wait for that; the rest always serve pages.
unsigned logins_in_flight(const Config& config) {
    return static_cast<unsigned>(config.threads > 1 ? config.threads / 2 : 1);
}

unsigned logins_in_login_path(const Config& config) {
    int free_for_pages = config.threads / 4 > 1 ? config.threads / 4 : 1;
    int in_login = config.threads - free_for_pages;
    return static_cast<unsigned>(in_login > 1 ? in_login : 1);
}

}  // namespace

SharedState::SharedState(const Config& config, ServeMode mode)
    : config(config),
      view(config.site_templates, config.installed_templates, config.template_reload_interval),
      site_key(load_site_key(config)),
      csrf(site_key),
      signer(site_key),
      hash_pool(hashing_threads(config, mode), logins_in_flight(config), logins_in_login_path(config),
                std::chrono::seconds(config.hash_wait_seconds)),
      passwords(hash_pool, config.password_policy),
      cookie_settings{config.cookie_always_secure},
      audit(config.audit_log),
      mail_texts(view),
      mailer(mail_texts, config.auth.mail, [this] {
          if (sender) sender->wake();
      }) {
    if (mode == ServeMode::server && mailer.enabled()) {
        transport = mail::make_transport(config.transport);
        sender = std::make_unique<mail::OutboxSender>(config.database, *transport, config.mail_retry,
                                                      [](const std::string& line) {
                                                          std::cerr << "authgate: " << line << std::endl;
                                                      },
                                                      config.database_password);
    }
}

void SharedState::start_mail() {
    if (sender) sender->start();
}

}  // namespace authgate::app
