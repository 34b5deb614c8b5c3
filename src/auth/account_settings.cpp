// account_settings.cpp -- the settings use cases: each confirms the password, then changes in one write transaction.
#include "auth/account_settings.h"

#include "auth/mail_tokens.h"
#include "auth/session_tokens.h"
#include "http/text.h"
#include "mail/mime.h"

namespace authgate::auth {

namespace {

SettingsResult refusal(const Confirmed& confirmed) {
    switch (confirmed.status) {
        case ConfirmStatus::throttled: return {SettingsStatus::throttled, FieldProblem::none, confirmed.retry_after, {}};
        case ConfirmStatus::busy: return {SettingsStatus::busy, FieldProblem::none, confirmed.retry_after, {}};
        default: break;
    }
    return {SettingsStatus::wrong_password, FieldProblem::none, 0, {}};
}

void audit(AuthServices& services, const std::string& event, const std::string& outcome, const ClientInfo& client,
           const std::string& account, std::optional<std::int64_t> user_id) {
    services.audit.record({event, outcome, client.remote_addr, account, user_id});
}

bool mail_on(const AuthServices& services) {
    return services.mailer && services.mailer->enabled();
}

}  // namespace

SettingsResult change_password(AuthServices& services, const SettingsRequest& request, const std::string& password,
                               const std::string& password_confirm) {
    const ClientInfo& client = request.presented.client;
    Confirmed confirmed = confirm_current_password(services, request.user_id, request.current_password, client,
                                                   request.presented.now);
    if (confirmed.status != ConfirmStatus::ok) {
        audit(services, "password_change", "wrong_password", client, "", request.user_id);
        return refusal(confirmed);
    }
    const store::UserRecord& user = *confirmed.user;
    FieldProblem problem = new_password_problem(password, password_confirm,
                                                {user.username, user.email, user.email.substr(0, user.email.find('@'))},
                                                services.settings.min_password_score);
    if (problem != FieldProblem::none) return {SettingsStatus::invalid, problem, 0, {}};
    auto hash = services.passwords.hash(password);
    if (!hash) return {SettingsStatus::busy, FieldProblem::none, services.passwords.retry_after_seconds(), {}};
    SettingsResult result{SettingsStatus::done, FieldProblem::none, 0, {}};
    bool changed = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        if (!repositories.users.replace_password_hash(user.id, user.password_hash, *hash)) return false;
        repositories.tokens.remove_for_user(user.id, "");
        repositories.accounts.remove_all_sessions(user.id);
        open_session(repositories.sessions, user.id, true, std::nullopt, request.presented, result.cookies);
        if (!request.presented.remember_cookie.empty()) result.cookies.clear_remember = true;
        if (mail_on(services))
            services.mailer->queue(repositories, "mail/password_changed.tpl", user.email, user.id,
                                   {{"USERNAME", user.username}, {"HOW", "from the settings page"}},
                                   request.presented.now);
        return true;
    });
    if (!changed) {
        audit(services, "password_change", "changed_meanwhile", client, user.email, user.id);
        return {SettingsStatus::wrong_password, FieldProblem::none, 0, {}};
    }
    audit(services, "password_change", "changed", client, user.email, user.id);
    if (services.mailer) services.mailer->notify();
    return result;
}

SettingsResult request_email_change(AuthServices& services, const SettingsRequest& request,
                                    const std::string& new_email) {
    const ClientInfo& client = request.presented.client;
    if (!mail_on(services)) return {SettingsStatus::unavailable, FieldProblem::none, 0, {}};
    std::string email = http::trim(new_email);
    if (email_problem(email) != FieldProblem::none || !mail::safe_address(email))
        return {SettingsStatus::invalid, FieldProblem::email_invalid, 0, {}};
    Confirmed confirmed = confirm_current_password(services, request.user_id, request.current_password, client,
                                                   request.presented.now);
    if (confirmed.status != ConfirmStatus::ok) {
        audit(services, "email_change_request", "wrong_password", client, "", request.user_id);
        return refusal(confirmed);
    }
    const store::UserRecord& user = *confirmed.user;
    const MailSettings& settings = services.settings.mail;
    std::string outcome = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        auto current = repositories.users.find_by_id(user.id);
        if (!current) return std::string("gone");
        if (repositories.users.email_taken(email)) return std::string("taken");
        std::string token =
            issue_token(repositories, token_email_change, *current, settings.email_change_seconds,
                        request.presented.now, email);
        services.mailer->queue(repositories, "mail/email_change.tpl", email, user.id,
                               {{"USERNAME", current->username},
                                {"OLD_EMAIL", current->email},
                                {"LINK", services.mailer->link("/confirm-email/" + token)},
                                {"HOURS", std::to_string(settings.email_change_seconds / 3600)}},
                               request.presented.now);
        return std::string("sent");
    });
    audit(services, "email_change_request", outcome, client, user.email, user.id);
    services.mailer->notify();
    return {SettingsStatus::done, FieldProblem::none, 0, {}};
}

std::optional<std::string> email_change_pending(AuthServices& services, const std::string& token, std::int64_t now) {
    return services.store.transaction(store::Access::read, [&](store::Repositories& repositories) {
        auto live = find_live_token(repositories, token_email_change, token, now);
        return live ? std::optional<std::string>(live->token.new_email) : std::nullopt;
    });
}

EmailChangeStatus confirm_email_change(AuthServices& services, const std::string& token, const ClientInfo& client,
                                       std::int64_t now) {
    std::optional<std::int64_t> user_id;
    std::string old_email;
    EmailChangeStatus status = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        auto live = find_live_token(repositories, token_email_change, token, now);
        if (!live) return EmailChangeStatus::invalid_token;
        user_id = live->user.id;
        old_email = live->user.email;
        if (repositories.users.email_taken(live->token.new_email) &&
            live->token.new_email != live->user.email) {
            repositories.tokens.remove(live->token.token_hash);
            return EmailChangeStatus::taken;
        }
        repositories.accounts.set_email(live->user.id, live->token.new_email, true);
        repositories.tokens.remove_for_user(live->user.id, "");
        if (mail_on(services) && mail::safe_address(old_email))
            services.mailer->queue(repositories, "mail/email_changed_notice.tpl", old_email, live->user.id,
                                   {{"USERNAME", live->user.username}, {"NEW_EMAIL", live->token.new_email}}, now);
        return EmailChangeStatus::changed;
    });
    const char* outcome = status == EmailChangeStatus::changed ? "changed"
                          : status == EmailChangeStatus::taken ? "taken" : "invalid_token";
    audit(services, "email_change", outcome, client, old_email, user_id);
    if (status == EmailChangeStatus::changed && services.mailer) services.mailer->notify();
    return status;
}

SettingsResult delete_account(AuthServices& services, const SettingsRequest& request) {
    const ClientInfo& client = request.presented.client;
    Confirmed confirmed = confirm_current_password(services, request.user_id, request.current_password, client,
                                                   request.presented.now);
    if (confirmed.status != ConfirmStatus::ok) {
        audit(services, "account_delete", "wrong_password", client, "", request.user_id);
        return refusal(confirmed);
    }
    services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        repositories.accounts.remove_user(request.user_id);
    });
    audit(services, "account_delete", "deleted", client, confirmed.user->email, request.user_id);
    SettingsResult result{SettingsStatus::done, FieldProblem::none, 0, {}};
    result.cookies.clear_session = true;
    result.cookies.clear_remember = true;
    return result;
}

std::vector<SessionSummary> list_sessions(AuthServices& services, std::int64_t user_id, std::int64_t session_id) {
    auto rows = services.store.transaction(store::Access::read, [&](store::Repositories& repositories) {
        return repositories.accounts.sessions_of(user_id);
    });
    std::vector<SessionSummary> sessions;
    for (const auto& row : rows)
        sessions.push_back({row.public_id, row.created_at, row.last_seen_at, row.remote_addr, row.user_agent,
                            row.id == session_id});
    return sessions;
}

RevokeResult revoke_sessions(AuthServices& services, std::int64_t user_id, std::int64_t session_id,
                             const std::string& public_id, bool all_others, const ClientInfo& client) {
    RevokeResult result = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        RevokeResult done;
        if (all_others) {
            done.ended = repositories.accounts.remove_other_sessions(user_id, session_id);
        } else if (!public_id.empty() && public_id.size() <= 64) {
            std::int64_t ended = repositories.accounts.remove_session(user_id, public_id);
            done.ended = ended ? 1 : 0;
            done.ended_current = ended != 0 && ended == session_id;
        }
        return done;
    });
    audit(services, "session_revoke", all_others ? "all_others_" + std::to_string(result.ended)
                                                 : (result.ended ? "one" : "not_found"),
          client, "", user_id);
    return result;
}

}  // namespace authgate::auth
