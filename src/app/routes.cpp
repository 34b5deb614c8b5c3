// routes.cpp -- matching a request against the route table.
#include "app/routes.h"

#include <set>

namespace authgate::app {

namespace {

bool path_matches(const std::string& pattern, const std::string& path) {
    if (!pattern.empty() && pattern.back() == '/' && pattern.size() > 1)
        return path.size() > pattern.size() && path.compare(0, pattern.size(), pattern) == 0;
    return pattern == path;
}

}  // namespace

RouteMatch match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path) {
    RouteMatch match;
    for (const auto& route : routes) {
        if (!path_matches(route.path, path)) continue;
        match.path_known = true;
        if (route.method == method || (method == "HEAD" && route.method == "GET")) {
            match.route = &route;
            return match;  // `allowed` is only for a 405: no need to collect it
        }
    }
    if (!match.path_known) return match;
    std::set<std::string> methods;
    for (const auto& route : routes) {
        if (!path_matches(route.path, path)) continue;
        methods.insert(route.method);
        if (route.method == "GET") methods.insert("HEAD");
    }
    for (const auto& name : methods) match.allowed += (match.allowed.empty() ? "" : ", ") + name;
    return match;
}

}  // namespace authgate::app
