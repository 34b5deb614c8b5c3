// mail_texts.h -- the mail templates rendered by the view: "Subject: ..." on the first line, the body after a blank line.
#pragma once

#include "auth/mailer.h"
#include "web/view.h"

namespace authgate::web {

class ViewMailTexts : public auth::MailTexts {
public:
    explicit ViewMailTexts(View& view) : view_(view) {}
    // Renders `template_name` (text mode) with `values`, each made one line (control characters
    // become spaces), and splits off its first line, which must start with "Subject:". Throws
    // TemplateError when it does not.
    auth::MailText render(const std::string& template_name, const auth::MailValues& values) override;

private:
    View& view_;
};

}  // namespace authgate::web
