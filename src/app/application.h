// application.h -- one worker thread's request handler: its database connection, services and routes.
#pragma once

#include <string>
#include <vector>

#include "app/routes.h"
#include "app/shared_state.h"
#include "auth/account_service.h"
#include "auth/session_service.h"
#include "auth/throttle.h"
#include "http/request_handler.h"
#include "store/database.h"
#include "store/sqlite_store.h"
#include "web/pages.h"
#include "web/request_context.h"
#include "web/static_files.h"

namespace authgate::app {

class Application : public http::RequestHandler {
public:
    // Opens this thread's own connection to the configured database.
    explicit Application(SharedState& shared);

    http::Response handle(const http::Request& request) override;
    http::Response error_page(int status, const std::string& detail) noexcept override;

private:
    SharedState& shared_;
    store::Connection connection_;
    store::SqliteStore store_;
    auth::AccountService accounts_;
    auth::SessionService sessions_;
    auth::Throttle throttle_;
    web::Services services_;
    web::Pages pages_;
    web::StaticFiles static_files_;
    std::vector<Route> routes_;
};

}  // namespace authgate::app
