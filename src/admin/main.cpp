// main.cpp -- authgate-admin: the command table and its dispatch.
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "config.h"

#include "admin/command.h"
#include "admin/mail_commands.h"
#include "admin/password_commands.h"

namespace authgate::admin {
namespace {

// Every command, in --help order. Adding a command is adding one line here.
constexpr Command kCommands[] = {
    {"hash-password", "[--method M]", "read a password line from stdin and print its hash", hash_password_command},
    {"check-password", "HASH", "read a password line from stdin; exit 0 match, 1 no match, 2 bad hash",
     check_password_command},
    {"mail", "queue [--database FILE]", "list the mail waiting in the outbox (attempts, next try, last error)",
     mail_command},
};

void print_usage(std::ostream& out) {
    out << "usage: authgate-admin COMMAND [ARGS...]\n"
           "       authgate-admin --help | --version\n\n"
           "Commands:\n";
    for (const Command& command : kCommands) {
        const std::string head = std::string(command.name) + " " + command.synopsis;
        out << "  " << head << std::string(head.size() < 30 ? 30 - head.size() : 1, ' ') << command.summary << '\n';
    }
    out << "\nRun 'authgate-admin COMMAND --help' for the options of one command.\n"
           "Exit status: 0 success, 1 a check answered no, 2 usage error or malformed input.\n\n"
        << password_hash_help();
}

int run(int argc, char** argv) {
    CommandIo io{std::cin, STDIN_FILENO, std::cout, std::cerr};
    if (argc < 2) {
        print_usage(std::cerr);
        return exit_usage;
    }
    const std::string_view name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(std::cout);
        return exit_ok;
    }
    if (name == "--version") {
        std::cout << "authgate-admin (" PACKAGE_NAME ") " PACKAGE_VERSION "\n";
        return exit_ok;
    }
    for (const Command& command : kCommands) {
        if (name == command.name) return command.run(std::vector<std::string>(argv + 2, argv + argc), io);
    }
    std::cerr << "authgate-admin: unknown command '" << name << "'\n";
    print_usage(std::cerr);
    return exit_usage;
}

}  // namespace
}  // namespace authgate::admin

int main(int argc, char** argv) {
    try {
        return authgate::admin::run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "authgate-admin: " << e.what() << '\n';
        return authgate::admin::exit_usage;
    }
}
