// password_input.h -- reading one password line from standard input, without echo on a terminal.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace authgate::admin {

// Reads one line from `in`. When `fd` is a terminal, writes `prompt` to `prompt_out` and turns echo
// off while reading (restored afterwards). A trailing "\n" or "\r\n" is removed, nothing else (a
// lone '\r' at end of input stays part of the password). nullopt when the input ends before any
// byte is read; an empty line gives an empty password.
std::optional<std::string> read_password_line(std::istream& in, int fd, std::ostream& prompt_out,
                                              const char* prompt = "Password: ");

}  // namespace authgate::admin
