// copy_command.cpp -- authgate-admin copy --from FILE.db --to postgresql://...
#include "admin/copy_command.h"

#include <fstream>
#include <ostream>

#include "crypto/secure_clear.h"
#include "store/copy_store.h"
#include "store/store.h"

namespace authgate::admin {

namespace po = boost::program_options;

namespace {

constexpr const char* usage = "copy --from FILE --to URI [--to-password-file FILE] [--force]";

constexpr const char* more_help =
    "Copies a SQLite database (authgate's, or a Flask app's users.db) into a PostgreSQL database\n"
    "(which must exist; it is migrated first), in one transaction: accounts keep their ids and their\n"
    "password hashes byte for byte, and so do group memberships, sessions and remember chains (nobody\n"
    "is logged out), mailed links, queued mail and the site key. Throttle attempts are not copied.\n"
    "The source is brought to this build's schema first, as authgate does at start.\n"
    "A target that already has accounts is refused unless --force, which replaces its contents.\n"
    "The password comes from --to-password-file or libpq's PGPASSFILE, never from the command line.\n";

// The first line of `file`; nullopt when it cannot be read or is empty.
std::optional<std::string> read_password(const std::string& file) {
    std::ifstream stream(file);
    std::string password;
    if (!stream || !std::getline(stream, password)) return std::nullopt;
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.empty()) return std::nullopt;
    return password;
}

}  // namespace

int copy_command(const std::vector<std::string>& args, CommandIo& io) {
    std::string from;
    std::string to;
    std::string password_file;
    po::options_description options("copy options");
    options.add_options()
        ("from", po::value(&from)->value_name("FILE")->required(), "the SQLite database to copy")
        ("to", po::value(&to)->value_name("URI")->required(), "the PostgreSQL database: postgresql://USER@HOST:PORT/DBNAME")
        ("to-password-file", po::value(&password_file)->value_name("FILE"),
         "read the PostgreSQL password from the first line of FILE")
        ("force", "replace what the target database holds, accounts included");
    po::options_description hidden;
    po::positional_options_description positional;
    po::variables_map vm;
    if (const auto stop = parse_options(args, options, hidden, positional, vm, usage, io, more_help)) return *stop;
    if (!store::is_postgresql(to)) return fail(io, "--to must be a postgresql:// URI");
    if (store::is_postgresql(from)) return fail(io, "--from must be a SQLite database file");
    std::string password;
    if (!password_file.empty()) {
        auto read = read_password(password_file);
        if (!read) return fail(io, "cannot read a password from " + password_file);
        password = std::move(*read);
    }
    store::CopyResult result = store::copy_store(from, to, password, vm.count("force") > 0);
    crypto::secure_clear(password);
    if (result.refused)
        return refuse(io, store::redacted(to) + " already has " + std::to_string(result.target_users) +
                              " account(s); give --force to replace its contents");
    const store::CopyCounts& copied = result.copied;
    io.out << "copied " << copied.users << " accounts, " << copied.group_members << " group memberships, "
           << copied.sessions << " sessions, " << copied.remember_chains << " remember chains, " << copied.tokens
           << " mailed links, " << copied.outbox << " queued mails and " << copied.meta << " keys from " << from
           << " to " << store::redacted(to) << '\n';
    return exit_ok;
}

}  // namespace authgate::admin
