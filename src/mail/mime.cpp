// mime.cpp -- header checks, RFC 2047 subjects, quoted-printable bodies, and the message around them.
#include "mail/mime.h"

#include <ctime>

#include "crypto/random.h"

namespace authgate::mail {

namespace {

const char* const base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(const std::string& data) {
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        unsigned n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                     static_cast<unsigned char>(data[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) out += base64_alphabet[(n >> shift) & 63];
    }
    if (i < data.size()) {
        unsigned n = static_cast<unsigned char>(data[i]) << 16;
        if (i + 1 < data.size()) n |= static_cast<unsigned char>(data[i + 1]) << 8;
        out += base64_alphabet[(n >> 18) & 63];
        out += base64_alphabet[(n >> 12) & 63];
        out += i + 1 < data.size() ? base64_alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

bool is_ascii(const std::string& text) {
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string rfc5322_date(std::int64_t now) {
    std::time_t time = static_cast<std::time_t>(now);
    std::tm utc{};
    gmtime_r(&time, &utc);
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[utc.tm_wday], utc.tm_mday,
                  months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return buffer;
}

}  // namespace

bool safe_header_value(const std::string& value) {
    for (unsigned char c : value)
        if (c < 0x20 || c == 0x7F) return false;
    return true;
}

bool safe_address(const std::string& address) {
    if (address.empty() || address.size() > 254 || address.front() == '-') return false;
    auto at = address.rfind('@');
    if (at == std::string::npos || at == 0 || at + 1 == address.size()) return false;
    for (unsigned char c : address)
        if (c <= 0x20 || c >= 0x7F || c == '<' || c == '>' || c == ',' || c == '"' || c == '(' || c == ')' ||
            c == ';' || c == '\\' || c == '[' || c == ']' || c == ':')
            return false;
    return true;
}

std::string encode_subject(const std::string& subject) {
    if (is_ascii(subject) && subject.size() <= 900) return subject;
    // Words of at most 39 bytes of whole UTF-8 characters (52 base64 characters, 64 with the
    // markers), one per folded line: even the first line, after "Subject: ", stays within the
    // 76 characters RFC 2047 allows a line holding an encoded word.
    std::string out;
    std::size_t i = 0;
    while (i < subject.size()) {
        std::size_t end = i;
        while (end < subject.size()) {
            std::size_t next = end + utf8_length(static_cast<unsigned char>(subject[end]));
            if (next - i > 39) break;
            end = next;
        }
        if (end == i) end = std::min(subject.size(), i + 1);
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64(subject.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string quoted_printable(const std::string& text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    std::size_t line_length = 0;
    auto put = [&](const std::string& piece) {
        if (line_length + piece.size() > 75) {
            out += "=\r\n";
            line_length = 0;
        }
        out += piece;
        line_length += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        if (c == '\n' || c == '\r') {
            // A space or tab before a line end would be lost by relays: encode it.
            if (!out.empty() && (out.back() == ' ' || out.back() == '\t') && line_length > 0) {
                char last = out.back();
                out.pop_back();
                --line_length;
                put(std::string("=") + hex[last >> 4] + hex[last & 15]);
            }
            out += "\r\n";
            line_length = 0;
            continue;
        }
        bool literal = (c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t';
        // A leading '.' is escaped so that no SMTP server can see a lone "." line.
        if (c == '.' && line_length == 0) literal = false;
        if (literal) put(std::string(1, static_cast<char>(c)));
        else put(std::string("=") + hex[c >> 4] + hex[c & 15]);
    }
    if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        char last = out.back();
        out.pop_back();
        out += std::string("=") + hex[last >> 4] + hex[last & 15];
    }
    if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
    return out;
}

std::string build_message(const MessageParts& parts, std::int64_t now) {
    if (!safe_address(parts.from)) throw HeaderError("unusable sender address");
    if (!safe_address(parts.to)) throw HeaderError("unusable recipient address");
    if (!safe_header_value(parts.subject)) throw HeaderError("control character in the subject");
    std::string domain = parts.from.substr(parts.from.rfind('@') + 1);
    std::string message;
    message += "Date: " + rfc5322_date(now) + "\r\n";
    message += "Message-ID: <" + crypto::random_alnum(24) + "@" + domain + ">\r\n";
    message += "From: " + parts.from + "\r\n";
    message += "To: " + parts.to + "\r\n";
    message += "Subject: " + encode_subject(parts.subject) + "\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: quoted-printable\r\n";
    message += "Auto-Submitted: auto-generated\r\n";
    message += "\r\n";
    message += quoted_printable(parts.body);
    return message;
}

}  // namespace authgate::mail
