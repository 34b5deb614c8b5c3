// copy_command.h -- authgate-admin copy: move a SQLite (or Flask) database to PostgreSQL.
#pragma once

#include <string>
#include <vector>

#include "admin/command.h"

namespace authgate::admin {

// copy --from FILE --to URI [--to-password-file FILE] [--force]: copies every account (ids and
// hashes as they are), group membership, session, remember chain, mailed token, queued mail and key
// of FILE into the PostgreSQL database URI, in one transaction. Exit 0 with one summary line; 1 when
// the target already has accounts and --force is not given, or a database fails (nothing written);
// 2 for a usage error.
int copy_command(const std::vector<std::string>& args, CommandIo& io);

}  // namespace authgate::admin
