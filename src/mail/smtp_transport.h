// smtp_transport.h -- delivery over SMTP or SMTPS with libcurl.
#pragma once

#include "mail/transport.h"

namespace authgate::mail {

class SmtpTransport : public Transport {
public:
    // `password` is kept in memory only (read from --smtp-password-file by make_transport). TLS
    // (smtps://, or STARTTLS with smtp_starttls) always verifies the server's certificate and
    // name, against smtp_ca_file when set, else the system's CAs.
    SmtpTransport(const TransportSettings& settings, std::string password);
    void send(const std::string& from, const std::string& to, const std::string& message) override;

private:
    TransportSettings settings_;
    std::string password_;
};

}  // namespace authgate::mail
