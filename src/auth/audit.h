// audit.h -- security events (logins, logouts, registrations, theft...) as one escaped line each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace authgate::auth {

struct AuditEvent {
    std::string event;                   // login_success, login_failure, login_throttled, logout, ...
    std::string outcome;                 // e.g. bad_credentials, inactive, created, duplicate_email
    std::string address;                 // the client address
    std::string account;                 // the submitted email or the username (never a password)
    std::optional<std::int64_t> user_id;
};

// Where audit events go; implementations must be safe to call from every worker thread.
class AuditSink {
public:
    virtual ~AuditSink() = default;
    virtual void record(const AuditEvent& event) = 0;
};

// The line for `event` at unix time `now`: "time=2026-11-26T15:40:00Z event=login_failure
// outcome=... ip=... account=... user_id=...". Values with spaces, quotes or '=' are quoted;
// control characters, quotes and backslashes are escaped, so no field can start a new line or
// fake another field. No trailing newline.
std::string format_audit_line(const AuditEvent& event, std::int64_t now);

}  // namespace authgate::auth
