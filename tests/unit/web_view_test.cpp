// web_view_test.cpp -- pages rendered from template files: layout around content, site templates
// before installed ones, escaping, and a TemplateError naming a missing or malformed file.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "web/view.h"

namespace web = authgate::web;

namespace {

// A temporary directory with `installed/` and `site/` template roots, removed at the end.
class TemplateDirs {
public:
    TemplateDirs() {
        std::string pattern = (std::filesystem::temp_directory_path() / "authgate-view-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        root_ = pattern;
        std::filesystem::create_directories(root_ / "installed");
        std::filesystem::create_directories(root_ / "site");
        write("installed", "layout.tpl",
              "{{%AUTOESCAPE context=\"HTML\"}}<title>{{TITLE}}</title>{{#NOTE}}<p>{{TEXT}}</p>{{/NOTE}}"
              "{{>CONTENT}}|{{CSRF_TOKEN}}");
        write("installed", "page.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<h1>{{TITLE}}</h1><b>{{NAME}}</b>");
    }
    ~TemplateDirs() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    void write(const std::string& where, const std::string& name, const std::string& text) const {
        std::ofstream(root_ / where / name) << text;
    }
    std::string installed() const { return (root_ / "installed").string(); }
    std::string site() const { return (root_ / "site").string(); }

private:
    std::filesystem::path root_;
};

web::Page page_named(const std::string& template_name) {
    web::Page page(template_name, "Hello & welcome");
    page.content.set("NAME", "<alice>");
    page.layout.add_section("NOTE").set("TEXT", "first");
    page.layout.add_section("NOTE").set("TEXT", "second");
    page.shared.emplace_back("CSRF_TOKEN", "t0ken");
    return page;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_view)

BOOST_AUTO_TEST_CASE(the_layout_wraps_the_page_with_escaped_values_sections_and_shared_values) {
    TemplateDirs dirs;
    web::View view("", dirs.installed(), 0);
    std::string html = view.render(page_named("page.tpl"));
    BOOST_TEST(html == "<title>Hello &amp; welcome</title><p>first</p><p>second</p>"
                       "<h1>Hello &amp; welcome</h1><b>&lt;alice&gt;</b>|t0ken");
    // Rendering again (the templates now cached) gives the same page.
    BOOST_TEST(view.render(page_named("page.tpl")) == html);
}

BOOST_AUTO_TEST_CASE(a_site_template_wins_over_the_installed_one) {
    TemplateDirs dirs;
    dirs.write("site", "page.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<i>{{NAME}}</i>");
    web::View view(dirs.site(), dirs.installed(), 0);
    std::string html = view.render(page_named("page.tpl"));
    BOOST_TEST(html.find("<i>&lt;alice&gt;</i>") != std::string::npos, html);
    BOOST_TEST(html.find("<h1>") == std::string::npos, html);
}

BOOST_AUTO_TEST_CASE(a_missing_page_template_is_a_template_error_naming_it) {
    TemplateDirs dirs;
    web::View view("", dirs.installed(), 0);
    try {
        view.render(page_named("absent.tpl"));
        BOOST_FAIL("rendered a page whose template does not exist");
    } catch (const web::TemplateError& error) {
        BOOST_TEST(std::string(error.what()).find("absent.tpl") != std::string::npos, error.what());
    }
    // The view stays usable for the pages that exist.
    BOOST_TEST(view.render(page_named("page.tpl")).find("<b>&lt;alice&gt;</b>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_malformed_layout_is_a_template_error_naming_it) {
    TemplateDirs dirs;
    dirs.write("site", "layout.tpl", "{{#OPEN}} never closed");
    web::View view(dirs.site(), dirs.installed(), 0);
    try {
        view.render(page_named("page.tpl"));
        BOOST_FAIL("rendered with a malformed layout");
    } catch (const web::TemplateError& error) {
        BOOST_TEST(std::string(error.what()).find("layout.tpl") != std::string::npos, error.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
