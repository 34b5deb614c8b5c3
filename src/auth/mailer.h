// mailer.h -- queues a mail from a template in the caller's transaction; the texts come from the view.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace authgate::auth {

enum class EmailVerification { off, optional, required };

// "off", "optional", "required".
const char* verification_name(EmailVerification mode);
std::optional<EmailVerification> parse_verification(const std::string& name);

// The defaults here are the only place they are declared; the option table shows them.
struct MailSettings {
    std::string public_url;  // the base of every link in a mail (never the request's Host)
    std::string from;        // the From address and envelope sender
    EmailVerification verification = EmailVerification::optional;
    std::int64_t verify_seconds = 48 * 3600;
    std::int64_t reset_seconds = 60 * 60;
    std::int64_t email_change_seconds = 2 * 3600;
    std::int64_t mails_per_account = 3;   // reset / verification / "already registered" mails per hour
    std::int64_t mails_per_address = 20;  // such requests per client address per hour
};

using MailValues = std::vector<std::pair<std::string, std::string>>;

struct MailText {
    std::string subject;
    std::string body;
};

// Renders a mail template ("mail/reset.tpl") with `values`; implemented by the view.
class MailTexts {
public:
    virtual ~MailTexts() = default;
    virtual MailText render(const std::string& template_name, const MailValues& values) = 0;
};

class Mailer {
public:
    // `wake` tells the sender that mail is waiting (may be empty).
    Mailer(MailTexts& texts, const MailSettings& settings, std::function<void()> wake)
        : texts_(texts), settings_(settings), wake_(std::move(wake)) {}

    // True when a public URL and a From address are configured.
    bool enabled() const { return !settings_.public_url.empty() && !settings_.from.empty(); }
    const MailSettings& settings() const { return settings_; }
    // public_url + path (one slash between them).
    std::string link(const std::string& path) const;

    // Renders `template_name` (SITE and USERNAME-like values from the caller) and adds the message
    // for `to` to the outbox inside the caller's transaction. Throws mail::HeaderError when the
    // address or the subject would be unsafe in a header (the transaction then rolls back).
    void queue(store::Repositories& repositories, const std::string& template_name, const std::string& to,
               std::optional<std::int64_t> user_id, MailValues values, std::int64_t now);
    // After the transaction committed: the sender may look now.
    void notify() const {
        if (wake_) wake_();
    }

private:
    MailTexts& texts_;
    const MailSettings& settings_;
    std::function<void()> wake_;
};

}  // namespace authgate::auth
