// session_check.cpp -- timeouts, active account and session protection, without touching the store.
#include "auth/session_check.h"

#include "auth/session_tokens.h"

namespace authgate::auth {

SessionCheck check_session(const SessionSettings& settings, const std::optional<store::SessionWithUser>& found,
                           const Presented& presented) {
    SessionCheck check;
    std::int64_t now = presented.now;
    if (!found || now - found->session.last_seen_at > settings.idle_seconds ||
        now - found->session.created_at > settings.absolute_seconds || !found->user.active)
        return check;
    const store::SessionRecord& session = found->session;
    bool same_client = session.identifier == client_identifier(presented.client);
    if (settings.protection == SessionProtection::strong && !same_client) {
        check.state = SessionCheck::State::foreign;
        return check;
    }
    check.state = SessionCheck::State::valid;
    check.demote = settings.protection == SessionProtection::basic && !same_client && session.fresh;
    check.touch = now - session.last_seen_at >= settings.touch_interval_seconds;
    check.fresh = session.fresh && !check.demote && (same_client || settings.protection == SessionProtection::off);
    return check;
}

}  // namespace authgate::auth
