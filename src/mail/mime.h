// mime.h -- builds a complete, relay-safe MIME message and refuses header values that could inject headers.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace authgate::mail {

// A header value holding CR, LF or another control character, or an address that is not one
// plain addr-spec: nothing is built.
class HeaderError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

struct MessageParts {
    std::string from;     // addr-spec, e.g. "noreply@example.com"
    std::string to;       // addr-spec
    std::string subject;  // UTF-8; encoded as RFC 2047 words when not ASCII
    std::string body;     // UTF-8 text; any line ends
};

// True when `value` holds no control character (CR, LF, NUL, DEL ... ) and is valid for a header.
bool safe_header_value(const std::string& value);

// True when `address` is one addr-spec (local@domain) with printable ASCII only, no spaces, no
// angle brackets, commas or quotes: safe both as a header and as an envelope or argv element.
bool safe_address(const std::string& address);

// The subject as it goes into the header: itself when ASCII, else UTF-8 base64 encoded-words.
std::string encode_subject(const std::string& subject);

// The body as quoted-printable with CRLF line ends and lines of at most 76 characters.
std::string quoted_printable(const std::string& text);

// The whole message: Date (from `now`), Message-ID (random, at the From domain), From, To,
// Subject, MIME-Version, Content-Type text/plain; charset=utf-8, Content-Transfer-Encoding:
// quoted-printable, then the body. Throws HeaderError for an unsafe address or subject.
std::string build_message(const MessageParts& parts, std::int64_t now);

}  // namespace authgate::mail
