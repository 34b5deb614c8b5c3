// maintenance_commands.cpp -- authgate-admin purge, stats and check.
#include "admin/database_commands.h"

#include <ostream>

#include "admin/context.h"
#include "admin/output.h"
#include "auth/admin_accounts.h"

namespace authgate::admin {

namespace po = boost::program_options;

int purge_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "purge [--json]";
    po::options_description options("purge options");
    options.add_options()("json", "print the counts as a JSON object");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 0, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    const auth::PurgeResult removed = auth::purge(context.services(), store::unix_now());
    if (vm.count("json")) {
        io.out << JsonObject()
                      .add("sessions", removed.sessions)
                      .add("remember_chains", removed.remember_chains)
                      .add("attempts", removed.attempts)
                      .text()
               << '\n';
        return exit_ok;
    }
    Table table({"REMOVED", "COUNT"});
    table.add({"expired sessions", std::to_string(removed.sessions)});
    table.add({"expired remember chains", std::to_string(removed.remember_chains)});
    table.add({"old attempts", std::to_string(removed.attempts)});
    table.print(io.out);
    return exit_ok;
}

int stats_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "stats [--json]";
    po::options_description options("stats options");
    options.add_options()("json", "print a JSON object");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 0, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::existing);
    const store::StoreCounts counts = auth::store_stats(context.services(), store::unix_now());
    if (vm.count("json")) {
        io.out << JsonObject()
                      .add("users", counts.users)
                      .add("active_users", counts.active_users)
                      .add("disabled_users", counts.users - counts.active_users)
                      .add("verified_users", counts.verified_users)
                      .add("sessions", counts.sessions)
                      .add("remember_chains", counts.remember_chains)
                      .add("attempts_last_hour", counts.recent_attempts)
                      .add("database_bytes", counts.database_bytes)
                      .add("database", store::redacted(context.config().database))
                      .text()
               << '\n';
        return exit_ok;
    }
    Table table({"WHAT", "COUNT"});
    table.add({"users", std::to_string(counts.users)});
    table.add({"active users", std::to_string(counts.active_users)});
    table.add({"disabled users", std::to_string(counts.users - counts.active_users)});
    table.add({"verified emails", std::to_string(counts.verified_users)});
    table.add({"sessions", std::to_string(counts.sessions)});
    table.add({"remember chains", std::to_string(counts.remember_chains)});
    table.add({"attempts in the last hour", std::to_string(counts.recent_attempts)});
    table.add({"database bytes", std::to_string(counts.database_bytes)});
    table.print(io.out);
    return exit_ok;
}

int check_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "check [--json]";
    po::options_description options("check options");
    options.add_options()("json", "print a JSON object");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 0, positionals, vm, usage, io)) return *stop;
    AdminContext context(io.global, OpenMode::inspect);
    const store::StoreHealth health = auth::check_store(context.store());
    const bool ok = auth::healthy(health);
    if (vm.count("json")) {
        io.out << JsonObject()
                      .add("ok", ok)
                      .add_raw("integrity", json_strings(health.integrity))
                      .add("schema_version", health.schema_version)
                      .add("build_schema_version", health.build_schema_version)
                      .add("orphan_sessions", health.orphans.sessions)
                      .add("orphan_remember_chains", health.orphans.remember_chains)
                      .add("orphan_group_members", health.orphans.group_members)
                      .text()
               << '\n';
    } else {
        std::string integrity;
        for (const auto& line : health.integrity) integrity += (integrity.empty() ? "" : "; ") + line;
        std::string schema = std::to_string(health.schema_version) + " (this build: " +
                             std::to_string(health.build_schema_version) + ")";
        Table table({"CHECK", "RESULT"});
        table.add({"integrity", integrity});
        table.add({"schema version", schema});
        table.add({"orphan sessions", std::to_string(health.orphans.sessions)});
        table.add({"orphan remember chains", std::to_string(health.orphans.remember_chains)});
        table.add({"orphan group members", std::to_string(health.orphans.group_members)});
        table.print(io.out);
    }
    if (!ok) io.err << "authgate-admin: the database has problems\n";
    return ok ? exit_ok : exit_no;
}

}  // namespace authgate::admin
