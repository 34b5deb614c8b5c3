// shared_state.h -- what every worker thread shares: settings, the view, keys, the hashing gate.
#pragma once

#include <string>

#include "app/audit_log.h"
#include "app/settings.h"
#include "auth/csrf.h"
#include "auth/hashing_gate.h"
#include "web/request_context.h"
#include "web/view.h"

namespace authgate::app {

// Built once in main() before the workers start; read-only afterwards except for the view's
// template cache and the gate, which are thread-safe.
struct SharedState {
    // Migrates the database, loads (or creates) the CSRF key and prepares the hash used for
    // unknown accounts. Throws on a database or template-directory problem.
    explicit SharedState(const Config& config);

    const Config& config;
    web::View view;
    auth::CsrfGuard csrf;
    auth::HashingGate hashing_gate;
    std::string dummy_hash;
    web::CookieSettings cookie_settings;
    AuditLog audit;
};

}  // namespace authgate::app
