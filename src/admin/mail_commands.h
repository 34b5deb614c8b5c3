// mail_commands.h -- authgate-admin mail queue: what waits in the outbox and why.
#pragma once

#include <string>
#include <vector>

#include "admin/command.h"

namespace authgate::admin {

// mail queue [--database FILE]: one line per queued message: id, recipient, age, attempts, next
// try and last error. Exit 0.
int mail_command(const std::vector<std::string>& args, CommandIo& io);

}  // namespace authgate::admin
