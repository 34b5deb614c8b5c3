// command.h -- what every authgate-admin command receives and returns.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

namespace authgate::admin {

// Exit statuses shared by all commands.
inline constexpr int exit_ok = 0;
inline constexpr int exit_no = 1;     // refused or not found, or a check answered "no"
inline constexpr int exit_usage = 2;  // bad arguments or input, or a malformed value

// The options given before the command: where authgate's settings and database are.
struct GlobalOptions {
    std::string config_file;              // empty: none
    std::optional<std::string> database;  // replaces the config file's database
};

// The streams a command talks through (the real ones in main, string streams in tests).
struct CommandIo {
    std::istream& in;
    int in_fd;  // file descriptor behind `in`, to turn echo off when it is a terminal
    std::ostream& out;
    std::ostream& err;
    GlobalOptions global;
};

// A command gets the arguments after its name and returns the process exit status.
using CommandFunction = int (*)(const std::vector<std::string>& args, CommandIo& io);

struct Command {
    const char* name;      // as typed: "hash-password", "user add"
    const char* synopsis;  // arguments: "[--method M]"
    const char* summary;   // one line for --help
    CommandFunction run;
};

// Writes "authgate-admin: <message>\n" to io.err and returns exit_usage.
int fail(CommandIo& io, const std::string& message);
// Writes "authgate-admin: <message>\n" to io.err and returns exit_no.
int refuse(CommandIo& io, const std::string& message);

// Parses `args` against `visible` (shown by --help, which is added here) and `hidden` (positionals).
// --help prints "usage: authgate-admin USAGE", the options and `more_help`. Returns the exit status
// to stop with, or nullopt to go on.
std::optional<int> parse_options(const std::vector<std::string>& args, boost::program_options::options_description& visible,
                                 const boost::program_options::options_description& hidden,
                                 const boost::program_options::positional_options_description& positional,
                                 boost::program_options::variables_map& vm, const char* usage, CommandIo& io,
                                 std::string_view more_help = {});

// Parses a command taking `min_count` to `max_count` positional arguments (and the options in
// `visible`); fills `positionals`. Returns the exit status to stop with (help, or 2 for a wrong
// count), or nullopt to go on.
std::optional<int> parse_positionals(const std::vector<std::string>& args,
                                     boost::program_options::options_description& visible, std::size_t min_count,
                                     std::size_t max_count,
                                     std::vector<std::string>& positionals, boost::program_options::variables_map& vm,
                                     const char* usage, CommandIo& io);

}  // namespace authgate::admin
