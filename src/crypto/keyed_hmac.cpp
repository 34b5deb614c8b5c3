// keyed_hmac.cpp -- HMAC-SHA-256 from two SHA-256 states saved after the padded key blocks.
#include "crypto/keyed_hmac.h"

#include <cryptopp/secblock.h>
#include <cryptopp/sha.h>

#include <algorithm>
#include <array>

#include "crypto/hex.h"

namespace authgate::crypto {

struct HmacSha256Key::State {
    CryptoPP::SHA256 inner;  // after absorbing key XOR ipad
    CryptoPP::SHA256 outer;  // after absorbing key XOR opad
};

namespace {

const CryptoPP::byte* bytes_of(std::string_view text) {
    return reinterpret_cast<const CryptoPP::byte*>(text.data());
}

}  // namespace

HmacSha256Key::HmacSha256Key(std::string_view key) {
    constexpr std::size_t block = CryptoPP::SHA256::BLOCKSIZE;
    // SecByteBlocks start zeroed and are wiped when they go.
    CryptoPP::SecByteBlock padded(block);
    std::fill(padded.begin(), padded.end(), 0);
    if (key.size() > block) {
        CryptoPP::SHA256 shorten;
        shorten.CalculateDigest(padded.data(), bytes_of(key), key.size());
    } else {
        std::copy(key.begin(), key.end(), padded.begin());
    }
    auto state = std::make_shared<State>();
    CryptoPP::SecByteBlock pad(block);
    for (std::size_t i = 0; i < block; ++i) pad[i] = padded[i] ^ 0x36;
    state->inner.Update(pad.data(), pad.size());
    for (std::size_t i = 0; i < block; ++i) pad[i] = padded[i] ^ 0x5c;
    state->outer.Update(pad.data(), pad.size());
    state_ = std::move(state);
}

std::string HmacSha256Key::hex(std::string_view message) const {
    std::array<CryptoPP::byte, CryptoPP::SHA256::DIGESTSIZE> digest{};
    CryptoPP::SHA256 inner(state_->inner);
    inner.Update(bytes_of(message), message.size());
    inner.Final(digest.data());
    CryptoPP::SHA256 outer(state_->outer);
    outer.Update(digest.data(), digest.size());
    outer.Final(digest.data());
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

}  // namespace authgate::crypto
