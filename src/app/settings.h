// settings.h -- authgate's settings, read from the command line and an optional config file.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/types.h>

#include "auth/services.h"
#include "crypto/password_hash.h"
#include "mail/outbox_sender.h"
#include "mail/transport.h"

namespace authgate::app {

// A bad option or value; the message is one line naming the problem.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Every setting with its default; the defaults are declared here (and in the auth/ settings
// structs this holds) and nowhere else: the option table and --help show these values.
struct Config {
    std::string listen;               // "unix:/path" or "127.0.0.1:PORT"; empty: inherited socket or CGI
    int threads = 16;                 // request workers; half may hash, a quarter always serve pages
    std::string database;             // a SQLite file or a postgresql:// URI; default: $(localstatedir)/lib/authgate/authgate.db
    std::string database_password_file;  // PostgreSQL: the password is the first line of this file; empty: none
    std::string database_password;    // read from database_password_file when the settings are read
    std::string site_templates;       // searched first; empty: none
    std::string installed_templates;  // the templates shipped with authgate
    std::string static_dir;
    std::size_t max_body = 64 * 1024;
    int template_reload_interval = 2; // seconds; 0 = only on SIGHUP
    mode_t socket_mode = 0660;
    std::string socket_group;
    bool cgi = false;

    crypto::HashPolicy password_policy = crypto::default_hash_policy();
    unsigned hash_threads = 0;        // hashing threads; 0 = number of cores
    int hash_wait_seconds = 2;        // a login that cannot start hashing this soon gets 503
    auth::AuthSettings auth;
    bool cookie_always_secure = false;
    std::string audit_log;            // empty: stderr
    mail::RetrySettings mail_retry;     // backoff of failed deliveries
    mail::TransportSettings transport;  // SMTP URL or the sendmail program (auth.mail: links, From, verification)
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

// The settings authgate runs with when started as `authgate [--database DATABASE] --config CONFIG_FILE`:
// for the programs beside it (authgate-admin) that must find the same database, password policy
// and lifetimes. An empty `config_file` reads none. Throws ConfigError as parse_config does.
Config load_config(const std::string& config_file, const std::optional<std::string>& database);

}  // namespace authgate::app
