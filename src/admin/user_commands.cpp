// user_commands.cpp -- authgate-admin user add|list|show|set-password|disable|enable|delete|verify-email.
#include "admin/database_commands.h"

#include <ostream>
#include <unistd.h>

#include "admin/context.h"
#include "admin/output.h"
#include "admin/password_input.h"
#include "admin/results.h"
#include "crypto/secure_clear.h"

namespace authgate::admin {

namespace po = boost::program_options;

namespace {

// A new password: one line from a pipe, or typed twice with echo off on a terminal. nullopt (the
// reason reported, `status` set) when there is none or the two differ.
std::optional<std::string> read_new_password(CommandIo& io, int& status) {
    std::optional<std::string> password = read_password_line(io.in, io.in_fd, io.err, "New password: ");
    if (!password) {
        status = fail(io, "no password on standard input");
        return std::nullopt;
    }
    if (io.in_fd >= 0 && ::isatty(io.in_fd) == 1) {
        std::optional<std::string> again = read_password_line(io.in, io.in_fd, io.err, "Again: ");
        bool same = again && *again == *password;
        if (again) crypto::secure_clear(*again);
        if (!same) {
            crypto::secure_clear(*password);
            status = refuse(io, "the passwords differ");
            return std::nullopt;
        }
    }
    return password;
}

// Runs a command of the form "user VERB USER" whose use case is `change`; prints `done_text`
// (and the sessions ended when `report_ended`) on success.
template <class Change>
int user_change(const std::vector<std::string>& args, CommandIo& io, const char* usage, Change change,
                const char* done_text, const char* unchanged_text, bool report_ended) {
    po::options_description options("options");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 1, 1, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    auth::AdminResult result = change(context.services(), positionals[0]);
    if (const auto failed = report_failure(io, result, positionals[0])) return *failed;
    io.out << (result.status == auth::AdminStatus::unchanged ? unchanged_text : done_text) << ' '
           << user_label(*result.user);
    if (report_ended) io.out << "; ended " << ended_text(result.ended);
    io.out << '\n';
    return exit_ok;
}

}  // namespace

int user_add_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "user add EMAIL USERNAME < password-line";
    po::options_description options("user add options");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 2, 2, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::create);
    int status = exit_ok;
    std::optional<std::string> password = read_new_password(io, status);
    if (!password) return status;
    auth::AdminResult result = auth::add_account(
        context.services(), {positionals[0], positionals[1], *password, *password, store::unix_now()});
    crypto::secure_clear(*password);
    if (const auto failed = report_failure(io, result, positionals[0])) return *failed;
    io.out << "added user " << result.user->id << ": " << user_label(*result.user) << '\n';
    return exit_ok;
}

int user_list_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "user list [--json]";
    po::options_description options("user list options");
    options.add_options()("json", "print a JSON array");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 0, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    const auto users = auth::list_accounts(context.store());
    if (vm.count("json")) {
        std::vector<std::string> objects;
        for (const auto& user : users) objects.push_back(user_json(user).text());
        io.out << json_array(objects) << '\n';
        return exit_ok;
    }
    Table table({"ID", "EMAIL", "USERNAME", "ACTIVE", "VERIFIED", "CREATED", "LAST LOGIN"});
    for (const auto& user : users)
        table.add({std::to_string(user.id), user.email, user.username, yes_no(user.active), yes_no(user.email_verified),
                   format_time(user.created_at), format_time(user.last_login_at)});
    table.print(io.out);
    return exit_ok;
}

int user_show_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "user show USER [--json]";
    po::options_description options("user show options");
    options.add_options()("json", "print a JSON object");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 1, 1, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    const auto details = auth::show_account(context.store(), positionals[0]);
    if (!details) return refuse(io, "no user '" + positionals[0] + "'");
    const auth::UserView& user = details->user;
    if (vm.count("json")) {
        io.out << user_json(user)
                      .add("sessions", details->footprint.sessions)
                      .add("remember_chains", details->footprint.remember_chains)
                      .add_raw("groups", json_strings(details->footprint.groups))
                      .text()
               << '\n';
        return exit_ok;
    }
    std::string groups;
    for (const auto& group : details->footprint.groups) groups += (groups.empty() ? "" : " ") + group;
    Table table({"FIELD", "VALUE"});
    table.add({"id", std::to_string(user.id)});
    table.add({"email", user.email});
    table.add({"username", user.username});
    table.add({"active", yes_no(user.active)});
    table.add({"email verified", yes_no(user.email_verified)});
    table.add({"created", format_time(user.created_at)});
    table.add({"last login", format_time(user.last_login_at)});
    table.add({"sessions", std::to_string(details->footprint.sessions)});
    table.add({"remember chains", std::to_string(details->footprint.remember_chains)});
    table.add({"groups", groups.empty() ? "-" : groups});
    table.print(io.out);
    return exit_ok;
}

int user_set_password_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "user set-password USER < password-line";
    po::options_description options("user set-password options");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 1, 1, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    if (!auth::find_account(context.store(), positionals[0])) return refuse(io, "no user '" + positionals[0] + "'");
    int status = exit_ok;
    std::optional<std::string> password = read_new_password(io, status);
    if (!password) return status;
    auth::AdminResult result = auth::set_password(context.services(), positionals[0], *password);
    crypto::secure_clear(*password);
    if (const auto failed = report_failure(io, result, positionals[0])) return *failed;
    io.out << "set the password of " << user_label(*result.user) << "; ended " << ended_text(result.ended) << '\n';
    return exit_ok;
}

int user_disable_command(const std::vector<std::string>& args, CommandIo& io) {
    return user_change(
        args, io, "user disable USER",
        [](auth::AuthServices& services, const std::string& who) { return auth::set_active(services, who, false); },
        "disabled", "already disabled:", true);
}

int user_enable_command(const std::vector<std::string>& args, CommandIo& io) {
    return user_change(
        args, io, "user enable USER",
        [](auth::AuthServices& services, const std::string& who) { return auth::set_active(services, who, true); },
        "enabled", "already enabled:", false);
}

int user_delete_command(const std::vector<std::string>& args, CommandIo& io) {
    po::options_description options("user delete options");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 1, 1, positionals, vm, "user delete USER", io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    auth::AdminResult result = auth::delete_account(context.services(), positionals[0]);
    if (const auto failed = report_failure(io, result, positionals[0])) return *failed;
    io.out << "deleted " << user_label(*result.user) << " with " << ended_text(result.ended) << " and "
           << result.ended.groups.size() << " group membership" << (result.ended.groups.size() == 1 ? "" : "s")
           << '\n';
    return exit_ok;
}

int user_verify_email_command(const std::vector<std::string>& args, CommandIo& io) {
    return user_change(
        args, io, "user verify-email USER",
        [](auth::AuthServices& services, const std::string& who) { return auth::verify_email(services, who); },
        "verified the email of", "email already verified:", false);
}

}  // namespace authgate::admin
