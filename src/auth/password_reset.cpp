// password_reset.cpp -- forgot: throttle and mail a link; reset: check, hash, replace, end sessions, notify.
#include "auth/password_reset.h"

#include "auth/mail_tokens.h"
#include "http/text.h"

namespace authgate::auth {

ForgotResult request_password_reset(AuthServices& services, const std::string& email, const ClientInfo& client,
                                    std::int64_t now) {
    if (!services.mailer || !services.mailer->enabled()) return {ForgotStatus::unavailable, 0};
    const MailSettings& settings = services.settings.mail;
    Throttle throttle(services.settings.throttle);
    std::string wanted = http::trim(email);
    std::string outcome = "no_account";
    std::optional<std::int64_t> user_id;
    ForgotResult result = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        auto decision = throttle.reserve_counted(repositories.attempts, "mail_address", client.remote_addr,
                                                 settings.mails_per_address, now);
        if (!decision.reservation) return ForgotResult{ForgotStatus::throttled, decision.retry_after};
        if (wanted.empty() || wanted.size() > 320) return ForgotResult{};
        auto user = repositories.users.find_by_email(wanted);
        if (!user || !user->active) return ForgotResult{};
        user_id = user->id;
        auto account = throttle.reserve_counted(repositories.attempts, "mail_account",
                                                Throttle::account_key(user->email), settings.mails_per_account, now);
        if (!account.reservation) {
            outcome = "account_limit";
            return ForgotResult{};
        }
        std::string token = issue_token(repositories, token_reset, *user, settings.reset_seconds, now);
        services.mailer->queue(repositories, "mail/reset.tpl", user->email, user->id,
                               {{"USERNAME", user->username},
                                {"LINK", services.mailer->link("/reset/" + token)},
                                {"MINUTES", std::to_string(settings.reset_seconds / 60)}},
                               now);
        outcome = "sent";
        return ForgotResult{};
    });
    if (result.status == ForgotStatus::throttled) outcome = "throttled";
    services.audit.record({"password_reset_request", outcome, client.remote_addr, email, user_id});
    if (outcome == "sent") services.mailer->notify();
    return result;
}

bool reset_token_valid(AuthServices& services, const std::string& token, std::int64_t now) {
    return services.store.transaction(store::Access::read, [&](store::Repositories& repositories) {
        return find_live_token(repositories, token_reset, token, now).has_value();
    });
}

ResetResult reset_password(AuthServices& services, const ResetRequest& request) {
    auto audit = [&](const std::string& outcome, const std::string& account, std::optional<std::int64_t> id) {
        services.audit.record({"password_reset", outcome, request.client.remote_addr, account, id});
    };
    auto live = services.store.transaction(store::Access::read, [&](store::Repositories& repositories) {
        return find_live_token(repositories, token_reset, request.token, request.now);
    });
    if (!live) {
        audit("invalid_token", "", std::nullopt);
        return {ResetStatus::invalid_token, FieldProblem::none, 0};
    }
    const store::UserRecord& user = live->user;
    FieldProblem problem =
        new_password_problem(request.password, request.password_confirm,
                             {user.username, user.email, user.email.substr(0, user.email.find('@'))},
                             services.settings.min_password_score);
    if (problem != FieldProblem::none) return {ResetStatus::invalid, problem, 0};
    auto hash = services.passwords.hash(request.password);
    if (!hash) return {ResetStatus::busy, FieldProblem::none, services.passwords.retry_after_seconds()};
    bool done = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        auto again = find_live_token(repositories, token_reset, request.token, request.now);
        if (!again || !repositories.users.replace_password_hash(user.id, user.password_hash, *hash)) return false;
        repositories.tokens.remove_for_user(user.id, "");
        repositories.accounts.remove_all_sessions(user.id);
        if (services.mailer && services.mailer->enabled())
            services.mailer->queue(repositories, "mail/password_changed.tpl", user.email, user.id,
                                   {{"USERNAME", user.username}, {"HOW", "with a reset link"}}, request.now);
        return true;
    });
    if (!done) {
        audit("invalid_token", user.email, user.id);
        return {ResetStatus::invalid_token, FieldProblem::none, 0};
    }
    audit("done", user.email, user.id);
    if (services.mailer) services.mailer->notify();
    return {ResetStatus::done, FieldProblem::none, 0};
}

}  // namespace authgate::auth
