// audit.cpp -- formatting audit lines with every field escaped.
#include "auth/audit.h"

#include "http/text.h"

#include <ctime>

namespace authgate::auth {

namespace {

// Escapes quotes too, and quotes a value that is empty or holds a space, a quote or '='.
std::string quote_if_needed(const std::string& value) {
    std::string escaped = http::escape_for_log(value, "\"");
    bool needs_quotes = value.empty() || escaped != value || value.find_first_of(" =") != std::string::npos;
    return needs_quotes ? "\"" + escaped + "\"" : escaped;
}

std::string utc_time(std::int64_t now) {
    std::time_t time = static_cast<std::time_t>(now);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

}  // namespace

std::string format_audit_line(const AuditEvent& event, std::int64_t now) {
    std::string line = "time=" + utc_time(now) + " event=" + quote_if_needed(event.event);
    if (!event.outcome.empty()) line += " outcome=" + quote_if_needed(event.outcome);
    line += " ip=" + quote_if_needed(event.address);
    line += " account=" + quote_if_needed(event.account.substr(0, 320));
    if (event.user_id) line += " user_id=" + std::to_string(*event.user_id);
    return line;
}

}  // namespace authgate::auth
