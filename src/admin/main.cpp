// main.cpp -- authgate-admin: the global options, the command table and its dispatch.
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "config.h"

#include "admin/command.h"
#include "admin/copy_command.h"
#include "admin/database_commands.h"
#include "admin/mail_commands.h"
#include "admin/password_commands.h"
#include "app/settings.h"
#include "store/store.h"

namespace authgate::admin {
namespace {

// Every command, in --help order. Adding a command is adding one line here.
constexpr Command kCommands[] = {
    {"user add", "EMAIL USERNAME", "add an account; its password is read from stdin", user_add_command},
    {"user list", "[--json]", "list the accounts", user_list_command},
    {"user show", "USER [--json]", "show one account, its sessions and groups", user_show_command},
    {"user set-password", "USER", "replace the password (from stdin); ends the user's sessions",
     user_set_password_command},
    {"user disable", "USER", "refuse the account's logins and end its sessions", user_disable_command},
    {"user enable", "USER", "allow the account's logins again", user_enable_command},
    {"user delete", "USER", "delete the account, its sessions, remember chains and groups", user_delete_command},
    {"user verify-email", "USER", "mark the account's email as verified", user_verify_email_command},
    {"group add", "USER GROUP", "put the account in GROUP", group_add_command},
    {"group remove", "USER GROUP", "take the account out of GROUP", group_remove_command},
    {"group list", "[GROUP] [--json]", "list the members of every group or of GROUP", group_list_command},
    {"session list", "[--user USER] [--json]", "list the sessions (never their tokens)", session_list_command},
    {"session revoke", "ID | --user USER", "end one session, or every session of USER", session_revoke_command},
    {"purge", "[--json]", "remove expired sessions and remember chains and old attempts", purge_command},
    {"stats", "[--json]", "count accounts, sessions, chains, recent attempts", stats_command},
    {"check", "[--json]", "integrity, schema level and orphan rows; exit 1 on a problem", check_command},
    {"hash-password", "[--method M]", "read a password line from stdin and print its hash", hash_password_command},
    {"check-password", "HASH", "read a password line from stdin; exit 0 match, 1 no match, 2 bad hash",
     check_password_command},
    {"mail", "queue [--database FILE|URI]", "list the mail waiting in the outbox (attempts, next try, last error)",
     mail_command},
    {"copy", "--from FILE --to URI [--force]", "copy a SQLite database into PostgreSQL (ids and hashes kept)",
     copy_command},
};

void print_usage(std::ostream& out) {
    out << "usage: authgate-admin [--config FILE] [--database FILE] COMMAND [ARGS...]\n"
           "       authgate-admin --help | --version\n\n"
           "Options:\n"
           "  -c, --config FILE    read authgate's config file (the database, password rules, lifetimes)\n"
           "  -d, --database FILE  the database (a SQLite file or a postgresql:// URI), instead of the\n"
           "                       config file's\n\n"
           "Commands (USER is an email or a username):\n";
    for (const Command& command : kCommands) {
        const std::string head = std::string(command.name) + " " + command.synopsis;
        out << "  " << head << std::string(head.size() < 38 ? 38 - head.size() : 1, ' ') << command.summary << '\n';
    }
    out << "\nRun 'authgate-admin COMMAND --help' for the options of one command.\n"
           "Exit status: 0 success, 1 refused, not found or a check answered no, 2 usage error or malformed "
           "input.\n\n"
        << password_hash_help();
}

// Reads the options before the command into `global`; returns the index of the command word, or
// -1 after reporting a usage error.
int parse_global(int argc, char** argv, GlobalOptions& global) {
    int i = 1;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value_of = [&](const std::string& long_name, const std::string& short_name,
                            std::string& value) -> int {  // 1 taken, 0 not this option, -1 missing value
            if (arg == long_name || arg == short_name) {
                if (i + 1 >= argc) return -1;
                value = argv[++i];
                return 1;
            }
            if (arg.rfind(long_name + "=", 0) == 0) {
                value = arg.substr(long_name.size() + 1);
                return 1;
            }
            return 0;
        };
        std::string value;
        int taken = value_of("--config", "-c", value);
        if (taken == 1) {
            global.config_file = value;
            continue;
        }
        if (taken == 0) taken = value_of("--database", "-d", value);
        if (taken == 1) {
            global.database = value;
            continue;
        }
        if (taken == -1) {
            std::cerr << "authgate-admin: " << arg << " needs a FILE\n";
            return -1;
        }
        break;
    }
    return i;
}

int run(int argc, char** argv) {
    GlobalOptions global;
    const int first = parse_global(argc, argv, global);
    if (first < 0) return exit_usage;
    CommandIo io{std::cin, STDIN_FILENO, std::cout, std::cerr, global};
    if (first >= argc) {
        print_usage(std::cerr);
        return exit_usage;
    }
    const std::string_view name = argv[first];
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(std::cout);
        return exit_ok;
    }
    if (name == "--version") {
        std::cout << "authgate-admin (" PACKAGE_NAME ") " PACKAGE_VERSION "\n";
        return exit_ok;
    }
    const std::string two_words = first + 1 < argc ? std::string(name) + " " + argv[first + 1] : "";
    for (const Command& command : kCommands) {
        if (two_words == command.name)
            return command.run(std::vector<std::string>(argv + first + 2, argv + argc), io);
        if (name == command.name) return command.run(std::vector<std::string>(argv + first + 1, argv + argc), io);
    }
    const bool has_verbs = name == "user" || name == "group" || name == "session";
    std::cerr << "authgate-admin: unknown command '" << (has_verbs && !two_words.empty() ? two_words : std::string(name))
              << "'\n";
    print_usage(std::cerr);
    return exit_usage;
}

}  // namespace
}  // namespace authgate::admin

int main(int argc, char** argv) {
    try {
        return authgate::admin::run(argc, argv);
    } catch (const authgate::app::ConfigError& e) {
        std::cerr << "authgate-admin: " << e.what() << '\n';
        return authgate::admin::exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "authgate-admin: " << e.what() << '\n';
        return authgate::admin::exit_no;
    }
}
