// account_settings.h -- use cases of the settings pages: change password, change email, own sessions, delete account.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/confirm_password.h"
#include "auth/services.h"
#include "auth/validation.h"

namespace authgate::auth {

// What every settings form sends: who, from which session, and the current password.
struct SettingsRequest {
    std::int64_t user_id = 0;
    std::int64_t session_id = 0;
    std::string current_password;
    Presented presented;
};

enum class SettingsStatus { done, wrong_password, invalid, throttled, busy, unavailable };

struct SettingsResult {
    SettingsStatus status = SettingsStatus::wrong_password;
    FieldProblem problem = FieldProblem::none;  // invalid
    std::int64_t retry_after = 0;               // throttled, busy
    CookieChanges cookies;                      // change_password: the rotated session; delete: cleared
};

// Checks the current password (throttled like a login), applies the strength rules, replaces the
// hash, ends every other session and every remember chain, rotates this session (a new token),
// kills mailed tokens and mails password_changed.tpl. Audited.
SettingsResult change_password(AuthServices& services, const SettingsRequest& request, const std::string& password,
                               const std::string& password_confirm);

// Checks the current password and the new address, then mails {public-url}/confirm-email/TOKEN
// to the new address (valid email_change_seconds). Nothing changes until the link is used. An
// address already in use gets no mail, with the same answer. Audited.
SettingsResult request_email_change(AuthServices& services, const SettingsRequest& request,
                                    const std::string& new_email);

// The new address of a live email-change token (nothing is written), nullopt when not live.
std::optional<std::string> email_change_pending(AuthServices& services, const std::string& token, std::int64_t now);

enum class EmailChangeStatus { changed, invalid_token, taken };

// Switches the account to the new address (verified: the link reached it), uses up the account's
// tokens, mails email_changed_notice.tpl to the old address. Audited.
EmailChangeStatus confirm_email_change(AuthServices& services, const std::string& token, const ClientInfo& client,
                                       std::int64_t now);

// Checks the current password, then removes the account with its sessions, chains, tokens and
// queued mail; the cookies are cleared. Audited.
SettingsResult delete_account(AuthServices& services, const SettingsRequest& request);

struct SessionSummary {
    std::string public_id;
    std::int64_t created_at = 0;
    std::int64_t last_seen_at = 0;
    std::string remote_addr;
    std::string user_agent;
    bool current = false;
};

// The sessions of `user_id`, this one (`session_id`) marked.
std::vector<SessionSummary> list_sessions(AuthServices& services, std::int64_t user_id, std::int64_t session_id);

struct RevokeResult {
    std::int64_t ended = 0;
    bool ended_current = false;  // the visitor ended the session in use
};

// Ends the session `public_id` of `user_id` (never another user's), or with `all_others` every
// session of the user but `session_id` (and every remember chain). Audited.
RevokeResult revoke_sessions(AuthServices& services, std::int64_t user_id, std::int64_t session_id,
                             const std::string& public_id, bool all_others, const ClientInfo& client);

}  // namespace authgate::auth
