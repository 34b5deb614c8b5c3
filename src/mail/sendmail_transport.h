// sendmail_transport.h -- delivery through a local sendmail-compatible program, run without a shell.
#pragma once

#include "mail/transport.h"

namespace authgate::mail {

class SendmailTransport : public Transport {
public:
    explicit SendmailTransport(std::string program) : program_(std::move(program)) {}
    // Runs `program -i -f FROM -- TO` by fork/execv (never -t: the recipients come only from argv)
    // and writes the message to its stdin with LF line ends.
    void send(const std::string& from, const std::string& to, const std::string& message) override;

private:
    std::string program_;
};

}  // namespace authgate::mail
