// group_session_commands.cpp -- authgate-admin group add|remove|list and session list|revoke.
#include "admin/database_commands.h"

#include <ostream>

#include "admin/context.h"
#include "admin/output.h"
#include "admin/results.h"

namespace authgate::admin {

namespace po = boost::program_options;

namespace {

// A session id: digits only, positive.
std::optional<std::int64_t> parse_id(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    std::int64_t id = std::stoll(text);
    if (id <= 0) return std::nullopt;
    return id;
}

// The user agent cut to `width` characters for a table.
std::string shortened(const std::string& text, std::size_t width) {
    if (text.size() <= width) return text.empty() ? "-" : text;
    return text.substr(0, width - 3) + "...";
}

}  // namespace

int group_add_command(const std::vector<std::string>& args, CommandIo& io) {
    po::options_description options("group add options");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 2, 2, positionals, vm, "group add USER GROUP", io))
        return *stop;
    AdminContext context(io.global, OpenMode::existing);
    auth::AdminResult result = auth::add_to_group(context.services(), positionals[0], positionals[1]);
    if (const auto failed = report_failure(io, result, positionals[0], positionals[1])) return *failed;
    io.out << (result.status == auth::AdminStatus::unchanged ? "already in group " : "added to group ")
           << positionals[1] << ": " << user_label(*result.user) << '\n';
    return exit_ok;
}

int group_remove_command(const std::vector<std::string>& args, CommandIo& io) {
    po::options_description options("group remove options");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 2, 2, positionals, vm, "group remove USER GROUP", io))
        return *stop;
    AdminContext context(io.global, OpenMode::existing);
    auth::AdminResult result = auth::remove_from_group(context.services(), positionals[0], positionals[1]);
    if (const auto failed = report_failure(io, result, positionals[0], positionals[1])) return *failed;
    io.out << "removed from group " << positionals[1] << ": " << user_label(*result.user) << '\n';
    return exit_ok;
}

int group_list_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "group list [GROUP] [--json]";
    po::options_description options("group list options");
    options.add_options()("json", "print a JSON array");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 1, positionals, vm, usage, io)) return *stop;
    std::optional<std::string> group;
    if (!positionals.empty()) group = positionals[0];
    AdminContext context(io.global, OpenMode::existing);
    auth::GroupListing listing = auth::list_groups(context.store(), group);
    if (listing.status != auth::AdminStatus::done)
        return report_failure(io, {listing.status, auth::FieldProblem::none, std::nullopt, {}}, "", group.value_or(""))
            .value_or(exit_no);
    if (vm.count("json")) {
        std::vector<std::string> objects;
        for (const auto& member : listing.members)
            objects.push_back(JsonObject()
                                  .add("group", member.group_name)
                                  .add("user_id", member.user_id)
                                  .add("email", member.email)
                                  .add("username", member.username)
                                  .text());
        io.out << json_array(objects) << '\n';
        return exit_ok;
    }
    Table table({"GROUP", "USER ID", "EMAIL", "USERNAME"});
    for (const auto& member : listing.members)
        table.add({member.group_name, std::to_string(member.user_id), member.email, member.username});
    table.print(io.out);
    return exit_ok;
}

int session_list_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "session list [--user USER] [--json]";
    std::string who;
    po::options_description options("session list options");
    options.add_options()("user,u", po::value(&who)->value_name("USER"), "only the sessions of USER")(
        "json", "print a JSON array");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 0, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    auth::SessionListing listing =
        auth::list_sessions(context.store(), vm.count("user") ? std::optional<std::string>(who) : std::nullopt);
    if (listing.status != auth::AdminStatus::done) return refuse(io, "no user '" + who + "'");
    if (vm.count("json")) {
        std::vector<std::string> objects;
        for (const auto& session : listing.sessions)
            objects.push_back(JsonObject()
                                  .add("id", session.id)
                                  .add("user_id", session.user_id)
                                  .add("email", session.email)
                                  .add("username", session.username)
                                  .add("created_at", session.created_at)
                                  .add("last_seen_at", session.last_seen_at)
                                  .add("address", session.remote_addr)
                                  .add("user_agent", session.user_agent)
                                  .add("remembered", session.remembered)
                                  .text());
        io.out << json_array(objects) << '\n';
        return exit_ok;
    }
    Table table({"ID", "USER", "CREATED", "LAST SEEN", "ADDRESS", "USER AGENT"});
    for (const auto& session : listing.sessions)
        table.add({std::to_string(session.id), session.username.empty() ? "-" : session.username,
                   format_time(session.created_at), format_time(session.last_seen_at),
                   session.remote_addr.empty() ? "-" : session.remote_addr, shortened(session.user_agent, 40)});
    table.print(io.out);
    return exit_ok;
}

int session_revoke_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "session revoke ID | session revoke --user USER";
    std::string who;
    po::options_description options("session revoke options");
    options.add_options()("user,u", po::value(&who)->value_name("USER"),
                          "end every session and remember chain of USER");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 1, positionals, vm, usage, io)) return *stop;
    if (vm.count("user") == positionals.size())  // both an ID and --user, or neither
        return fail(io, "give a session ID or --user USER\nusage: authgate-admin " + std::string(usage));
    if (vm.count("user")) {
        AdminContext context(io.global, OpenMode::existing);
        auth::AdminResult result = auth::revoke_sessions_of(context.services(), who);
        if (const auto failed = report_failure(io, result, who)) return *failed;
        io.out << "ended " << ended_text(result.ended) << " of " << user_label(*result.user) << '\n';
        return exit_ok;
    }
    const std::optional<std::int64_t> id = parse_id(positionals[0]);
    if (!id) return fail(io, "a session ID is a positive number, not '" + positionals[0] + "'");
    AdminContext context(io.global, OpenMode::existing);
    auth::AdminResult result = auth::revoke_session(context.services(), *id);
    if (const auto failed = report_failure(io, result, positionals[0])) return *failed;
    io.out << "ended session " << *id;
    if (result.user) io.out << " of " << user_label(*result.user);
    io.out << '\n';
    return exit_ok;
}

}  // namespace authgate::admin
