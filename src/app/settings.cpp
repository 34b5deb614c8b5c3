// settings.cpp -- Boost.ProgramOptions description of every authgate option and its default.
#include "app/settings.h"

#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <vector>

#include <config.h>

namespace authgate::app {

namespace po = boost::program_options;

namespace {

std::string default_database() {
    return std::string(AUTHGATE_LOCALSTATEDIR) + "/lib/authgate/authgate.db";
}

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode));
    return text;
}

// Option values in the units and spellings people type; their defaults come from Config.
struct RawValues {
    explicit RawValues(const Config& defaults)
        : socket_mode(octal(defaults.socket_mode)),
          max_body(defaults.max_body),
          password_method(crypto::describe(defaults.password_policy)),
          session_protection(auth::protection_name(defaults.auth.session.protection)),
          cookie_secure(defaults.cookie_always_secure ? "always" : "auto"),
          session_idle_minutes(defaults.auth.session.idle_seconds / 60),
          session_absolute_hours(defaults.auth.session.absolute_seconds / 3600),
          remember_days(defaults.auth.session.remember_seconds / 86400),
          email_verification(auth::verification_name(defaults.auth.mail.verification)),
          verify_hours(defaults.auth.mail.verify_seconds / 3600),
          reset_minutes(defaults.auth.mail.reset_seconds / 60) {}
    std::string socket_mode;
    std::size_t max_body;
    std::string config_file;
    std::string password_method;
    std::string session_protection;
    std::string cookie_secure;
    long session_idle_minutes;
    long session_absolute_hours;
    long remember_days;
    std::string email_verification;
    long verify_hours;
    long reset_minutes;
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
        ("threads,t", po::value(&config.threads)->default_value(config.threads)->value_name("N"),
         "request worker threads (1-256); half of them may hash passwords at once, a quarter more may "
         "wait for that, the rest always serve pages")
        ("cgi", po::bool_switch(&config.cgi), "answer one CGI request from the environment and exit")
        ("max-body", po::value(&raw.max_body)->default_value(raw.max_body)->value_name("BYTES"),
         "largest request body accepted (413 above)")
        ("socket-mode", po::value(&raw.socket_mode)->default_value(raw.socket_mode)->value_name("OCTAL"),
         "permissions of a unix socket authgate creates")
        ("socket-group", po::value(&config.socket_group)->value_name("GROUP"),
         "group of a unix socket authgate creates (e.g. www-data)");

    po::options_description files("Files");
    files.add_options()
        ("database,d", po::value(&config.database)->default_value(default_database())->value_name("FILE|URI"),
         "SQLite database file (created and migrated if needed; a Flask users.db works in place), or a "
         "PostgreSQL database as a libpq URI postgresql://USER@HOST:PORT/DBNAME (migrated if needed; "
         "several authgate hosts may share it)")
        ("database-password-file", po::value(&config.database_password_file)->value_name("FILE"),
         "read the PostgreSQL password from the first line of FILE (never give it in the URI on the "
         "command line; libpq's PGPASSFILE works too)")
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
        ("template-reload-interval", po::value(&config.template_reload_interval)->default_value(config.template_reload_interval)
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
        ("password-min-score", po::value(&config.auth.min_password_score)->default_value(config.auth.min_password_score)->value_name("0-4"),
         "lowest zxcvbn strength score a new password may have (0 turns the check off; 2 refuses "
         "common words, names and patterns; 3 or 4 ask for more)")
        ("hash-threads", po::value(&config.hash_threads)->default_value(config.hash_threads)->value_name("N"),
         "password hashes computed at once, on threads of lower CPU priority (0: one per CPU core)")
        ("hash-wait-seconds", po::value(&config.hash_wait_seconds)->default_value(config.hash_wait_seconds)
             ->value_name("N"),
         "a login or registration that cannot start hashing within N seconds (1-60) is answered 503 "
         "with Retry-After")
        ("session-idle-minutes", po::value(&raw.session_idle_minutes)->default_value(raw.session_idle_minutes)->value_name("N"),
         "a session unused this long ends")
        ("session-absolute-hours", po::value(&raw.session_absolute_hours)->default_value(raw.session_absolute_hours)->value_name("N"),
         "a session ends this long after login, used or not")
        ("remember-days", po::value(&raw.remember_days)->default_value(raw.remember_days)->value_name("N"),
         "lifetime of a \"remember me\" chain, counted from the password login (1-365)")
        ("remember-grace-seconds", po::value(&config.auth.session.remember_grace_seconds)
             ->default_value(config.auth.session.remember_grace_seconds)->value_name("N"),
         "a remember cookie replaced less than N seconds ago (0-60) still opens a session: two tabs of one "
         "browser sent it at once; later it counts as theft")
        ("session-protection", po::value(&raw.session_protection)->default_value(raw.session_protection)->value_name("LEVEL"),
         "off, basic (a changed address or browser makes the session non-fresh) or strong (it ends "
         "the session and the remember token)")
        ("login-free-failures", po::value(&config.auth.throttle.free_account_failures)
             ->default_value(config.auth.throttle.free_account_failures)->value_name("N"),
         "failed logins per account per hour before each further attempt must wait (1 s, 2 s, 4 s ...)")
        ("login-address-free-failures", po::value(&config.auth.throttle.free_address_failures)
             ->default_value(config.auth.throttle.free_address_failures)->value_name("N"),
         "failed logins per client address per hour before the same delays apply to that address")
        ("login-max-delay", po::value(&config.auth.throttle.max_delay_seconds)
             ->default_value(config.auth.throttle.max_delay_seconds)->value_name("SECONDS"),
         "the longest delay between failed logins")
        ("registrations-per-hour", po::value(&config.auth.throttle.registrations_per_hour)
             ->default_value(config.auth.throttle.registrations_per_hour)->value_name("N"),
         "registration attempts per client address per hour")
        ("cookie-secure", po::value(&raw.cookie_secure)->default_value(raw.cookie_secure)->value_name("WHEN"),
         "auto (Secure cookies with the __Host- prefix when the request came over HTTPS) or always");

    po::options_description mail("Mail");
    mail.add_options()
        ("public-url", po::value(&config.auth.mail.public_url)->value_name("URL"),
         "the site's address (https://example.com); the base of every link in a mail, never taken from "
         "the request. Without it (or --mail-from) no mail is sent and the mail pages are off")
        ("mail-from", po::value(&config.auth.mail.from)->value_name("ADDRESS"), "From address and envelope sender")
        ("smtp-url", po::value(&config.transport.smtp_url)->value_name("URL"),
         "send through this SMTP server: smtp://HOST:PORT or smtps://HOST:PORT (user may be in the URL); "
         "without it mail goes through --sendmail")
        ("smtp-starttls", po::bool_switch(&config.transport.smtp_starttls), "require STARTTLS on smtp://")
        ("smtp-user", po::value(&config.transport.smtp_user)->value_name("USER"), "SMTP user name")
        ("smtp-password-file", po::value(&config.transport.smtp_password_file)->value_name("FILE"),
         "read the SMTP password from the first line of FILE (never give it on the command line)")
        ("sendmail", po::value(&config.transport.sendmail)->default_value(config.transport.sendmail)->value_name("PATH"),
         "sendmail-compatible program, run as PATH -i -f FROM -- RECIPIENT (no shell)")
        ("mail-retry-seconds", po::value(&config.mail_retry.first_delay_seconds)
             ->default_value(config.mail_retry.first_delay_seconds)->value_name("N"),
         "wait after a failed delivery; doubles per failure up to an hour")
        ("email-verification", po::value(&raw.email_verification)->default_value(raw.email_verification)
             ->value_name("MODE"),
         "off, optional (registration mails a link; unverified accounts can log in) or required "
         "(no login until the address is verified)")
        ("verify-hours", po::value(&raw.verify_hours)->default_value(raw.verify_hours)->value_name("N"),
         "lifetime of an address verification link")
        ("reset-minutes", po::value(&raw.reset_minutes)->default_value(raw.reset_minutes)->value_name("N"),
         "lifetime of a password reset link");

    po::options_description all;
    all.add(general).add(server).add(files).add(accounts).add(mail);
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
    config.auth.session.protection = *protection;
    if (raw.cookie_secure != "auto" && raw.cookie_secure != "always")
        throw ConfigError("--cookie-secure must be auto or always");
    config.cookie_always_secure = raw.cookie_secure == "always";
    if (raw.session_idle_minutes < 1 || raw.session_idle_minutes > 525600)
        throw ConfigError("--session-idle-minutes must be between 1 and 525600");
    if (raw.session_absolute_hours < 1 || raw.session_absolute_hours > 8760)
        throw ConfigError("--session-absolute-hours must be between 1 and 8760");
    if (raw.remember_days < 1 || raw.remember_days > 365) throw ConfigError("--remember-days must be between 1 and 365");
    config.auth.session.idle_seconds = raw.session_idle_minutes * 60;
    config.auth.session.absolute_seconds = raw.session_absolute_hours * 3600;
    config.auth.session.remember_seconds = raw.remember_days * 86400;
    if (config.auth.session.remember_grace_seconds < 0 || config.auth.session.remember_grace_seconds > 60)
        throw ConfigError("--remember-grace-seconds must be between 0 and 60");
    const auto& throttle = config.auth.throttle;
    if (throttle.free_account_failures < 1 || throttle.free_account_failures > 100)
        throw ConfigError("--login-free-failures must be between 1 and 100");
    if (throttle.free_address_failures < 1 || throttle.free_address_failures > 100000)
        throw ConfigError("--login-address-free-failures must be between 1 and 100000");
    if (throttle.max_delay_seconds < 1 || throttle.max_delay_seconds > 86400)
        throw ConfigError("--login-max-delay must be between 1 and 86400");
    if (throttle.registrations_per_hour < 1 || throttle.registrations_per_hour > 100000)
        throw ConfigError("--registrations-per-hour must be between 1 and 100000");
    if (config.auth.min_password_score < 0 || config.auth.min_password_score > 4)
        throw ConfigError("--password-min-score must be between 0 and 4");
    auto verification = auth::parse_verification(raw.email_verification);
    if (!verification) throw ConfigError("--email-verification must be off, optional or required");
    config.auth.mail.verification = *verification;
    if (raw.verify_hours < 1 || raw.verify_hours > 720) throw ConfigError("--verify-hours must be between 1 and 720");
    if (raw.reset_minutes < 5 || raw.reset_minutes > 1440)
        throw ConfigError("--reset-minutes must be between 5 and 1440");
    if (config.mail_retry.first_delay_seconds < 1 || config.mail_retry.first_delay_seconds > 3600)
        throw ConfigError("--mail-retry-seconds must be between 1 and 3600");
    config.auth.mail.verify_seconds = raw.verify_hours * 3600;
    config.auth.mail.reset_seconds = raw.reset_minutes * 60;
    const std::string& url = config.auth.mail.public_url;
    if (!url.empty() && url.compare(0, 7, "http://") != 0 && url.compare(0, 8, "https://") != 0)
        throw ConfigError("--public-url must start with http:// or https://");
    for (unsigned char c : url + config.auth.mail.from)
        if (c <= 0x20 || c == 0x7F) throw ConfigError("--public-url and --mail-from must not hold spaces or control characters");
    const std::string& smtp = config.transport.smtp_url;
    if (!smtp.empty() && smtp.compare(0, 7, "smtp://") != 0 && smtp.compare(0, 8, "smtps://") != 0)
        throw ConfigError("--smtp-url must start with smtp:// or smtps://");
    if (config.hash_threads > 256) throw ConfigError("--hash-threads must be between 0 and 256");
    if (config.hash_wait_seconds < 1 || config.hash_wait_seconds > 60)
        throw ConfigError("--hash-wait-seconds must be between 1 and 60");
}

void check(const Config& config) {
    if (config.threads < 1 || config.threads > 256) throw ConfigError("--threads must be between 1 and 256");
    if (config.max_body < 1024 || config.max_body > 64 * 1024 * 1024)
        throw ConfigError("--max-body must be between 1024 and 67108864 bytes");
    if (config.template_reload_interval < 0) throw ConfigError("--template-reload-interval must be 0 or more");
    if (config.database.empty()) throw ConfigError("--database must name a file or a postgresql:// URI");
}

// The first line of the password file, without its line end. Read once, when the settings are read.
std::string read_password_file(const std::string& file) {
    std::ifstream stream(file);
    if (!stream) throw ConfigError("cannot read the database password file " + file);
    std::string password;
    std::getline(stream, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.empty()) throw ConfigError("the database password file " + file + " is empty");
    return password;
}

// Checks and converts what `values` read into `config`.
void finish(Config& config, const RawValues& raw) {
    config.socket_mode = parse_mode(raw.socket_mode);
    config.max_body = raw.max_body;
    apply_account_options(config, raw);
    check(config);
    if (!config.database_password_file.empty()) config.database_password = read_password_file(config.database_password_file);
}

// Adds the options of config file `file` to `values` (which already hold the command line's).
void store_config_file(const std::string& file, const po::options_description& options, po::variables_map& values) {
    std::ifstream stream(file);
    if (!stream) throw ConfigError("cannot read config file " + file);
    po::store(po::parse_config_file(stream, options), values);
}

}  // namespace

ParsedConfig parse_config(int argc, char** argv) {
    Config config;
    RawValues raw(config);
    po::options_description options = describe_options(config, raw);
    po::variables_map values;
    try {
        po::store(po::command_line_parser(argc, argv).options(options).run(), values);
        if (values.count("config")) store_config_file(values["config"].as<std::string>(), options, values);
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
    finish(config, raw);
    return {config, 0};
}

Config load_config(const std::string& config_file, const std::optional<std::string>& database) {
    Config config;
    RawValues raw(config);
    po::options_description options = describe_options(config, raw);
    po::variables_map values;
    try {
        if (database) {
            const std::vector<std::string> given = {"--database", *database};
            po::store(po::command_line_parser(given).options(options).run(), values);
        }
        if (!config_file.empty()) store_config_file(config_file, options, values);
        po::notify(values);
    } catch (const po::error& error) {
        throw ConfigError(error.what());
    }
    finish(config, raw);
    return config;
}

}  // namespace authgate::app
