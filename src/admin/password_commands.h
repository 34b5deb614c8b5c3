// password_commands.h -- the authgate-admin commands that make and check password hashes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "admin/command.h"

namespace authgate::admin {

// hash-password [--method M]: reads a password line from stdin, prints its werkzeug-format hash.
// Exit 0, or 2 for a bad method, option or missing input.
int hash_password_command(const std::vector<std::string>& args, CommandIo& io);

// check-password HASH: reads a password line from stdin. Exit 0 when it matches, 1 when it does not,
// 2 when HASH is malformed or unsupported (the reason goes to stderr) or the arguments are wrong.
int check_password_command(const std::vector<std::string>& args, CommandIo& io);

// The paragraph on hash methods and bounds that authgate-admin --help prints.
std::string_view password_hash_help();

}  // namespace authgate::admin
