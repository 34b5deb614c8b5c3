// transport.cpp -- picks the transport from the settings.
#include "mail/transport.h"

#include <fstream>
#include <sstream>

#include "mail/sendmail_transport.h"
#include "mail/smtp_transport.h"

namespace authgate::mail {

std::unique_ptr<Transport> make_transport(const TransportSettings& settings) {
    if (settings.smtp_url.empty()) return std::make_unique<SendmailTransport>(settings.sendmail);
    std::string password;
    if (!settings.smtp_password_file.empty()) {
        std::ifstream file(settings.smtp_password_file);
        if (!file) throw TransportError("cannot read the SMTP password file " + settings.smtp_password_file);
        std::getline(file, password);
        if (!password.empty() && password.back() == '\r') password.pop_back();
    }
    return std::make_unique<SmtpTransport>(settings, std::move(password));
}

}  // namespace authgate::mail
