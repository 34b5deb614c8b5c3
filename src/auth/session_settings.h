// session_settings.h -- lifetimes and protection level of sessions and remember-me chains.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace authgate::auth {

// What happens when a session's client (address + user agent) changes.
enum class SessionProtection { off, basic, strong };

// "off", "basic" or "strong"; nullopt for anything else.
std::optional<SessionProtection> parse_session_protection(const std::string& name);
// The name parse_session_protection reads back.
std::string protection_name(SessionProtection protection);

// The defaults here are the only place they are declared; the option table shows them.
struct SessionSettings {
    std::int64_t idle_seconds = 60 * 60;           // a session unused this long ends
    std::int64_t absolute_seconds = 24 * 60 * 60;  // a session this old ends, used or not
    std::int64_t remember_seconds = 14 * 24 * 60 * 60;  // a remember chain lives this long after the password login
    std::int64_t remember_grace_seconds = 10;      // a just-replaced validator still opens a session this long
    SessionProtection protection = SessionProtection::basic;
    std::int64_t touch_interval_seconds = 60;      // last-seen stamps are this coarse (fewer writes)
};

}  // namespace authgate::auth
