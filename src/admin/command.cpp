// command.cpp -- helpers shared by the authgate-admin commands: errors and argument parsing.
#include "admin/command.h"

#include <ostream>

namespace authgate::admin {

namespace po = boost::program_options;

int fail(CommandIo& io, const std::string& message) {
    io.err << "authgate-admin: " << message << '\n';
    return exit_usage;
}

int refuse(CommandIo& io, const std::string& message) {
    io.err << "authgate-admin: " << message << '\n';
    return exit_no;
}

std::optional<int> parse_options(const std::vector<std::string>& args, po::options_description& visible,
                                 const po::options_description& hidden,
                                 const po::positional_options_description& positional, po::variables_map& vm,
                                 const char* usage, CommandIo& io, std::string_view more_help) {
    visible.add_options()("help,h", "show this help and exit");
    po::options_description all;
    all.add(visible).add(hidden);
    try {
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
        if (vm.count("help")) {
            io.out << "usage: authgate-admin " << usage << "\n\n" << visible << '\n' << more_help;
            return exit_ok;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        io.err << "authgate-admin: " << e.what() << "\nusage: authgate-admin " << usage << '\n';
        return exit_usage;
    }
    return std::nullopt;
}

std::optional<int> parse_positionals(const std::vector<std::string>& args, po::options_description& visible,
                                     std::size_t min_count, std::size_t max_count, std::vector<std::string>& positionals, po::variables_map& vm,
                                     const char* usage, CommandIo& io) {
    po::options_description hidden;
    hidden.add_options()("argument", po::value<std::vector<std::string>>(), "positional argument");
    po::positional_options_description positional;
    positional.add("argument", -1);
    if (const auto stop = parse_options(args, visible, hidden, positional, vm, usage, io)) return stop;
    positionals = vm.count("argument") ? vm["argument"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (positionals.size() < min_count || positionals.size() > max_count) {
        io.err << "authgate-admin: wrong number of arguments\nusage: authgate-admin " << usage << '\n';
        return exit_usage;
    }
    return std::nullopt;
}

}  // namespace authgate::admin
