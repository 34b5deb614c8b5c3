// view.cpp -- ctemplate cache with a site-first search path, timed or signalled reloads, and value conversion.
#include "web/view.h"

#include <chrono>
#include <cstring>  // ctemplate's str_ref.h uses strlen without including it
#include <string_view>
#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

namespace authgate::web {

namespace {

const char* const layout_template = "layout.tpl";
// Room for a typical page, so that the expansion does not grow the output string step by step.
constexpr std::size_t expected_page_size = 4096;

long long monotonic_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string with_slash(const std::string& directory) {
    return !directory.empty() && directory.back() != '/' ? directory + "/" : directory;
}

// A variable or section name with its ctemplate id already computed. A name without one is also
// entered into ctemplate's process-wide id-to-name table (a shared lock and a hash-set lookup for
// every value set), which only its debugging dumps read. The name's characters must outlive the
// dictionary it is used in: ctemplate keeps the pointer of a name it takes as immutable.
ctemplate::TemplateString key(std::string_view name) {
    ctemplate::TemplateString plain(name.data(), name.size());
    ctemplate::StaticTemplateString with_id = {{name.data(), name.size(), GlobalIdForSTS_INIT(plain)}};
    return ctemplate::TemplateString(with_id);
}

void fill(ctemplate::TemplateDictionary& dictionary, const ViewValues& values) {
    for (const auto& value : values.values()) dictionary.SetValue(key(value.first), value.second);
    for (const auto& name : values.shown()) dictionary.ShowSection(key(name));
    for (const auto& section : values.sections())
        fill(*dictionary.AddSectionDictionary(key(section.first)), *section.second);
}

}  // namespace

void ViewValues::set(const std::string& name, std::string value) {
    values_.emplace_back(name, std::move(value));
}

ViewValues& ViewValues::add_section(const std::string& name) {
    sections_.emplace_back(name, std::make_unique<ViewValues>());
    return *sections_.back().second;
}

void ViewValues::show_section(const std::string& name) {
    shown_.push_back(name);
}

View::View(const std::string& site_dir, const std::string& installed_dir, int reload_interval_seconds)
    : cache_(std::make_unique<ctemplate::TemplateCache>()),
      reload_interval_seconds_(reload_interval_seconds),
      last_check_(monotonic_seconds()) {
    if (!site_dir.empty()) {
        cache_->SetTemplateRootDirectory(with_slash(site_dir));
        cache_->AddAlternateTemplateRootDirectory(with_slash(installed_dir));
    } else {
        cache_->SetTemplateRootDirectory(with_slash(installed_dir));
    }
}

View::~View() = default;

std::string View::render(const Page& page) {
    reload_if_due();
    ctemplate::TemplateDictionary layout("layout");
    layout.SetValue(key("TITLE"), page.title);
    for (const auto& value : page.shared) layout.SetTemplateGlobalValue(key(value.first), value.second);
    fill(layout, page.layout);
    ctemplate::TemplateDictionary* content = layout.AddIncludeDictionary(key("CONTENT"));
    content->SetFilename(page.template_name);
    content->SetValue(key("TITLE"), page.title);
    fill(*content, page.content);
    std::string output;
    output.reserve(expected_page_size);
    // Expanding loads both templates on first use; only a failure looks at which one it was, so a
    // page view takes the cache's lock for the expansion alone.
    if (!cache_->ExpandWithData(layout_template, ctemplate::STRIP_BLANK_LINES, &layout, nullptr, &output)) {
        for (const std::string& name : {std::string(layout_template), page.template_name})
            if (!cache_->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES))
                throw TemplateError("cannot load template " + name + ": missing or malformed");
        throw TemplateError("cannot expand template " + std::string(layout_template) +
                            " (or a template it includes): missing or malformed");
    }
    return output;
}

std::string View::render_text(const std::string& template_name, const ViewValues& values) {
    reload_if_due();
    if (!cache_->LoadTemplate(template_name, ctemplate::DO_NOT_STRIP))
        throw TemplateError("cannot load template " + template_name + ": missing or malformed");
    ctemplate::TemplateDictionary dictionary("text");
    fill(dictionary, values);
    std::string output;
    if (!cache_->ExpandWithData(template_name, ctemplate::DO_NOT_STRIP, &dictionary, nullptr, &output))
        throw TemplateError("cannot expand template " + template_name);
    return output;
}

void View::reload() {
    last_check_ = monotonic_seconds();
    cache_->ReloadAllIfChanged(ctemplate::TemplateCache::LAZY_RELOAD);
}

void View::reload_if_due() {
    if (reload_interval_seconds_ <= 0) return;
    long long now = monotonic_seconds();
    long long last = last_check_.load();
    if (now - last < reload_interval_seconds_) return;
    if (last_check_.compare_exchange_strong(last, now)) cache_->ReloadAllIfChanged(ctemplate::TemplateCache::LAZY_RELOAD);
}

}  // namespace authgate::web
