// application.cpp -- the route table and dispatch for one worker thread.
#include "app/application.h"

namespace authgate::app {

Application::Application(const Config& config, web::View& view)
    : config_(config),
      connection_(config.database),
      pages_(view),
      static_files_(config.static_dir),
      routes_(make_routes()) {}

std::vector<Route> Application::make_routes() {
    using http::Request;
    return {
        {"GET", "/", [this](const Request& r) { return pages_.home(r); }, Access::anyone},
        {"GET", "/static/",
         [this](const Request& r) {
             auto file = static_files_.serve(r.path.substr(std::string("/static/").size()));
             return file ? *file : pages_.error(404);
         },
         Access::anyone},
    };
}

http::Response Application::handle(const http::Request& request) {
    RouteMatch match = match_route(routes_, request.method, request.path);
    if (!match.path_known) return pages_.error(404);
    if (!match.route) {
        http::Response response = pages_.error(405);
        response.add_header("Allow", match.allowed);
        return response;
    }
    return match.route->handler(request);
}

http::Response Application::error_page(int status, const std::string&) noexcept {
    return pages_.error(status);
}

}  // namespace authgate::app
