// signals.h -- signal handling by sigwait in the main thread (workers never see signals).
#pragma once

namespace authgate::server {

enum class SignalEvent { stop, reload };

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread (and so in threads it starts later) and
// ignores SIGPIPE. Call before starting worker threads.
void block_signals();

// Waits for the next SIGTERM/SIGINT (stop) or SIGHUP (reload).
SignalEvent wait_for_signal();

}  // namespace authgate::server
