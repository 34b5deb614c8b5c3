// command.h -- what every authgate-admin command receives and returns.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace authgate::admin {

// Exit statuses shared by all commands.
inline constexpr int exit_ok = 0;
inline constexpr int exit_no = 1;     // a check answered "no" (e.g. the password does not match)
inline constexpr int exit_usage = 2;  // bad arguments or input, or a malformed value

// The streams a command talks through (the real ones in main, string streams in tests).
struct CommandIo {
    std::istream& in;
    int in_fd;  // file descriptor behind `in`, to turn echo off when it is a terminal
    std::ostream& out;
    std::ostream& err;
};

// A command gets the arguments after its name and returns the process exit status.
using CommandFunction = int (*)(const std::vector<std::string>& args, CommandIo& io);

struct Command {
    const char* name;      // as typed: "hash-password"
    const char* synopsis;  // arguments: "[--method M]"
    const char* summary;   // one line for --help
    CommandFunction run;
};

// Writes "authgate-admin: <message>\n" to io.err and returns exit_usage.
int fail(CommandIo& io, const std::string& message);

}  // namespace authgate::admin
