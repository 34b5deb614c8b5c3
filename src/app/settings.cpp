// settings.cpp -- Boost.ProgramOptions description of every authgate option and its default.
#include "app/settings.h"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include <config.h>

namespace authgate::app {

namespace po = boost::program_options;

namespace {

std::string default_database() {
    return std::string(AUTHGATE_LOCALSTATEDIR) + "/lib/authgate/authgate.db";
}

// Option values that need converting after parsing.
struct RawValues {
    std::string socket_mode = "0660";
    std::size_t max_body = 64 * 1024;
    std::string config_file;
    std::string password_method = "pbkdf2:sha256:600000";
    std::string session_protection = "basic";
    std::string cookie_secure = "auto";
    long session_idle_minutes = 60;
    long session_absolute_hours = 24;
    long remember_days = 14;
};

po::options_description describe_options(Config& config, RawValues& raw) {
    po::options_description general("General");
    general.add_options()
        ("help,h", "print this help and exit")
        ("version,V", "print the version and exit")
        ("config,c", po::value(&raw.config_file)->value_name("FILE"),
         "read options from FILE (name = value lines; the command line wins)");

    po::options_description server("Server");
    server.add_options()
        ("listen,l", po::value(&config.listen)->value_name("ADDR"),
         "listen on unix:/path/to.sock or 127.0.0.1:PORT, unless a socket is inherited on fd 3 "
         "from systemd or fd 0 from spawn-fcgi or mod_fcgid (with neither: answer one CGI request)")
        ("threads,t", po::value(&config.threads)->default_value(4)->value_name("N"), "worker threads (1-256)")
        ("cgi", po::bool_switch(&config.cgi), "answer one CGI request from the environment and exit")
        ("max-body", po::value(&raw.max_body)->default_value(64 * 1024)->value_name("BYTES"),
         "largest request body accepted (413 above)")
        ("socket-mode", po::value(&raw.socket_mode)->default_value("0660")->value_name("OCTAL"),
         "permissions of a unix socket authgate creates")
        ("socket-group", po::value(&config.socket_group)->value_name("GROUP"),
         "group of a unix socket authgate creates (e.g. www-data)");

    po::options_description files("Files");
    files.add_options()
        ("database,d", po::value(&config.database)->default_value(default_database())->value_name("FILE"),
         "SQLite database (created and migrated if needed; a Flask users.db works in place)")
        ("templates", po::value(&config.site_templates)->value_name("DIR"),
         "site template directory, searched before the installed templates")
        ("audit-log", po::value(&config.audit_log)->value_name("FILE"),
         "append security events (logins, logouts, registrations...) to FILE instead of stderr")
        ("data-group", po::value(&config.data_group)->value_name("GROUP"),
         "make the database files and the audit log 0640 and owned by GROUP (default: 0600, "
         "readable by authgate's user only)")
        ("template-root", po::value(&config.installed_templates)
             ->default_value(std::string(AUTHGATE_PKGDATADIR) + "/templates")->value_name("DIR"),
         "the installed templates")
        ("template-reload-interval", po::value(&config.template_reload_interval)->default_value(2)
             ->value_name("SECONDS"),
         "check templates for changes this often (0: only on SIGHUP)")
        ("static", po::value(&config.static_dir)->default_value(std::string(AUTHGATE_PKGDATADIR) + "/static")
             ->value_name("DIR"),
         "static files (served by the web server; authgate serves /static/ itself as a fallback)");

    po::options_description accounts("Accounts and sessions");
    accounts.add_options()
        ("password-method", po::value(&raw.password_method)->default_value(raw.password_method)->value_name("METHOD"),
         "hash for new and upgraded passwords, in werkzeug's notation: pbkdf2:DIGEST:ITERATIONS or "
         "scrypt:N:R:P (e.g. scrypt:32768:8:1)")
        ("password-min-score", po::value(&config.min_password_score)->default_value(2)->value_name("0-4"),
         "lowest zxcvbn strength score a new password may have (0 turns the check off; 2 refuses "
         "common words, names and patterns; 3 or 4 ask for more)")
        ("hash-threads", po::value(&config.hash_threads)->default_value(0)->value_name("N"),
         "password hashes computed at once (0: one per CPU core)")
        ("session-idle-minutes", po::value(&raw.session_idle_minutes)->default_value(60)->value_name("N"),
         "a session unused this long ends")
        ("session-absolute-hours", po::value(&raw.session_absolute_hours)->default_value(24)->value_name("N"),
         "a session ends this long after login, used or not")
        ("remember-days", po::value(&raw.remember_days)->default_value(14)->value_name("N"),
         "lifetime of the \"remember me\" cookie (1-365)")
        ("session-protection", po::value(&raw.session_protection)->default_value("basic")->value_name("LEVEL"),
         "off, basic (a changed address or browser makes the session non-fresh) or strong (it ends "
         "the session and the remember token)")
        ("login-free-failures", po::value(&config.throttle.free_account_failures)->default_value(5)->value_name("N"),
         "failed logins per account per hour before each further attempt must wait (1 s, 2 s, 4 s ...)")
        ("login-address-free-failures", po::value(&config.throttle.free_address_failures)->default_value(20)
             ->value_name("N"),
         "failed logins per client address per hour before the same delays apply to that address")
        ("login-max-delay", po::value(&config.throttle.max_delay_seconds)->default_value(900)->value_name("SECONDS"),
         "the longest delay between failed logins")
        ("registrations-per-hour", po::value(&config.throttle.registrations_per_hour)->default_value(20)
             ->value_name("N"),
         "registration attempts per client address per hour")
        ("cookie-secure", po::value(&raw.cookie_secure)->default_value("auto")->value_name("WHEN"),
         "auto (Secure cookies with the __Host- prefix when the request came over HTTPS) or always");

    po::options_description all;
    all.add(general).add(server).add(files).add(accounts);
    return all;
}

mode_t parse_mode(const std::string& text) {
    if (text.empty() || text.size() > 4 || text.find_first_not_of("01234567") != std::string::npos)
        throw ConfigError("--socket-mode must be an octal number such as 0660, not '" + text + "'");
    return static_cast<mode_t>(std::stoul(text, nullptr, 8));
}

void apply_account_options(Config& config, const RawValues& raw) {
    auto policy = crypto::parse_hash_policy(raw.password_method);
    if (!policy) throw ConfigError("--password-method: " + crypto::method_problem(raw.password_method));
    config.password_policy = *policy;
    auto protection = auth::parse_session_protection(raw.session_protection);
    if (!protection) throw ConfigError("--session-protection must be off, basic or strong");
    config.session.protection = *protection;
    if (raw.cookie_secure != "auto" && raw.cookie_secure != "always")
        throw ConfigError("--cookie-secure must be auto or always");
    config.cookie_always_secure = raw.cookie_secure == "always";
    if (raw.session_idle_minutes < 1 || raw.session_idle_minutes > 525600)
        throw ConfigError("--session-idle-minutes must be between 1 and 525600");
    if (raw.session_absolute_hours < 1 || raw.session_absolute_hours > 8760)
        throw ConfigError("--session-absolute-hours must be between 1 and 8760");
    if (raw.remember_days < 1 || raw.remember_days > 365) throw ConfigError("--remember-days must be between 1 and 365");
    config.session.idle_seconds = raw.session_idle_minutes * 60;
    config.session.absolute_seconds = raw.session_absolute_hours * 3600;
    config.session.remember_seconds = raw.remember_days * 86400;
    const auto& throttle = config.throttle;
    if (throttle.free_account_failures < 1 || throttle.free_account_failures > 100)
        throw ConfigError("--login-free-failures must be between 1 and 100");
    if (throttle.free_address_failures < 1 || throttle.free_address_failures > 100000)
        throw ConfigError("--login-address-free-failures must be between 1 and 100000");
    if (throttle.max_delay_seconds < 1 || throttle.max_delay_seconds > 86400)
        throw ConfigError("--login-max-delay must be between 1 and 86400");
    if (throttle.registrations_per_hour < 1 || throttle.registrations_per_hour > 100000)
        throw ConfigError("--registrations-per-hour must be between 1 and 100000");
    if (config.min_password_score < 0 || config.min_password_score > 4)
        throw ConfigError("--password-min-score must be between 0 and 4");
    if (config.hash_threads > 256) throw ConfigError("--hash-threads must be between 0 and 256");
}

void check(const Config& config) {
    if (config.threads < 1 || config.threads > 256) throw ConfigError("--threads must be between 1 and 256");
    if (config.max_body < 1024 || config.max_body > 64 * 1024 * 1024)
        throw ConfigError("--max-body must be between 1024 and 67108864 bytes");
    if (config.template_reload_interval < 0) throw ConfigError("--template-reload-interval must be 0 or more");
    if (config.database.empty()) throw ConfigError("--database must name a file");
}

}  // namespace

ParsedConfig parse_config(int argc, char** argv) {
    Config config;
    RawValues raw;
    po::options_description options = describe_options(config, raw);
    po::variables_map values;
    try {
        po::store(po::command_line_parser(argc, argv).options(options).run(), values);
        if (values.count("config")) {
            std::string file = values["config"].as<std::string>();
            std::ifstream stream(file);
            if (!stream) throw ConfigError("cannot read config file " + file);
            po::store(po::parse_config_file(stream, options), values);
        }
        po::notify(values);
    } catch (const po::error& error) {
        throw ConfigError(error.what());
    }
    if (values.count("help")) {
        std::cout << "Usage: authgate [OPTION]...\n"
                     "A login system for web sites, run as a FastCGI responder (or CGI program).\n"
                  << options << "\n";
        return {std::nullopt, 0};
    }
    if (values.count("version")) {
        std::cout << PACKAGE_STRING << "\n";
        return {std::nullopt, 0};
    }
    config.socket_mode = parse_mode(raw.socket_mode);
    config.max_body = raw.max_body;
    apply_account_options(config, raw);
    check(config);
    return {config, 0};
}

}  // namespace authgate::app
