// results.h -- how authgate-admin words the use cases' answers, and prints accounts.
#pragma once

#include <optional>
#include <string>

#include "admin/command.h"
#include "admin/output.h"
#include "auth/admin_accounts.h"

namespace authgate::admin {

// For a refused or failed `result`: writes its one-line reason to stderr and returns the exit
// status (1). nullopt for done and unchanged. `who` and `group` name what was asked for.
std::optional<int> report_failure(CommandIo& io, const auth::AdminResult& result, const std::string& who,
                                  const std::string& group = "");

// "N sessions and M remember chains" for what ended.
std::string ended_text(const store::UserFootprint& ended);

// An account as a JSON object (never its password hash).
JsonObject user_json(const auth::UserView& user);

// "email (username)".
std::string user_label(const auth::UserView& user);

}  // namespace authgate::admin
