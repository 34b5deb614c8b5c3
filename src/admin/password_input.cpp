// password_input.cpp -- password lines from a pipe or, with echo turned off, from a terminal.
#include "admin/password_input.h"

#include <istream>
#include <ostream>

#include <termios.h>
#include <unistd.h>

namespace authgate::admin {
namespace {

// Turns terminal echo off for its lifetime (no-op when `fd` is not a terminal).
class EchoOff {
public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (::tcgetattr(fd_, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

}  // namespace

std::optional<std::string> read_password_line(std::istream& in, int fd, std::ostream& prompt_out,
                                              const char* prompt) {
    const bool terminal = fd >= 0 && ::isatty(fd) == 1;
    std::string line;
    line.reserve(1024);  // most passwords then fit without a reallocation leaving a copy behind
    bool got_line = false;
    bool had_newline = false;
    if (terminal) {
        prompt_out << prompt << std::flush;
        EchoOff echo_off(fd);
        got_line = static_cast<bool>(std::getline(in, line));
        had_newline = got_line && !in.eof();
        prompt_out << '\n' << std::flush;  // the user's Enter was not echoed
    } else {
        got_line = static_cast<bool>(std::getline(in, line));
        had_newline = got_line && !in.eof();
    }
    if (!got_line) return std::nullopt;
    if (had_newline && !line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace authgate::admin
