// application.h -- one worker thread's request handler: its database connection, handlers and routes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/settings.h"
#include "app/routes.h"
#include "http/request_handler.h"
#include "store/database.h"
#include "web/pages.h"
#include "web/static_files.h"
#include "web/view.h"

namespace authgate::app {

class Application : public http::RequestHandler {
public:
    // Opens this thread's own connection to the configured database. `view` is shared.
    Application(const Config& config, web::View& view);

    http::Response handle(const http::Request& request) override;
    http::Response error_page(int status, const std::string& detail) noexcept override;

private:
    std::vector<Route> make_routes();

    const Config& config_;
    store::Connection connection_;
    web::Pages pages_;
    web::StaticFiles static_files_;
    std::vector<Route> routes_;
};

}  // namespace authgate::app
