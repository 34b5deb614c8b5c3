// mail_commands.cpp -- lists the outbox through the store (no SQL here).
#include "admin/mail_commands.h"

#include <ctime>
#include <ostream>

#include "store/store.h"

#include <config.h>

namespace authgate::admin {

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

}  // namespace

int mail_command(const std::vector<std::string>& args, CommandIo& io) {
    std::string database = std::string(AUTHGATE_LOCALSTATEDIR) + "/lib/authgate/authgate.db";
    if (args.empty() || args[0] == "--help") {
        io.out << "usage: authgate-admin mail queue [--database FILE|URI]\n"
                  "Lists the mail waiting in the outbox: recipient, attempts, next try and last error.\n";
        return args.empty() ? exit_usage : exit_ok;
    }
    if (args[0] != "queue") return fail(io, "unknown mail command '" + args[0] + "' (try: mail queue)");
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--database" && i + 1 < args.size()) database = args[++i];
        else return fail(io, "unexpected argument '" + args[i] + "'");
    }
    store::prepare_store(database);
    auto store = store::open_store(database);
    auto queued = store->transaction(store::Access::read, [](store::Repositories& repositories) {
        return repositories.outbox.list();
    });
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
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

}  // namespace authgate::admin
