// session_settings.cpp -- parsing the session protection level.
#include "auth/session_settings.h"

namespace authgate::auth {

std::optional<SessionProtection> parse_session_protection(const std::string& name) {
    if (name == "off") return SessionProtection::off;
    if (name == "basic") return SessionProtection::basic;
    if (name == "strong") return SessionProtection::strong;
    return std::nullopt;
}

}  // namespace authgate::auth
