// page_renderer.cpp -- the shared parts of every page: navigation, token, flashes.
#include "web/page_renderer.h"

#include <cstring>  // ctemplate's str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>

namespace authgate::web {

http::Response render_page(RequestContext& context, PageData& page, int status,
                           const std::vector<store::FlashRecord>& messages) {
    page.set_shared("CSRF_TOKEN", context.csrf_token());
    if (context.logged_in()) {
        page.layout().ShowSection("SIGNED_IN");
        page.set_shared("USERNAME", context.visit.user->username);
    } else {
        page.layout().ShowSection("SIGNED_OUT");
    }
    auto flashes = context.services.sessions.take_flashes(context.visit);
    flashes.insert(flashes.end(), messages.begin(), messages.end());
    for (const auto& flash : flashes) {
        auto* section = page.layout().AddSectionDictionary("FLASH");
        section->SetValue("CATEGORY", flash.category);
        section->SetValue("MESSAGE", flash.message);
    }
    http::Response response;
    response.status = status;
    response.body = context.services.view.render(page);
    return response;
}

}  // namespace authgate::web
