// mail_commands.h -- authgate-admin mail queue (what waits in the outbox and why) and mail send (deliver it now).
#pragma once

#include <string>
#include <vector>

#include "admin/command.h"

namespace authgate::admin {

// mail queue [--database FILE]: one line per queued message: id, recipient, age, attempts, next
// try and last error. The database is the one of --config (or the global --database), unless
// given after the command. Exit 0.
int mail_queue_command(const std::vector<std::string>& args, CommandIo& io);

// mail send [--database FILE]: tries every message that is due once, through the transport of
// authgate's settings (--config: smtp-url or sendmail), with the server's sender code (claimed
// first, so a running server never sends the same message too), then exits. Prints "N sent, M
// failed", one line per failure on stderr. Exit 0 when nothing failed, 1 otherwise.
int mail_send_command(const std::vector<std::string>& args, CommandIo& io);

}  // namespace authgate::admin
