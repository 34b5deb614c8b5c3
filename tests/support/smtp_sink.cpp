// smtp_sink.cpp -- starting and stopping smtp_sink.py, and taking received messages apart.
#include "support/smtp_sink.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace authgate::test {

namespace {

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

std::string base64_decode(const std::string& text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        int value = base64_value(c);
        if (value < 0) continue;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string q_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') out += ' ';
        else if (text[i] == '=' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else out += text[i];
    }
    return out;
}

}  // namespace

SmtpSink::SmtpSink(SinkOptions options) : options_(std::move(options)), port_(free_port()) {
    start();
}

SmtpSink::~SmtpSink() {
    stop();
}

void SmtpSink::start() {
    std::vector<std::string> args = {required_env("SYSTEM_PYTHON3"),
                                     required_env("AUTHGATE_SRCDIR") + "/tests/support/smtp_sink.py", dir_.path(),
                                     std::to_string(port_)};
    if (!options_.tls.empty())
        args.insert(args.end(), {"--tls", options_.tls, "--cert", options_.cert_file, "--key", options_.key_file});
    if (!options_.user.empty())
        args.insert(args.end(), {"--user", options_.user, "--password-file", options_.password_file});
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        // aiosmtpd's warnings and session tracebacks (e.g. a client refusing the certificate)
        // go to the sink's own log, not into the test report.
        int log = open((dir_.path() + "/sink.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (log >= 0) dup2(log, STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    // Read up to the end of "ready\n": a signal (the test framework handles SIGCHLD) or a short
    // read must not be taken for a sink that did not start.
    std::string said;
    char buffer[16];
    while (said.find('\n') == std::string::npos && said.size() < 64) {
        ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        said.append(buffer, static_cast<std::size_t>(n));
    }
    close(out[0]);
    if (said.find("ready") != 0)
        throw std::runtime_error("smtp_sink did not start: " + read_file(dir_.path() + "/sink.log"));
}

void SmtpSink::stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

std::vector<std::string> SmtpSink::messages() const {
    std::vector<std::string> names;
    if (DIR* d = opendir(dir_.path().c_str())) {
        while (dirent* entry = readdir(d)) {
            std::string name = entry->d_name;
            if (name.size() > 4 && name.compare(name.size() - 4, 4, ".eml") == 0) names.push_back(name);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    std::vector<std::string> out;
    for (const auto& name : names) out.push_back(read_file(dir_.path() + "/" + name));
    return out;
}

std::vector<std::string> SmtpSink::wait_for(std::size_t count) const {
    for (int i = 0; i < 300; ++i) {
        auto all = messages();
        if (all.size() >= count) return all;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return messages();
}

std::string SmtpSink::session_of(int number) const {
    char name[32];
    std::snprintf(name, sizeof name, "/%04d.session", number);
    return read_file(dir_.path() + name);
}

std::string SmtpSink::auth_log() const {
    return read_file(dir_.path() + "/auth.log");
}

bool mail_suite_available() {
    const char* python = std::getenv("SYSTEM_PYTHON3");
    if (python && run_command({python, "-c", "import aiosmtpd.controller"}).status == 0) return true;
    const char* require = std::getenv("AUTHGATE_REQUIRE_SUITES");
    BOOST_REQUIRE_MESSAGE(!(require && std::string(require) == "1"), "python3-aiosmtpd is missing");
    BOOST_TEST_MESSAGE("skipping: python3-aiosmtpd is missing");
    return false;
}

std::string mail_public_url() {
    return "https://auth.example.test";
}

std::vector<std::string> mail_args(const std::string& smtp_url, std::vector<std::string> extra) {
    std::vector<std::string> args = {"--public-url", mail_public_url(), "--mail-from", "noreply@example.test",
                                     "--smtp-url", smtp_url, "--mail-retry-seconds", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::vector<std::string> mail_args(const SmtpSink& sink, std::vector<std::string> extra) {
    return mail_args("smtp://127.0.0.1:" + std::to_string(sink.port()), std::move(extra));
}

std::string headers_of(const std::string& message) {
    auto end = message.find("\r\n\r\n");
    if (end == std::string::npos) end = message.find("\n\n");
    return message.substr(0, end);
}

std::string raw_body_of(const std::string& message) {
    auto start = message.find("\r\n\r\n");
    if (start != std::string::npos) return message.substr(start + 4);
    start = message.find("\n\n");
    return start == std::string::npos ? "" : message.substr(start + 2);
}

std::string body_of(const std::string& message) {
    std::string body = raw_body_of(message);
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '=' && i + 1 < body.size() && (body[i + 1] == '\r' || body[i + 1] == '\n')) {
            i += body[i + 1] == '\r' ? 2 : 1;
            continue;
        }
        if (body[i] == '=' && i + 2 < body.size()) {
            out += static_cast<char>(std::stoi(body.substr(i + 1, 2), nullptr, 16));
            i += 2;
            continue;
        }
        out += body[i];
    }
    return out;
}

std::string header(const std::string& message, const std::string& name) {
    std::string headers = "\n" + headers_of(message);
    auto at = headers.find("\n" + name + ": ");
    if (at == std::string::npos) return "";
    std::size_t start = at + name.size() + 3;
    std::string value;
    for (;;) {
        std::size_t end = headers.find_first_of("\r\n", start);
        value += headers.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (end == std::string::npos) break;
        std::size_t next = headers.find('\n', end);
        if (next == std::string::npos || next + 1 >= headers.size() ||
            (headers[next + 1] != ' ' && headers[next + 1] != '\t'))
            break;
        start = next + 1;  // a folded line: its leading space is kept
    }
    return value;
}

std::string decode_words(const std::string& value) {
    std::string out;
    std::size_t i = 0;
    bool after_word = false;
    while (i < value.size()) {
        std::size_t start = value.find("=?", i);
        if (start == std::string::npos) {
            out += value.substr(i);
            break;
        }
        std::string between = value.substr(i, start - i);
        // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
        if (!(after_word && between.find_first_not_of(" \t\r\n") == std::string::npos)) out += between;
        std::size_t charset_end = value.find('?', start + 2);
        std::size_t encoding_end = charset_end == std::string::npos ? std::string::npos : value.find('?', charset_end + 1);
        std::size_t end = encoding_end == std::string::npos ? std::string::npos : value.find("?=", encoding_end + 1);
        if (end == std::string::npos) {
            out += value.substr(start);
            break;
        }
        char encoding = value[charset_end + 1];
        std::string text = value.substr(encoding_end + 1, end - encoding_end - 1);
        out += (encoding == 'B' || encoding == 'b') ? base64_decode(text) : q_decode(text);
        i = end + 2;
        after_word = true;
    }
    return out;
}

std::string link_path(const std::string& message, const std::string& base, const std::string& prefix) {
    std::string body = body_of(message);
    auto at = body.find(base + prefix);
    if (at == std::string::npos) return "";
    auto start = at + base.size();
    auto end = body.find_first_of("\r\n \t", start);
    return body.substr(start, end - start);
}

std::string link_path(const std::string& message, const std::string& prefix) {
    return link_path(message, mail_public_url(), prefix);
}

std::vector<std::string> mails_to(const std::vector<std::string>& all, const std::string& address) {
    std::vector<std::string> out;
    for (const auto& message : all)
        if (header(message, "To") == address) out.push_back(message);
    return out;
}

}  // namespace authgate::test
