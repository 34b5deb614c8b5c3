// application.h -- one worker thread's request handler: its store connection, services and routes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/routes.h"
#include "app/shared_state.h"
#include "auth/services.h"
#include "http/request_handler.h"
#include "store/store.h"
#include "web/request_context.h"
#include "web/static_files.h"

namespace authgate::app {

class Application : public http::RequestHandler {
public:
    // Uses the connection the start-up opened (shared.first_store) if no other Application took it
    // yet, else opens this thread's own connection to the configured database. Build Applications
    // on one thread (main's), before the workers start.
    explicit Application(SharedState& shared);

    // Answers one request; when the database fails in a way the client may retry
    // (store::StoreError::may_retry: unreachable, or busy past its timeout) the answer is 503 with
    // Retry-After: database_retry_seconds.
    http::Response handle(const http::Request& request) override;
    http::Response error_page(int status, const std::string& detail) noexcept override;

    static constexpr long database_retry_seconds = 5;

private:
    // Routes and answers one request (handle() without the 503 for an unreachable database).
    http::Response dispatch(const http::Request& request);
    // True when GET `path` is a route that requires a fresh login.
    bool needs_fresh_login(const std::string& path) const;

    SharedState& shared_;
    std::unique_ptr<store::Store> store_;
    auth::AuthServices auth_;
    web::Services services_;
    web::StaticFiles static_files_;
    std::vector<Route> routes_;
};

}  // namespace authgate::app
