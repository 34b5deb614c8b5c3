// mailer.cpp -- template, MIME, outbox row.
#include "auth/mailer.h"

#include "mail/mime.h"

namespace authgate::auth {

const char* verification_name(EmailVerification mode) {
    switch (mode) {
        case EmailVerification::off: return "off";
        case EmailVerification::required: return "required";
        case EmailVerification::optional: break;
    }
    return "optional";
}

std::optional<EmailVerification> parse_verification(const std::string& name) {
    if (name == "off") return EmailVerification::off;
    if (name == "optional") return EmailVerification::optional;
    if (name == "required") return EmailVerification::required;
    return std::nullopt;
}

std::string Mailer::link(const std::string& path) const {
    std::string base = settings_.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + (path.empty() || path.front() != '/' ? "/" : "") + path;
}

void Mailer::queue(store::Repositories& repositories, const std::string& template_name, const std::string& to,
                   std::optional<std::int64_t> user_id, MailValues values, std::int64_t now) {
    if (!mail::safe_address(to)) throw mail::HeaderError("unusable recipient address");
    values.emplace_back("SITE", link("/"));
    values.emplace_back("EMAIL", to);
    MailText text = texts_.render(template_name, values);
    std::string message = mail::build_message({settings_.from, to, text.subject, text.body}, now);
    store::OutboxRecord record;
    record.sender = settings_.from;
    record.recipient = to;
    record.message = message;
    record.user_id = user_id;
    record.created_at = now;
    record.next_attempt_at = now;
    repositories.outbox.add(record);
}

}  // namespace authgate::auth
