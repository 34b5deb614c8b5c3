// shared_state.h -- what every worker thread shares: settings, the view, keys, the hash pool.
#pragma once

#include <memory>
#include <string>

#include "app/audit_log.h"
#include "app/settings.h"
#include "auth/csrf.h"
#include "auth/hash_pool.h"
#include "auth/password_verifier.h"
#include "auth/signed_value.h"
#include "mail/outbox_sender.h"
#include "mail/transport.h"
#include "store/store.h"
#include "web/mail_texts.h"
#include "web/request_context.h"
#include "web/view.h"

namespace authgate::app {

// How the process serves: many requests on worker threads, or one (CGI).
enum class ServeMode { server, one_request };

// Built once in main() before the workers start; read-only afterwards except for the view's
// template cache, the hash pool and the verifier's cost estimates, which are thread-safe.
struct SharedState {
    // Brings the database to the current schema and loads (or creates) the site key. A server gets
    // its hashing threads; a one-request process hashes on its own thread. Throws on a database or
    // file problem.
    SharedState(const Config& config, ServeMode mode);

    const Config& config;
    web::View view;
    // The connection that prepared the database at start; the first Application takes it over, so
    // that a CGI process opens its database once.
    std::unique_ptr<store::Store> first_store;
    std::string site_key;
    auth::CsrfGuard csrf;
    auth::ValueSigner signer;
    auth::HashPool hash_pool;
    auth::PasswordVerifier passwords;
    web::CookieSettings cookie_settings;
    AuditLog audit;
    web::ViewMailTexts mail_texts;
    std::unique_ptr<mail::Transport> transport;     // when mail is on
    std::unique_ptr<mail::OutboxSender> sender;     // a server's background sender (started by start_mail)
    auth::Mailer mailer;

    // Starts the background sender (servers only; a CGI process leaves the outbox to a server or
    // authgate-admin mail send).
    void start_mail();
};

}  // namespace authgate::app
