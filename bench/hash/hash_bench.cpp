// hash_bench.cpp -- times authgate's PBKDF2 and scrypt against Crypto++'s stock PBKDF2, Python's hashlib
// and the compression-function limit. Prints numbers; never passes or fails on timing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/bench_probe.h"
#include "crypto/pbkdf2.h"
#include "crypto/scrypt.h"

namespace {

using authgate::crypto::DigestAlgorithm;

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kSalt = "rXBqODeicu1bpyTk";

// Samples in milliseconds; the median is what the table shows, the minimum is the least disturbed run.
struct Samples {
    std::vector<double> ms;
    std::optional<double> median() const { return pick(ms.size() / 2); }
    std::optional<double> best() const { return pick(0); }

private:
    std::optional<double> pick(std::size_t i) const {
        if (ms.empty()) return std::nullopt;
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted[i];
    }
};

double time_ms(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Milliseconds of one hashlib call, measured inside Python; nullopt when Python is unavailable.
std::optional<double> hashlib_ms(const std::string& python, const std::string& call) {
    if (python.empty() || python == "none") return std::nullopt;
    const std::string script = "import hashlib, time\n"
                               "t = time.perf_counter(); " + call + "\n"
                               "print((time.perf_counter() - t) * 1000)\n";
    const std::string command = "'" + python + "' -c '" + script + "' 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    char buffer[64] = {};
    const bool got = std::fgets(buffer, sizeof buffer, pipe) != nullptr;
    const int status = ::pclose(pipe);
    if (!got || status != 0) return std::nullopt;
    return std::strtod(buffer, nullptr);
}

std::string ms(std::optional<double> value) {
    if (!value) return "n/a";
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << *value;
    return out.str();
}

std::string ratio(std::optional<double> a, std::optional<double> b) {
    if (!a || !b || *b <= 0) return "n/a";
    std::ostringstream out;
    out << std::fixed << std::setprecision(2) << *a / *b;
    return out.str();
}

int usage() {
    std::cerr << "usage: hash_bench [--python PATH|none] [--repeat N]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string python = "/usr/bin/python3";
    int repeat = 7;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--python" && i + 1 < argc) {
            python = argv[++i];
        } else if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else {
            return usage();
        }
    }

    const std::string provider = authgate::crypto::bench::sha256_provider();
    std::cout << "PBKDF2-HMAC-SHA256, 32-byte key, " << repeat << " rounds; each round times every implementation\n"
              << "once, in turn, so that load on the machine affects them alike. Median (best) in ms.\n"
              << "limit = 2 x iterations x the time of one SHA256::Transform (" << provider
              << "), timed over as many chained calls.\n\n";
    std::cout << std::left << std::setw(11) << "iterations" << std::right << std::setw(16) << "authgate"
              << std::setw(16) << "limit" << std::setw(16) << "stock" << std::setw(16) << "hashlib"
              << std::setw(16) << "authgate/limit" << std::setw(18) << "hashlib/authgate" << std::setw(16)
              << "stock/authgate" << '\n';
    for (std::uint32_t iterations : {260'000u, 600'000u}) {
        Samples fast, limit, stock, hashlib;
        const std::string call = "hashlib.pbkdf2_hmac(\"sha256\", b\"" + std::string(kPassword) + "\", b\"" + kSalt +
                                 "\", " + std::to_string(iterations) + ")";
        for (int round = 0; round < repeat; ++round) {
            fast.ms.push_back(time_ms([&] {
                authgate::crypto::pbkdf2_hmac(DigestAlgorithm::sha256, kPassword, kSalt, iterations, 32);
            }));
            limit.ms.push_back(2.0 * iterations * 1e3 *
                               authgate::crypto::bench::sha256_transform_seconds(2 * std::size_t{iterations}, 1));
            stock.ms.push_back(time_ms([&] {
                authgate::crypto::pbkdf2_hmac_stock(DigestAlgorithm::sha256, kPassword, kSalt, iterations, 32);
            }));
            if (const auto h = hashlib_ms(python, call)) hashlib.ms.push_back(*h);
        }
        auto both = [](const Samples& s) { return ms(s.median()) + " (" + ms(s.best()) + ")"; };
        std::cout << std::left << std::setw(11) << iterations << std::right << std::setw(16) << both(fast)
                  << std::setw(16) << both(limit) << std::setw(16) << both(stock) << std::setw(16) << both(hashlib)
                  << std::setw(16) << (ratio(fast.median(), limit.median()) + " (" + ratio(fast.best(), limit.best()) + ")")
                  << std::setw(18) << ratio(hashlib.median(), fast.median()) << std::setw(16)
                  << ratio(stock.median(), fast.median()) << '\n';
    }

    const int scrypt_repeat = std::max(3, repeat / 2);
    Samples scrypt, hashlib_scrypt;
    const std::string call = "hashlib.scrypt(b\"" + std::string(kPassword) + "\", salt=b\"" + kSalt +
                             "\", n=32768, r=8, p=1, maxmem=132*32768*8, dklen=64)";
    for (int round = 0; round < scrypt_repeat; ++round) {
        scrypt.ms.push_back(time_ms([&] { authgate::crypto::scrypt(kPassword, kSalt, 32768, 8, 1, 64); }));
        if (const auto h = hashlib_ms(python, call)) hashlib_scrypt.ms.push_back(*h);
    }
    std::cout << "\nscrypt 32768:8:1, 64-byte key, " << scrypt_repeat << " rounds, median (best) in ms\n"
              << "authgate (Crypto++ Scrypt) " << ms(scrypt.median()) << " (" << ms(scrypt.best()) << ")"
              << "   hashlib.scrypt " << ms(hashlib_scrypt.median()) << " (" << ms(hashlib_scrypt.best()) << ")"
              << "   hashlib/authgate " << ratio(hashlib_scrypt.median(), scrypt.median()) << '\n';
    return 0;
}
