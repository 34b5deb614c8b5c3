// bench_probe.cpp -- timing CryptoPP::SHA256::Transform, the floor under PBKDF2-HMAC-SHA256.
#include "crypto/bench_probe.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include <cryptopp/sha.h>

namespace authgate::crypto::bench {

double sha256_transform_seconds(std::size_t calls, int rounds) {
    alignas(16) CryptoPP::word32 state[8];
    alignas(16) CryptoPP::word32 block[16] = {0x61626380};
    block[15] = 24;
    std::vector<double> samples;
    for (int r = 0; r < std::max(rounds, 1); ++r) {
        CryptoPP::SHA256::InitState(state);
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < calls; ++i) CryptoPP::SHA256::Transform(state, block);
        const auto stop = std::chrono::steady_clock::now();
        block[1] ^= state[0];  // keep the result observable
        samples.push_back(std::chrono::duration<double>(stop - start).count() / static_cast<double>(calls));
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

std::string sha256_provider() { return CryptoPP::SHA256().AlgorithmProvider(); }

}  // namespace authgate::crypto::bench
