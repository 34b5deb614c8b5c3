// mail_mime_test.cpp -- RFC 2047 subjects, quoted-printable bodies, address checks and the whole message.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "mail/mime.h"

namespace mail = authgate::mail;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find("\r\n"); end != std::string::npos; start = end + 2, end = text.find("\r\n", start))
        lines.push_back(text.substr(start, end - start));
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_mime)

BOOST_AUTO_TEST_CASE(an_ascii_subject_stays_as_it_is) {
    BOOST_TEST(mail::encode_subject("Choose a new password") == "Choose a new password");
}

BOOST_AUTO_TEST_CASE(a_non_ascii_subject_becomes_short_encoded_words_of_whole_characters) {
    std::string subject = "Réinitialiser le mot de passe de Jürgen Groß 日本 — encore une fois ✓";
    std::string encoded = mail::encode_subject(subject);
    auto lines = lines_of(encoded);
    BOOST_TEST(lines.size() > 1u);
    BOOST_TEST(lines[0].rfind("=?UTF-8?B?", 0) == 0u);
    BOOST_TEST(lines[0].size() + std::string("Subject: ").size() <= 76u);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        BOOST_TEST(lines[i].rfind(" =?UTF-8?B?", 0) == 0u);
        BOOST_TEST(lines[i].size() <= 76u);
    }
    for (unsigned char c : encoded) BOOST_TEST(c < 0x80);
}

BOOST_AUTO_TEST_CASE(quoted_printable_keeps_lines_short_seven_bit_and_relay_safe) {
    std::string body = "Bonjour Jürgen,\n. a dot first\ntrailing space \n" + std::string(200, 'x') + "\n";
    std::string encoded = mail::quoted_printable(body);
    for (unsigned char c : encoded) BOOST_TEST(c < 0x80);
    for (const auto& line : lines_of(encoded)) BOOST_TEST(line.size() <= 76u, line);
    BOOST_TEST(encoded.find("Bonjour J=C3=BCrgen,\r\n") == 0u);
    BOOST_TEST(encoded.find("\r\n=2E a dot first\r\n") != std::string::npos);
    BOOST_TEST(encoded.find("trailing space=20\r\n") != std::string::npos);
    BOOST_TEST(encoded.find("\n.") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_plain_addresses_are_safe) {
    for (const char* good : {"a@example.com", "first.last+tag@sub.example.org"}) BOOST_TEST(mail::safe_address(good), good);
    for (const char* bad : {"", "no-at-sign", "@example.com", "a@", "-f@example.com", "a b@example.com",
                            "a@example.com\r\nBcc: x@y", "a,b@example.com", "<a@example.com>", "\"a\"@example.com",
                            "a@example.com;b@example.com", "é@example.com"})
        BOOST_TEST(!mail::safe_address(bad), bad);
}

BOOST_AUTO_TEST_CASE(a_message_has_every_header_and_refuses_unsafe_parts) {
    std::string message = mail::build_message({"noreply@example.com", "user@example.org", "Grüße", "Hallo\n"}, 0);
    for (const char* header : {"Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n", "\r\nMessage-ID: <", "@example.com>\r\n",
                               "\r\nFrom: noreply@example.com\r\n", "\r\nTo: user@example.org\r\n",
                               "\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n", "\r\nMIME-Version: 1.0\r\n",
                               "\r\nContent-Type: text/plain; charset=utf-8\r\n",
                               "\r\nContent-Transfer-Encoding: quoted-printable\r\n", "\r\n\r\nHallo\r\n"})
        BOOST_TEST(message.find(header) != std::string::npos, header);
    BOOST_CHECK_THROW(mail::build_message({"noreply@example.com", "a@b.c\r\nBcc: x@y", "s", "b"}, 0), mail::HeaderError);
    BOOST_CHECK_THROW(mail::build_message({"noreply@example.com", "a@b.c", "s\r\nBcc: x@y", "b"}, 0), mail::HeaderError);
}

BOOST_AUTO_TEST_SUITE_END()
