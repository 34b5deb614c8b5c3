// mail_texts.cpp -- subject line and body of a rendered mail template.
#include "web/mail_texts.h"

namespace authgate::web {

auth::MailText ViewMailTexts::render(const std::string& template_name, const auth::MailValues& values) {
    // Every value is one line of text: a control character (a line break in a name stored by
    // another application) becomes a space, so that no value can end the Subject line, add a
    // header of its own or fail the message.
    ViewValues view_values;
    for (const auto& value : values) {
        std::string text = value.second;
        for (char& c : text)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
        view_values.set(value.first, text);
    }
    std::string text = view_.render_text(template_name, view_values);
    const std::string prefix = "Subject:";
    std::size_t end = text.find('\n');
    if (text.compare(0, prefix.size(), prefix) != 0 || end == std::string::npos)
        throw TemplateError("mail template " + template_name + " must start with a Subject: line");
    auth::MailText mail;
    mail.subject = text.substr(prefix.size(), end - prefix.size());
    while (!mail.subject.empty() && (mail.subject.front() == ' ')) mail.subject.erase(0, 1);
    while (!mail.subject.empty() && (mail.subject.back() == ' ' || mail.subject.back() == '\r')) mail.subject.pop_back();
    std::size_t body = end + 1;
    while (body < text.size() && (text[body] == '\n' || text[body] == '\r')) ++body;
    mail.body = text.substr(body);
    return mail;
}

}  // namespace authgate::web
