// sendmail_transport.cpp -- fork, execv with an argv, feed stdin, wait for the exit status.
#include "mail/sendmail_transport.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace authgate::mail {

namespace {

std::string lf_lines(const std::string& message) {
    std::string out;
    out.reserve(message.size());
    for (std::size_t i = 0; i < message.size(); ++i)
        if (!(message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n')) out += message[i];
    return out;
}

}  // namespace

void SendmailTransport::send(const std::string& from, const std::string& to, const std::string& message) {
    std::string text = lf_lines(message);
    int input[2];
    if (pipe2(input, O_CLOEXEC) != 0) throw TransportError(std::string("sendmail: pipe: ") + std::strerror(errno));
    std::vector<std::string> args = {program_, "-i", "-f", from, "--", to};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = fork();
    if (pid < 0) {
        close(input[0]);
        close(input[1]);
        throw TransportError(std::string("sendmail: fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        dup2(input[0], STDIN_FILENO);
        int devnull = open("/dev/null", O_WRONLY);
        if (devnull >= 0) dup2(devnull, STDOUT_FILENO);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(input[0]);
    // A program that exits early must not kill the sender with SIGPIPE: MSG_NOSIGNAL is for
    // sockets, so the signal is blocked in this thread (the server blocks it anyway).
    sigset_t pipe_signal, old;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &old);
    std::size_t written = 0;
    bool write_failed = false;
    while (written < text.size()) {
        ssize_t n = write(input[1], text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            write_failed = true;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    close(input[1]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    struct timespec zero = {0, 0};
    while (sigtimedwait(&pipe_signal, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        throw TransportError("sendmail: cannot run " + program_);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw TransportError("sendmail: " + program_ + " exited with status " +
                             std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)));
    if (write_failed) throw TransportError("sendmail: " + program_ + " did not read the whole message");
}

}  // namespace authgate::mail
