// view.h -- renders pages from ctemplate files (a site directory first, then the installed ones) from neutral values.
#pragma once

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ctemplate {
class TemplateCache;
}  // namespace ctemplate

namespace authgate::web {

// A template that is missing or does not parse; the message names the file.
class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The values one template (or one repetition of a section) is filled with. Values are HTML-escaped
// by the templates' auto-escaping.
class ViewValues {
public:
    ViewValues() = default;
    ViewValues(ViewValues&&) = default;
    ViewValues& operator=(ViewValues&&) = default;

    // Sets {{NAME}}.
    void set(const std::string& name, std::string value);
    // Shows {{#NAME}}...{{/NAME}} once more and returns the values of that repetition.
    ViewValues& add_section(const std::string& name);
    // Shows {{#NAME}}...{{/NAME}} once, with the values around it.
    void show_section(const std::string& name);

    const std::vector<std::pair<std::string, std::string>>& values() const { return values_; }
    const std::vector<std::pair<std::string, std::unique_ptr<ViewValues>>>& sections() const { return sections_; }
    const std::vector<std::string>& shown() const { return shown_; }

private:
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::pair<std::string, std::unique_ptr<ViewValues>>> sections_;
    std::vector<std::string> shown_;
};

// One page: the layout around the page's own template.
struct Page {
    // `template_name` is the content file (e.g. "dashboard.tpl"); `title` fills <title> and <h1>.
    Page(std::string template_name, std::string title)
        : template_name(std::move(template_name)), title(std::move(title)) {}

    std::string template_name;
    std::string title;
    ViewValues layout;   // navigation, flash messages
    ViewValues content;  // the page's own values
    std::vector<std::pair<std::string, std::string>> shared;  // visible in the layout and every include
};

class View {
public:
    // `site_dir` (may be empty) is searched before `installed_dir`. Templates are checked for
    // changes at most every `reload_interval_seconds` (0: only when reload() is called). Nothing is
    // read from disk until the first page is rendered.
    View(const std::string& site_dir, const std::string& installed_dir, int reload_interval_seconds);
    ~View();
    View(const View&) = delete;
    View& operator=(const View&) = delete;

    // Expands layout.tpl around the page. Throws TemplateError when a template cannot be used.
    // Safe to call from several threads at once.
    std::string render(const Page& page);

    // Expands one text template (a mail, e.g. "mail/reset.tpl") without layout and without
    // escaping: mail templates carry no AUTOESCAPE pragma. Throws TemplateError.
    std::string render_text(const std::string& template_name, const ViewValues& values);

    // Marks every template to be re-read from disk on its next use if its file changed (SIGHUP).
    void reload();

private:
    void reload_if_due();

    std::unique_ptr<ctemplate::TemplateCache> cache_;
    int reload_interval_seconds_;
    std::atomic<long long> last_check_;
};

}  // namespace authgate::web
