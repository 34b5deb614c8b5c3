// settings.h -- authgate's settings, read from the command line and an optional config file.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/types.h>

#include "auth/session_settings.h"
#include "auth/throttle.h"
#include "crypto/password_hash.h"

namespace authgate::app {

// A bad option or value; the message is one line naming the problem.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Config {
    std::string listen;               // "unix:/path" or "127.0.0.1:PORT"; empty: inherited socket or CGI
    int threads = 4;
    std::string database;
    std::string site_templates;       // searched first; empty: none
    std::string installed_templates;  // the templates shipped with authgate
    std::string static_dir;
    std::size_t max_body = 64 * 1024;
    int template_reload_interval = 2; // seconds; 0 = only on SIGHUP
    mode_t socket_mode = 0660;
    std::string socket_group;
    bool cgi = false;

    crypto::HashPolicy password_policy = crypto::default_hash_policy();
    int min_password_score = 2;       // zxcvbn score 0-4 a new password needs
    unsigned hash_threads = 0;        // concurrent password hashes; 0 = number of cores
    auth::SessionSettings session;
    auth::ThrottleSettings throttle;
    bool cookie_always_secure = false;
    std::string audit_log;            // empty: stderr
    std::string data_group;           // group that may read the database and audit log; empty: none
};

// The outcome of reading the command line: settings to run with, or an exit status after
// --help/--version printed their text.
struct ParsedConfig {
    std::optional<Config> config;
    int exit_status = 0;
};

// Reads options from argv and, when --config FILE is given, from FILE (same names, "name = value"
// lines; the command line wins). Throws ConfigError on unknown options, bad values or an unreadable
// config file.
ParsedConfig parse_config(int argc, char** argv);

}  // namespace authgate::app
