// page.h -- renders a page inside the layout with navigation, CSRF token and flash messages.
#pragma once

#include <vector>

#include "http/response.h"
#include "web/flash_cookie.h"
#include "web/request_context.h"
#include "web/view.h"

namespace authgate::web {

// Expands `page` for this visitor: navigation for a signed-in or anonymous visitor, the CSRF token
// (as CSRF_TOKEN in every template), waiting flash messages (taken, so shown once) followed by
// `messages` (shown on this page only). Throws TemplateError when a template cannot be used.
http::Response render_page(RequestContext& context, Page& page, int status = 200,
                           const std::vector<Flash>& messages = {});

}  // namespace authgate::web
