// password_commands.cpp -- hash-password and check-password, thin wrappers over crypto/password_hash.h.
#include "admin/password_commands.h"

#include <iostream>
#include <ostream>
#include <optional>

#include <boost/program_options.hpp>

#include "admin/password_input.h"
#include "crypto/password_hash.h"
#include "crypto/secure_clear.h"

namespace authgate::admin {
namespace {

namespace po = boost::program_options;

std::optional<std::string> read_password(CommandIo& io) {
    std::optional<std::string> password = read_password_line(io.in, io.in_fd, io.err);
    if (!password) fail(io, "no password on standard input");
    return password;
}

}  // namespace

std::string_view password_hash_help() {
    return "Hash methods (--method): pbkdf2:DIGEST:ITERATIONS with DIGEST sha1, sha224, sha256, sha384 or\n"
           "  sha512; pbkdf2:DIGEST and pbkdf2 (600000 iterations; sha256); scrypt:N:R:P; scrypt (32768:8:1).\n"
           "  Default: pbkdf2:sha256:600000. Output is werkzeug's METHOD$SALT$HASH format.\n"
           "Stored hashes (check-password) may also be written pbkdf2:DIGEST without a count, which is\n"
           "  read as 260000 iterations (werkzeug 2.2's default), bare scrypt, or the pre-3.0 legacy form\n"
           "  DIGEST$SALT$HMAC (md5, sha1, sha224, sha256, sha384, sha512). plain$... is refused.\n"
           "Bounds: pbkdf2 iterations 1..10000000; scrypt N a power of two 2..1048576, r 1..32, p 1..16,\n"
           "  128*N*r <= 256 MiB, N*r*p <= 2^22, N < 2^(16*r), and large enough for werkzeug's maxmem.\n";
}

int hash_password_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "hash-password [--method M] < password-line";
    std::string method;
    po::options_description options("hash-password options");
    options.add_options()("method,m", po::value<std::string>(&method)->default_value("pbkdf2:sha256:600000"),
                          "hash method, as werkzeug's generate_password_hash takes it");
    po::variables_map vm;
    if (const auto stop = parse_options(args, options, {}, {}, vm, usage, io, password_hash_help())) return *stop;

    const std::optional<crypto::HashPolicy> policy = crypto::parse_hash_policy(method);
    if (!policy) return fail(io, crypto::method_problem(method));
    std::optional<std::string> password = read_password(io);
    if (!password) return exit_usage;
    io.out << crypto::hash_password(*password, *policy) << '\n';
    crypto::secure_clear(*password);
    return io.out ? exit_ok : exit_usage;
}

int check_password_command(const std::vector<std::string>& args, CommandIo& io) {
    constexpr const char* usage = "check-password HASH < password-line";
    po::options_description options("check-password options");
    po::options_description hidden;
    hidden.add_options()("hash", po::value<std::vector<std::string>>(), "stored hash");
    po::positional_options_description positional;
    positional.add("hash", -1);
    po::variables_map vm;
    if (const auto stop = parse_options(args, options, hidden, positional, vm, usage, io, password_hash_help()))
        return *stop;
    const auto hashes = vm.count("hash") ? vm["hash"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (hashes.size() != 1) {
        return fail(io, "check-password takes exactly one HASH argument\nusage: authgate-admin " + std::string(usage));
    }
    const std::string& stored = hashes.front();

    const std::string problem = crypto::hash_problem(stored);
    if (!problem.empty()) return fail(io, problem);
    std::optional<std::string> password = read_password(io);
    if (!password) return exit_usage;
    const crypto::VerifyResult result = crypto::verify_password(stored, *password);
    crypto::secure_clear(*password);
    switch (result) {
    case crypto::VerifyResult::match: return exit_ok;
    case crypto::VerifyResult::no_match: return exit_no;
    case crypto::VerifyResult::malformed: break;
    }
    return fail(io, "could not verify the hash");
}

}  // namespace authgate::admin
