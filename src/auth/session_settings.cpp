// session_settings.cpp -- parsing the session protection level.
#include "auth/session_settings.h"

namespace authgate::auth {

std::optional<SessionProtection> parse_session_protection(const std::string& name) {
    if (name == "off") return SessionProtection::off;
    if (name == "basic") return SessionProtection::basic;
    if (name == "strong") return SessionProtection::strong;
    return std::nullopt;
}

std::string protection_name(SessionProtection protection) {
    switch (protection) {
        case SessionProtection::off: return "off";
        case SessionProtection::strong: return "strong";
        case SessionProtection::basic: break;
    }
    return "basic";
}

}  // namespace authgate::auth
