// view.h -- renders pages from ctemplate files: a site directory first, then the installed templates.
#pragma once

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>

namespace ctemplate {
class TemplateCache;
class TemplateDictionary;
}  // namespace ctemplate

namespace authgate::web {

// A template that is missing or does not parse; the message names the file.
class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The dictionaries of one page: the shared layout and the page's own content include.
class PageData {
public:
    // `template_name` is the content file (e.g. "index.tpl"); `title` fills <title> and <h1>.
    PageData(const std::string& template_name, const std::string& title);
    ~PageData();
    PageData(const PageData&) = delete;
    PageData& operator=(const PageData&) = delete;

    // Values for layout.tpl (navigation, flash messages).
    ctemplate::TemplateDictionary& layout();
    // Values for the page's own template.
    ctemplate::TemplateDictionary& content();
    // Sets a value visible to the layout and every include of this page.
    void set_shared(const std::string& name, const std::string& value);
    const std::string& template_name() const { return template_name_; }

private:
    std::string template_name_;
    std::unique_ptr<ctemplate::TemplateDictionary> layout_;
    ctemplate::TemplateDictionary* content_;
};

class View {
public:
    // `site_dir` (may be empty) is searched before `installed_dir`. Templates are checked for
    // changes at most every `reload_interval_seconds` (0: only when reload() is called).
    View(const std::string& site_dir, const std::string& installed_dir, int reload_interval_seconds);
    ~View();
    View(const View&) = delete;
    View& operator=(const View&) = delete;

    // Expands layout.tpl around the page. Throws TemplateError when a template cannot be used.
    // Safe to call from several threads at once.
    std::string render(PageData& page);

    // Marks every template to be re-read from disk on its next use if its file changed (SIGHUP).
    void reload();

private:
    void reload_if_due();

    std::unique_ptr<ctemplate::TemplateCache> cache_;
    int reload_interval_seconds_;
    std::atomic<long long> last_check_;
};

}  // namespace authgate::web
