// bench_probe.h -- timings of Crypto++ primitives for bench/hash (built into the benchmark only).
#pragma once

#include <cstddef>
#include <string>

namespace authgate::crypto::bench {

// Seconds per call of CryptoPP::SHA256::Transform, timed over `calls` back-to-back calls in which
// each call depends on the state the previous one left (as in a PBKDF2 iteration); median of `rounds`.
double sha256_transform_seconds(std::size_t calls, int rounds);

// The implementation Crypto++ picked for SHA-256 on this CPU ("SHANI", "SSE4", "C++", ...).
std::string sha256_provider();

}  // namespace authgate::crypto::bench
