// transport.h -- how a finished message leaves: SMTP through libcurl, or a local sendmail program.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

namespace authgate::mail {

// A delivery that did not happen; the message (for the queue and the operator) holds no secret.
class TransportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Transport {
public:
    virtual ~Transport() = default;
    // Hands `message` (complete, CRLF line ends) to the next hop for `to`, with `from` as the
    // envelope sender. Throws TransportError when it was not accepted.
    virtual void send(const std::string& from, const std::string& to, const std::string& message) = 0;
};

// The defaults here are the only place they are declared; the option table shows them.
struct TransportSettings {
    std::string smtp_url;            // smtp://host:port or smtps://host:port; empty: use sendmail
    bool smtp_starttls = false;      // require STARTTLS on smtp://
    std::string smtp_ca_file;        // PEM file of the CAs to trust for TLS; empty: the system's
    std::string smtp_user;           // overrides a user in the URL
    std::string smtp_password_file;  // the password is read from this file, never from argv
    std::string sendmail = "/usr/sbin/sendmail";
    long timeout_seconds = 30;
};

// The transport the settings name. Reads the SMTP password file; throws TransportError when it
// cannot be read.
std::unique_ptr<Transport> make_transport(const TransportSettings& settings);

}  // namespace authgate::mail
