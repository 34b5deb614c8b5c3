// session_service.h -- server-side sessions, remember-me tokens, session protection and flashes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/session_settings.h"
#include "store/records.h"
#include "store/repositories.h"

namespace authgate::auth {

// Who is asking: used for the session-protection identifier and kept with the session.
struct ClientInfo {
    std::string remote_addr;
    std::string user_agent;
};

// What happened to the remember-me token while resolving a visit (for the audit log).
enum class RememberEvent { none, used, theft_detected, expired_or_unknown };

// The session state of one request, and the cookie changes it needs.
struct Visit {
    std::optional<store::UserRecord> user;   // set when logged in
    std::optional<std::int64_t> session_id;  // the session row (a user's, or an anonymous one with flashes)
    bool fresh = false;                      // logged in with a password in this session
    bool has_flashes = false;                // messages are waiting in the session
    bool protection_ended_session = false;   // strong protection ended it on this request
    RememberEvent remember_event = RememberEvent::none;
    std::optional<std::int64_t> affected_user_id;  // whose token was stolen or session ended

    std::optional<std::string> new_session_token;   // set the session cookie to this
    bool clear_session_cookie = false;
    std::optional<std::string> new_remember_token;  // set the remember cookie to this ("selector:validator")
    bool clear_remember_cookie = false;
};

class SessionService {
public:
    SessionService(store::SessionRepository& sessions, store::RememberRepository& remember,
                   store::UserRepository& users, const SessionSettings& settings)
        : sessions_(sessions), remember_(remember), users_(users), settings_(settings) {}

    // Resolves the cookies of a request. A valid session cookie gives its user (checked against
    // the idle and absolute timeouts and session protection); otherwise a valid remember cookie
    // opens a new non-fresh session and rotates its validator. A known selector with a wrong
    // validator deletes every remember token of that user. Writes to the database only when
    // something changes (or the last-seen stamp is older than the touch interval).
    Visit resolve(const std::string& session_cookie, const std::string& remember_cookie, const ClientInfo& client,
                  std::int64_t now);

    // Logs `user` in: ends the visit's current session, opens a new fresh one (new token: no
    // fixation) and, when `remember`, issues a remember token.
    void login(Visit& visit, const store::UserRecord& user, bool remember, const ClientInfo& client,
               std::int64_t now);

    // Ends the session on the server and deletes the remember token named by `remember_cookie`.
    void logout(Visit& visit, const std::string& remember_cookie);

    // Queues a message for the next page; an anonymous visitor gets a session row to hold it.
    void flash(Visit& visit, const std::string& category, const std::string& message, const ClientInfo& client,
               std::int64_t now);

    // The queued messages, removed as they are returned.
    std::vector<store::FlashRecord> take_flashes(Visit& visit);

    // The session-protection identifier: SHA-512 of "address|user agent".
    static std::string client_identifier(const ClientInfo& client);

private:
    void open_session(Visit& visit, const std::optional<store::UserRecord>& user, bool fresh,
                      const ClientInfo& client, std::int64_t now);
    void issue_remember_token(Visit& visit, std::int64_t user_id, std::int64_t now);
    void resolve_session(Visit& visit, const std::string& session_cookie, const ClientInfo& client, std::int64_t now);
    void resolve_remember(Visit& visit, const std::string& remember_cookie, const ClientInfo& client,
                          std::int64_t now);

    store::SessionRepository& sessions_;
    store::RememberRepository& remember_;
    store::UserRepository& users_;
    const SessionSettings& settings_;
};

}  // namespace authgate::auth
