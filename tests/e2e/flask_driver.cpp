// flask_driver.cpp -- the system Python running tests/flask_app/driver.py, and the check that it can.
#include "flask_driver.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <stdexcept>

#include "support/test_server.h"

namespace authgate::test {

namespace {

const char* const kPackages[][2] = {{"psycopg2", "python3-psycopg2"}};

std::string package_of(const std::string& module) {
    for (const auto& known : kPackages)
        if (module == known[0]) return known[1];
    return "python3-" + module;
}

}  // namespace

std::string flask_missing(const std::vector<std::string>& more_modules) {
    std::string imports = "import flask, flask_login, flask_sqlalchemy";
    std::string packages = "python3-flask python3-flask-login python3-flask-sqlalchemy";
    for (const auto& module : more_modules) {
        imports += ", " + module;
        packages += " " + package_of(module);
    }
    auto result = run_command({required_env("SYSTEM_PYTHON3"), "-c", imports}, "", {"PYTHONDONTWRITEBYTECODE=1"});
    if (result.status == 0) return "";
    std::string reason = result.err.empty() ? "exit " + std::to_string(result.status) : result.err;
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    auto last_line = reason.rfind('\n');
    if (last_line != std::string::npos) reason = reason.substr(last_line + 1);
    return required_env("SYSTEM_PYTHON3") + " cannot `" + imports + "` (" + reason + "); install " + packages;
}

std::vector<FlaskAnswer> run_flask(const std::string& database, const std::vector<std::vector<std::string>>& commands) {
    std::string input;
    for (const auto& command : commands) {
        std::string line;
        for (const auto& field : command) line += (line.empty() ? "" : "\t") + field;
        input += line + "\n";
    }
    auto result = run_command({required_env("SYSTEM_PYTHON3"),
                               required_env("AUTHGATE_SRCDIR") + "/tests/flask_app/driver.py", database},
                              input, {"PYTHONDONTWRITEBYTECODE=1"});
    if (result.status != 0) throw std::runtime_error("tests/flask_app/driver.py failed: " + result.err);
    std::vector<FlaskAnswer> answers;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        FlaskAnswer answer;
        std::size_t start = 0;
        for (;;) {
            auto tab = line.find('\t', start);
            answer.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        answers.push_back(answer);
    }
    if (answers.size() != commands.size())
        throw std::runtime_error("tests/flask_app/driver.py answered " + std::to_string(answers.size()) + " lines for " +
                                 std::to_string(commands.size()) + " commands: " + result.out + result.err);
    return answers;
}

void check_authgate_login(const TestServer& server, const Account& user) {
    BOOST_TEST_CONTEXT("authgate login of " << user.email) {
        HttpClient client(server.base_url());
        auto response = log_in(client, user.email, user.password);
        BOOST_TEST(response.status == 302);
        BOOST_TEST(response.header("Location") == "/dashboard");
        auto dashboard = client.get("/dashboard");
        BOOST_TEST(dashboard.status == 200);
        BOOST_TEST(contains(dashboard.body, user.username));
    }
}

}  // namespace authgate::test
