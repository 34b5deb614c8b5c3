// email_verification.cpp -- verify links: issue, check, use, resend.
#include "auth/email_verification.h"

#include "auth/mail_tokens.h"
#include "http/text.h"

namespace authgate::auth {

void queue_verification(AuthServices& services, store::Repositories& repositories, const store::UserRecord& user,
                        std::int64_t now) {
    const MailSettings& settings = services.settings.mail;
    std::string token = issue_token(repositories, token_verify, user, settings.verify_seconds, now);
    services.mailer->queue(repositories, "mail/verify.tpl", user.email, user.id,
                           {{"USERNAME", user.username},
                            {"LINK", services.mailer->link("/verify/" + token)},
                            {"HOURS", std::to_string(settings.verify_seconds / 3600)}},
                           now);
}

bool verification_token_valid(AuthServices& services, const std::string& token, std::int64_t now) {
    return services.store.transaction(store::Access::read, [&](store::Repositories& repositories) {
        return find_live_token(repositories, token_verify, token, now).has_value();
    });
}

VerifyStatus verify_email(AuthServices& services, const std::string& token, const ClientInfo& client,
                          std::int64_t now) {
    std::optional<store::UserRecord> user =
        services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
            auto live = find_live_token(repositories, token_verify, token, now);
            if (!live) return std::optional<store::UserRecord>();
            repositories.tokens.remove(live->token.token_hash);
            repositories.accounts.mark_email_verified(live->user.id);
            return std::optional<store::UserRecord>(live->user);
        });
    if (!user) {
        services.audit.record({"email_verification", "invalid_token", client.remote_addr, "", std::nullopt});
        return VerifyStatus::invalid_token;
    }
    services.audit.record({"email_verification", "verified", client.remote_addr, user->email, user->id});
    return VerifyStatus::verified;
}

ResendResult resend_verification(AuthServices& services, const std::string& email, const ClientInfo& client,
                                 std::int64_t now) {
    if (!services.mailer || !services.mailer->enabled() ||
        services.settings.mail.verification == EmailVerification::off)
        return {ResendStatus::unavailable, 0};
    const MailSettings& settings = services.settings.mail;
    Throttle throttle(services.settings.throttle);
    std::string wanted = http::trim(email);
    std::string outcome = "no_account";
    ResendResult result = services.store.transaction(store::Access::write, [&](store::Repositories& repositories) {
        auto decision = throttle.reserve_counted(repositories.attempts, "mail_address", client.remote_addr,
                                                 settings.mails_per_address, now);
        if (!decision.reservation) return ResendResult{ResendStatus::throttled, decision.retry_after};
        if (wanted.empty() || wanted.size() > 320) return ResendResult{};
        auto user = repositories.users.find_by_email(wanted);
        if (!user || !user->active) return ResendResult{};
        if (user->email_verified) {
            outcome = "already_verified";
            return ResendResult{};
        }
        auto account = throttle.reserve_counted(repositories.attempts, "mail_account",
                                                Throttle::account_key(user->email), settings.mails_per_account, now);
        if (!account.reservation) {
            outcome = "account_limit";
            return ResendResult{};
        }
        queue_verification(services, repositories, *user, now);
        outcome = "sent";
        return ResendResult{};
    });
    if (result.status == ResendStatus::throttled) outcome = "throttled";
    services.audit.record({"verification_resend", outcome, client.remote_addr, email, std::nullopt});
    if (outcome == "sent") services.mailer->notify();
    return result;
}

}  // namespace authgate::auth
