// signals.cpp -- sigwait-based signal handling.
#include "server/signals.h"

#include <csignal>
#include <pthread.h>

namespace authgate::server {

namespace {

sigset_t handled_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    return set;
}

}  // namespace

void block_signals() {
    sigset_t set = handled_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

SignalEvent wait_for_signal() {
    sigset_t set = handled_signals();
    int received = 0;
    while (sigwait(&set, &received) != 0) {
    }
    return received == SIGHUP ? SignalEvent::reload : SignalEvent::stop;
}

}  // namespace authgate::server
