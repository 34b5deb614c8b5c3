// page.cpp -- the shared parts of every page: navigation, token, flashes.
#include "web/page.h"

namespace authgate::web {

http::Response render_page(RequestContext& context, Page& page, int status, const std::vector<Flash>& messages) {
    page.shared.emplace_back("CSRF_TOKEN", context.csrf_token());
    if (context.logged_in()) {
        page.layout.show_section("SIGNED_IN");
        page.shared.emplace_back("USERNAME", context.visit.user->username);
    } else {
        page.layout.show_section("SIGNED_OUT");
    }
    auto flashes = context.take_flashes();
    flashes.insert(flashes.end(), messages.begin(), messages.end());
    for (const auto& flash : flashes) {
        auto& section = page.layout.add_section("FLASH");
        section.set("CATEGORY", flash.category);
        section.set("MESSAGE", flash.message);
    }
    http::Response response;
    response.status = status;
    response.body = context.services.view.render(page);
    return response;
}

}  // namespace authgate::web
