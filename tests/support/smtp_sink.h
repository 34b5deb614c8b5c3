// smtp_sink.h -- the tests' SMTP server (smtp_sink.py on aiosmtpd) and readers for the messages it received.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

#include "support/test_server.h"

namespace authgate::test {

// How the sink listens: plain SMTP, TLS from the first byte (smtps://) or STARTTLS required; with
// a user, every message needs AUTH as that user with that password (over TLS).
struct SinkOptions {
    std::string tls;  // "", "implicit" or "starttls"
    std::string cert_file;
    std::string key_file;
    std::string user;
    std::string password_file;
};

// aiosmtpd on a free port of 127.0.0.1, writing each received message to a directory (its
// stderr goes to sink.log there).
class SmtpSink {
public:
    // Starts it; throws std::runtime_error when it does not say "ready".
    explicit SmtpSink(SinkOptions options = {});
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    // Starts it again on the same port after stop().
    void start();
    void stop();
    int port() const { return port_; }
    const std::string& dir() const { return dir_.path(); }
    // The raw messages received so far, oldest first.
    std::vector<std::string> messages() const;
    // Waits (up to 30 s) until at least `count` messages arrived; returns them all.
    std::vector<std::string> wait_for(std::size_t count) const;
    // How message `number` (1 for the first) came in: "tls=yes|no\nauth=USER\n".
    std::string session_of(int number) const;
    // The sink's AUTH log: "ok USER" / "refused USER" lines ("" when nobody logged in).
    std::string auth_log() const;

private:
    SinkOptions options_;
    TempDir dir_;
    int port_;
    pid_t pid_ = -1;
};

// True when the mail suites may run; false (the caller returns: skipped) when python3-aiosmtpd is
// missing, unless AUTHGATE_REQUIRE_SUITES=1, which makes it a failure.
bool mail_suite_available();

// The --public-url the mail tests give authgate; every link in a mail must start with it.
std::string mail_public_url();

// authgate options for mail from noreply@example.test through `smtp_url` (retries after 1 s),
// then `extra`.
std::vector<std::string> mail_args(const std::string& smtp_url, std::vector<std::string> extra = {});
// The same through the plain SMTP port of `sink`.
std::vector<std::string> mail_args(const SmtpSink& sink, std::vector<std::string> extra = {});

// The headers of a raw message (up to the blank line), as received.
std::string headers_of(const std::string& message);
// The body as received (after the blank line), still transfer-encoded.
std::string raw_body_of(const std::string& message);
// The body with quoted-printable undone.
std::string body_of(const std::string& message);
// The value of header `name` (first occurrence, folded lines joined with their leading space
// kept), "" when absent.
std::string header(const std::string& message, const std::string& name);
// `value` with RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=) decoded and the
// folding between adjacent words removed.
std::string decode_words(const std::string& value);
// The path of the first link under `base + prefix` (e.g. "/reset/") in `message`, "" when none.
std::string link_path(const std::string& message, const std::string& base, const std::string& prefix);
// link_path() with the tests' public URL (mail_public_url()) as the base.
std::string link_path(const std::string& message, const std::string& prefix);
// The messages whose To header is `address`.
std::vector<std::string> mails_to(const std::vector<std::string>& all, const std::string& address);

}  // namespace authgate::test
