// mail_commands.cpp -- lists the outbox through the store (no SQL here) and delivers it with the outbox sender.
#include "admin/mail_commands.h"

#include <ctime>
#include <ostream>

#include "admin/context.h"
#include "mail/outbox_sender.h"
#include "mail/transport.h"
#include "store/store.h"

namespace authgate::admin {

namespace po = boost::program_options;

namespace {

std::string utc(std::int64_t seconds) {
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&time, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

// Control characters of a stored error never reach the terminal.
std::string printable(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += (c < 0x20 || c == 0x7F) ? '?' : static_cast<char>(c);
    return out;
}

// Parses [--database FILE] after a mail command into `global`; the exit status to stop with, or
// nullopt to go on.
std::optional<int> parse_mail_options(const std::vector<std::string>& args, const char* usage, CommandIo& io,
                                      GlobalOptions& global) {
    po::options_description options("mail options");
    options.add_options()("database,d", po::value<std::string>()->value_name("FILE"),
                          "the database (default: the one of --config, or authgate's default)");
    po::variables_map vm;
    std::vector<std::string> positionals;
    if (const auto stop = parse_positionals(args, options, 0, 0, positionals, vm, usage, io)) return stop;
    global = io.global;
    if (vm.count("database")) global.database = vm["database"].as<std::string>();
    return std::nullopt;
}

}  // namespace

int mail_queue_command(const std::vector<std::string>& args, CommandIo& io) {
    GlobalOptions global;
    if (const auto stop = parse_mail_options(args, "mail queue [--database FILE|URI]", io, global)) return *stop;
    AdminContext context(global, OpenMode::existing);
    auto queued = context.store().transaction(store::Access::read, [](store::Repositories& repositories) {
        return repositories.outbox.list();
    });
    std::int64_t now = store::unix_now();
    io.out << queued.size() << " message" << (queued.size() == 1 ? "" : "s") << " waiting\n";
    for (const auto& message : queued) {
        io.out << "id=" << message.id << " to=" << printable(message.recipient) << " queued=" << utc(message.created_at)
               << " attempts=" << message.attempts << " next_try="
               << (message.next_attempt_at <= now ? std::string("now") : utc(message.next_attempt_at));
        if (message.claimed_until && *message.claimed_until >= now) io.out << " sending";
        if (!message.last_error.empty()) io.out << " last_error=\"" << printable(message.last_error) << "\"";
        io.out << "\n";
    }
    return exit_ok;
}

int mail_send_command(const std::vector<std::string>& args, CommandIo& io) {
    GlobalOptions global;
    if (const auto stop = parse_mail_options(args, "mail send [--database FILE|URI]", io, global)) return *stop;
    AdminContext context(global, OpenMode::existing);
    auto transport = mail::make_transport(context.config().transport);
    mail::Delivery delivery =
        mail::deliver_all_due(context.store(), *transport, context.config().mail_retry, store::unix_now(),
                              [&io](const std::string& line) { io.err << "authgate-admin: " << printable(line) << "\n"; });
    io.out << delivery.delivered << " sent, " << delivery.failed << " failed\n";
    return delivery.failed == 0 ? exit_ok : exit_no;
}

}  // namespace authgate::admin
