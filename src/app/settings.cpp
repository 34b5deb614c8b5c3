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

po::options_description describe_options(Config& config, std::string& socket_mode_text,
                                         std::size_t& max_body, std::string& config_file) {
    po::options_description general("General");
    general.add_options()
        ("help,h", "print this help and exit")
        ("version,V", "print the version and exit")
        ("config,c", po::value(&config_file)->value_name("FILE"),
         "read options from FILE (name = value lines; the command line wins)");

    po::options_description server("Server");
    server.add_options()
        ("listen,l", po::value(&config.listen)->value_name("ADDR"),
         "listen on unix:/path/to.sock or 127.0.0.1:PORT (default: inherit a socket on fd 3 "
         "from systemd or fd 0 from spawn-fcgi, else answer one CGI request)")
        ("threads,t", po::value(&config.threads)->default_value(4)->value_name("N"), "worker threads (1-256)")
        ("cgi", po::bool_switch(&config.cgi), "answer one CGI request from the environment and exit")
        ("max-body", po::value(&max_body)->default_value(64 * 1024)->value_name("BYTES"),
         "largest request body accepted (413 above)")
        ("socket-mode", po::value(&socket_mode_text)->default_value("0660")->value_name("OCTAL"),
         "permissions of a unix socket authgate creates")
        ("socket-group", po::value(&config.socket_group)->value_name("GROUP"),
         "group of a unix socket authgate creates (e.g. www-data)");

    po::options_description files("Files");
    files.add_options()
        ("database,d", po::value(&config.database)->default_value(default_database())->value_name("FILE"),
         "SQLite database (created and migrated if needed; a Flask users.db works in place)")
        ("templates", po::value(&config.site_templates)->value_name("DIR"),
         "site template directory, searched before the installed templates")
        ("template-root", po::value(&config.installed_templates)
             ->default_value(std::string(AUTHGATE_PKGDATADIR) + "/templates")->value_name("DIR"),
         "the installed templates")
        ("template-reload-interval", po::value(&config.template_reload_interval)->default_value(2)
             ->value_name("SECONDS"),
         "check templates for changes this often (0: only on SIGHUP)")
        ("static", po::value(&config.static_dir)->default_value(std::string(AUTHGATE_PKGDATADIR) + "/static")
             ->value_name("DIR"),
         "static files (served by the web server; authgate serves /static/ itself as a fallback)");

    po::options_description all;
    all.add(general).add(server).add(files);
    return all;
}

mode_t parse_mode(const std::string& text) {
    if (text.empty() || text.size() > 4 || text.find_first_not_of("01234567") != std::string::npos)
        throw ConfigError("--socket-mode must be an octal number such as 0660, not '" + text + "'");
    return static_cast<mode_t>(std::stoul(text, nullptr, 8));
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
    std::string socket_mode_text;
    std::size_t max_body = 0;
    std::string config_file;
    po::options_description options = describe_options(config, socket_mode_text, max_body, config_file);
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
    config.socket_mode = parse_mode(socket_mode_text);
    config.max_body = max_body;
    check(config);
    return {config, 0};
}

}  // namespace authgate::app
