// results.cpp -- one-line reasons for refused commands, and account output shared by the commands.
#include "admin/results.h"

#include <ostream>

#include "web/messages.h"

namespace authgate::admin {

namespace {

std::string plural(std::int64_t count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

std::optional<int> report_failure(CommandIo& io, const auth::AdminResult& result, const std::string& who,
                                  const std::string& group) {
    switch (result.status) {
        case auth::AdminStatus::done:
        case auth::AdminStatus::unchanged: return std::nullopt;
        case auth::AdminStatus::no_user: return refuse(io, "no user '" + who + "'");
        case auth::AdminStatus::no_session: return refuse(io, "no session " + who);
        case auth::AdminStatus::not_member: return refuse(io, "user '" + who + "' is not in group '" + group + "'");
        case auth::AdminStatus::bad_group_name:
            return fail(io, "bad group name '" + group + "' (1 to 64 of A-Z a-z 0-9 _ . -)");
        case auth::AdminStatus::invalid: return refuse(io, web::text::field_problem(result.problem));
        case auth::AdminStatus::duplicate_email: return refuse(io, "that email is already registered");
        case auth::AdminStatus::duplicate_username: return refuse(io, "that username is already taken");
        case auth::AdminStatus::busy: break;
    }
    return refuse(io, "could not hash the password in time; try again");
}

std::string ended_text(const store::UserFootprint& ended) {
    return plural(ended.sessions, "session") + " and " + plural(ended.remember_chains, "remember chain");
}

JsonObject user_json(const auth::UserView& user) {
    JsonObject object;
    object.add("id", user.id).add("email", user.email).add("username", user.username).add("active", user.active)
        .add("email_verified", user.email_verified).add("created_at", user.created_at)
        .add("last_login_at", user.last_login_at);
    return object;
}

std::string user_label(const auth::UserView& user) {
    return user.email + " (" + user.username + ")";
}

}  // namespace authgate::admin
