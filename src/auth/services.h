// services.h -- what every use case works with: the store, the password verifier, the audit log, settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/audit.h"
#include "auth/mailer.h"
#include "auth/password_verifier.h"
#include "auth/session_settings.h"
#include "auth/throttle.h"
#include "store/store.h"

namespace authgate::auth {

// The defaults here are the only place they are declared; the option table shows them.
struct AuthSettings {
    SessionSettings session;
    ThrottleSettings throttle;
    int min_password_score = 2;  // zxcvbn score 0-4 a new password needs
    MailSettings mail;
};

// One worker thread's view of the domain: its own store connection, the shared rest.
struct AuthServices {
    store::Store& store;
    PasswordVerifier& passwords;
    AuditSink& audit;
    const AuthSettings& settings;
    Mailer* mailer = nullptr;  // null: no mail is sent (no --public-url / --mail-from)
};

// Who is asking: used for the session-protection identifier, kept with the session, and logged.
struct ClientInfo {
    std::string remote_addr;
    std::string user_agent;
};

// The cookies a request presented, and when.
struct Presented {
    std::string session_token;
    std::string remember_cookie;  // "selector:validator"
    ClientInfo client;
    std::int64_t now = 0;
};

// The cookie changes an answer must carry.
struct CookieChanges {
    std::optional<std::string> session_token;   // set the session cookie to this
    bool clear_session = false;
    std::optional<std::string> remember_token;  // set the remember cookie to this ("selector:validator")
    std::int64_t remember_max_age = 0;          // ... for this many seconds (counting down to the chain's end)
    bool clear_remember = false;
};

}  // namespace authgate::auth
