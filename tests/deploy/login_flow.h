// login_flow.h -- the whole visitor flow, checked against any deployment's base URL.
#pragma once

#include <string>

namespace authgate::test {

// An anonymous visitor is sent from /dashboard to /login?next=%2Fdashboard; then register, log in
// (to the dashboard, with the CSRF tokens of the forms), see the dashboard, log out and be sent to
// the login page again. Checks each step with BOOST_TEST; `context` goes into every message.
void check_login_flow(const std::string& base_url, const std::string& context);

}  // namespace authgate::test
