// routes.h -- the route table: one readable list of method, path, handler and access rule.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/response.h"
#include "web/member_pages.h"
#include "web/request_context.h"

namespace authgate::app {

using web::Access;

struct Route {
    std::string method;
    std::string path;
    std::function<http::Response(web::RequestContext&)> handler;
    Access access = Access::anyone;
    // Set instead of `handler` for a read-only answer made without a RequestContext: no visit is
    // resolved, no cookie is read or set beyond what the handler does itself (the gate).
    std::function<http::Response(const http::Request&, web::Services&)> bare_handler = nullptr;
};

// The outcome of matching a request against the table.
struct RouteMatch {
    const Route* route = nullptr;  // set when path and method match
    bool path_known = false;       // the path exists (with other methods when route is null)
    std::string allowed;           // "GET, HEAD, POST" for a 405's Allow header (only without a route)
};

// Finds the route for `method` and `path`. HEAD matches a GET route. A path under `prefix_routes`
// entries (paths ending in '/') matches by prefix.
RouteMatch match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path);

}  // namespace authgate::app
