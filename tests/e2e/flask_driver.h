// flask_driver.h -- runs tests/flask_app/driver.py (the Flask app of the test suite, through Flask's
// test client) on a SQLite file or a database URI, for the tests of sharing a database with Flask.
#pragma once

#include <string>
#include <vector>

#include "support/auth_flow.h"
#include "support/test_server.h"

namespace authgate::test {

using FlaskAnswer = std::vector<std::string>;

// Why the Flask app cannot run here ("" when it can): the system Python must import Flask,
// Flask-Login and Flask-SQLAlchemy, and each module of `more_modules` (e.g. "psycopg2").
std::string flask_missing(const std::vector<std::string>& more_modules = {});

// Runs driver.py on `database` with one command per line (fields joined by tabs); returns one
// answer per command, split on tabs. Throws std::runtime_error when the driver fails.
std::vector<FlaskAnswer> run_flask(const std::string& database, const std::vector<std::vector<std::string>>& commands);

// Checks (Boost.Test assertions) that `user` logs in to `server` and sees the dashboard with their name.
void check_authgate_login(const TestServer& server, const Account& user);

}  // namespace authgate::test
