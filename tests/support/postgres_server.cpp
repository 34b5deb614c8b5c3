// postgres_server.cpp -- initdb, pg_ctl and psql for the throwaway PostgreSQL servers of the tests.
#include "support/postgres_server.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_server.h"

namespace authgate::test {

namespace {

// The cluster's owner when we are root (initdb refuses to run as root).
const char* const kRootOwner = "postgres";

bool is_executable(const std::string& path) {
    return access(path.c_str(), X_OK) == 0;
}

bool has_programs(const std::string& bindir) {
    for (const char* program : {"initdb", "pg_ctl", "postgres", "psql"})
        if (!is_executable(bindir + "/" + program)) return false;
    return true;
}

struct Output {
    int status = -1;
    std::string text;  // stdout and stderr together
};

// Runs `argv` in `directory` (so that a cluster owner without access to our working directory
// can run it), stdin from /dev/null; returns the exit status and everything it printed.
Output run_in(const std::string& directory, const std::vector<std::string>& argv) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (chdir(directory.c_str()) != 0) _exit(126);
        int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        dup2(out[1], 1);
        dup2(out[1], 2);
        close(out[0]);
        close(out[1]);
        std::vector<char*> args;
        for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    close(out[1]);
    Output result;
    char buffer[4096];
    for (;;) {
        ssize_t got = read(out[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        result.text.append(buffer, static_cast<std::size_t>(got));
    }
    close(out[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string joined(const std::vector<std::string>& argv) {
    std::string text;
    for (const auto& arg : argv) text += (text.empty() ? "" : " ") + arg;
    return text;
}

bool required_by_environment() {
    const char* required = std::getenv("AUTHGATE_REQUIRE_SUITES");
    return required && std::string(required) == "1";
}

}  // namespace

std::string postgres_bindir() {
    const char* chosen = std::getenv("AUTHGATE_PG_BINDIR");
    if (chosen && *chosen) return has_programs(chosen) ? chosen : "";
    std::vector<int> versions;
    if (DIR* root = opendir("/usr/lib/postgresql")) {
        while (dirent* entry = readdir(root)) {
            std::string name = entry->d_name;
            if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
                versions.push_back(std::stoi(name));
        }
        closedir(root);
    }
    std::sort(versions.rbegin(), versions.rend());
    for (int version : versions) {
        std::string bindir = "/usr/lib/postgresql/" + std::to_string(version) + "/bin";
        if (has_programs(bindir)) return bindir;
    }
    return "";
}

std::string postgres_missing() {
    if (postgres_bindir().empty())
        return "PostgreSQL's initdb, pg_ctl, postgres and psql were not found in /usr/lib/postgresql/N/bin "
               "(or $AUTHGATE_PG_BINDIR); install postgresql-15";
    if (geteuid() == 0 && !getpwnam(kRootOwner))
        return std::string("running as root, and there is no user '") + kRootOwner + "' to own a test cluster";
    return "";
}

boost::test_tools::assertion_result postgres_available(boost::unit_test::test_unit_id) {
    std::string missing = postgres_missing();
    boost::test_tools::assertion_result result(missing.empty() || required_by_environment());
    result.message() << missing;
    return result;
}

void require_postgres() {
    std::string missing = postgres_missing();
    BOOST_TEST_REQUIRE(missing.empty(), "AUTHGATE_REQUIRE_SUITES is set: " << missing);
}

std::string create_database_on(const std::string& server_uri, const std::string& name) {
    std::string bindir = postgres_bindir();
    if (bindir.empty()) throw std::runtime_error(postgres_missing());
    std::string quoted = "\"";
    for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    auto result = run_in("/", {bindir + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server_uri + "/postgres",
                               "-c", "CREATE DATABASE " + quoted});
    if (result.status != 0) throw std::runtime_error("cannot create the database " + name + ": " + result.text);
    return server_uri + "/" + name;
}

PostgresServer::PostgresServer() : bindir_(postgres_bindir()) {
    if (bindir_.empty()) throw std::runtime_error(postgres_missing());
    std::string pattern = "/tmp/authgate-pg-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    if (geteuid() == 0) {
        const passwd* owner = getpwnam(kRootOwner);
        if (!owner || chown(dir_.c_str(), owner->pw_uid, owner->pw_gid) != 0)
            throw std::runtime_error("cannot give " + dir_ + " to the user " + kRootOwner);
        owner_ = kRootOwner;
    }
    port_ = free_port();
    run_as_owner({bindir_ + "/initdb", "--pgdata", dir_ + "/data", "--username", "authgate", "--auth", "trust",
                  "--encoding", "UTF8", "--locale", "C", "--no-sync", "--no-instructions"});
    // Appended settings win over initdb's. fsync off: a test cluster need not survive a crash of
    // the machine, and the tests run faster.
    std::string settings = "\nlisten_addresses = '127.0.0.1'\nport = " + std::to_string(port_) +
                           "\nunix_socket_directories = '" + dir_ + "'\nmax_connections = 100\n"
                           "shared_buffers = 16MB\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                           "log_min_messages = warning\nlog_line_prefix = '%m [%p] '\n";
    std::string config = read_file(dir_ + "/data/postgresql.conf");
    std::string hba = "local all all trust\nhost all +password_login 127.0.0.1/32 scram-sha-256\n"
                      "host all all 127.0.0.1/32 trust\n";
    // The data directory belongs to the owner; write through a file the owner may read.
    write_file(dir_ + "/postgresql.conf.new", config + settings);
    write_file(dir_ + "/pg_hba.conf.new", hba);
    run_as_owner({"cp", dir_ + "/postgresql.conf.new", dir_ + "/data/postgresql.conf"});
    run_as_owner({"cp", dir_ + "/pg_hba.conf.new", dir_ + "/data/pg_hba.conf"});
    start();
    query_in("postgres", "CREATE DATABASE authgate");
    query_in("postgres", "CREATE ROLE password_login NOLOGIN");
}

PostgresServer::~PostgresServer() {
    if (running_) {
        try {
            run_as_owner({bindir_ + "/pg_ctl", "--pgdata", dir_ + "/data", "--mode", "immediate", "--wait", "stop"});
        } catch (const std::exception&) {
        }
    }
    if (std::getenv("AUTHGATE_KEEP_TEST_DIRS")) return;
    run_in("/", {"rm", "-rf", dir_});
}

std::string PostgresServer::uri(const std::string& database) const {
    return uri_as("authgate", database);
}

std::string PostgresServer::uri_as(const std::string& user, const std::string& database) const {
    return "postgresql://" + user + "@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PostgresServer::create_database(const std::string& name) {
    query_in("postgres", "CREATE DATABASE " + name);
    return uri(name);
}

void PostgresServer::create_password_user(const std::string& user, const std::string& password,
                                          const std::string& database) {
    // A SQL literal ('' for '); query_in passes the SQL in a file, so it is on no command line.
    std::string literal;
    for (char c : password) literal += c == '\'' ? std::string("''") : std::string(1, c);
    query_in(database, "CREATE ROLE " + user + " LOGIN IN ROLE password_login PASSWORD '" + literal + "'");
    query_in(database, "GRANT ALL ON SCHEMA public TO " + user + "; GRANT ALL ON DATABASE " + database + " TO " + user);
}

void PostgresServer::start() {
    run_as_owner({bindir_ + "/pg_ctl", "--pgdata", dir_ + "/data", "--log", dir_ + "/postgres.log", "--wait",
                  "--timeout", "60", "start"});
    running_ = true;
}

void PostgresServer::stop() {
    run_as_owner({bindir_ + "/pg_ctl", "--pgdata", dir_ + "/data", "--mode", "fast", "--wait", "--timeout", "60",
                  "stop"});
    running_ = false;
}

void PostgresServer::restart() {
    stop();
    start();
}

std::string PostgresServer::query(const std::string& sql, const std::vector<std::string>& parameters) const {
    return query_in("authgate", sql, parameters);
}

std::string PostgresServer::scalar(const std::string& sql, const std::vector<std::string>& parameters) const {
    std::string rows = query(sql, parameters);
    return rows.substr(0, rows.find('\n'));
}

std::string PostgresServer::query_in(const std::string& database, const std::string& sql,
                                     const std::vector<std::string>& parameters) const {
    // psql interpolates :'name' in a script file, not in -c; the file is ours alone.
    std::string script = dir_ + "/query-XXXXXX";
    int fd = mkstemp(script.data());
    if (fd < 0) throw std::runtime_error("mkstemp failed in " + dir_);
    close(fd);
    write_file(script, sql + "\n");
    std::vector<std::string> argv = {bindir_ + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"};
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        argv.push_back("-v");
        argv.push_back("p" + std::to_string(i + 1) + "=" + parameters[i]);
    }
    for (const auto& arg : {std::string("-d"), uri(database), std::string("-f"), script}) argv.push_back(arg);
    auto result = run_in(dir_, argv);
    unlink(script.c_str());
    if (result.status != 0) throw std::runtime_error("psql failed on `" + sql + "`: " + result.text);
    return result.text;
}

std::string PostgresServer::log() const {
    return read_file(dir_ + "/postgres.log");
}

void PostgresServer::run_as_owner(const std::vector<std::string>& argv) const {
    std::vector<std::string> command;
    if (!owner_.empty()) command = {"runuser", "-u", owner_, "--"};
    command.insert(command.end(), argv.begin(), argv.end());
    auto result = run_in(dir_, command);
    if (result.status != 0)
        throw std::runtime_error(joined(command) + " failed (exit " + std::to_string(result.status) +
                                 "): " + result.text + log());
}

}  // namespace authgate::test
