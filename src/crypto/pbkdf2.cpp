// pbkdf2.cpp -- PBKDF2-HMAC with precomputed HMAC states and two compression calls per iteration.
#include "crypto/pbkdf2.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include <cryptopp/hmac.h>
#include <cryptopp/misc.h>
#include <cryptopp/pwdbased.h>
#include <cryptopp/secblock.h>
#include <cryptopp/sha.h>

namespace authgate::crypto {
namespace {

using CryptoPP::byte;

// Loads `count` big-endian words from `in` into native words, as Transform expects them.
template <class Word>
void load_big_endian(const byte* in, Word* out, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        Word w = 0;
        for (std::size_t b = 0; b < sizeof(Word); ++b) w = static_cast<Word>((w << 8) | in[i * sizeof(Word) + b]);
        out[i] = w;
    }
}

// Stores native words big-endian, writing at most `max_bytes` bytes.
template <class Word>
void store_big_endian(const Word* in, byte* out, std::size_t max_bytes) {
    for (std::size_t i = 0; i < max_bytes; ++i) {
        const Word w = in[i / sizeof(Word)];
        out[i] = static_cast<byte>(w >> (8 * (sizeof(Word) - 1 - i % sizeof(Word))));
    }
}

// One PBKDF2 output block at a time, with the HMAC key schedule (inner and outer state after the
// padded key block) computed once in the constructor.
template <class Hash>
class FastPbkdf2 {
public:
    using Word = typename Hash::HashWordType;
    static constexpr std::size_t kBlockBytes = Hash::BLOCKSIZE;
    static constexpr std::size_t kDigestBytes = Hash::DIGESTSIZE;
    static constexpr std::size_t kBlockWords = kBlockBytes / sizeof(Word);    // always 16
    static constexpr std::size_t kDigestWords = kDigestBytes / sizeof(Word);  // 5, 7, 8, 6 or 8
    static constexpr std::size_t kStateWords = 8;  // room for every SHA state
    // Words of state Transform reads and writes: SHA-1 5, SHA-224/256 8, SHA-384/512 8.
    static constexpr std::size_t kStateWordsUsed = kDigestBytes == 20 ? 5 : 8;
    static_assert(kBlockWords == 16 && kDigestBytes % sizeof(Word) == 0 && kDigestWords + 3 <= kBlockWords);

    explicit FastPbkdf2(std::string_view password) : mac_(bytes(password), password.size()) {
        alignas(16) byte key[kBlockBytes] = {};
        if (password.size() > kBlockBytes) {
            Hash().CalculateDigest(key, bytes(password), password.size());
        } else if (!password.empty()) {
            std::memcpy(key, password.data(), password.size());
        }
        alignas(16) byte padded[kBlockBytes];
        alignas(16) Word words[kBlockWords];
        for (std::size_t i = 0; i < kBlockBytes; ++i) padded[i] = key[i] ^ 0x36;
        load_big_endian(padded, words, kBlockWords);
        Hash::InitState(inner_);
        Hash::Transform(inner_, words);
        for (std::size_t i = 0; i < kBlockBytes; ++i) padded[i] = key[i] ^ 0x5c;
        load_big_endian(padded, words, kBlockWords);
        Hash::InitState(outer_);
        Hash::Transform(outer_, words);
        CryptoPP::SecureWipeArray(key, kBlockBytes);
        CryptoPP::SecureWipeArray(padded, kBlockBytes);
        CryptoPP::SecureWipeArray(words, kBlockWords);
    }

    ~FastPbkdf2() {
        CryptoPP::SecureWipeArray(inner_, kStateWords);
        CryptoPP::SecureWipeArray(outer_, kStateWords);
    }

    FastPbkdf2(const FastPbkdf2&) = delete;
    FastPbkdf2& operator=(const FastPbkdf2&) = delete;

    // Writes the first `len` (<= digest size) bytes of T_index = U_1 ^ ... ^ U_iterations to `out`.
    void block(std::string_view salt, std::uint32_t iterations, std::uint32_t index, byte* out, std::size_t len) {
        // U_1 = HMAC(P, S || INT(index)): the one HMAC over variable-length input, done by Crypto++.
        alignas(16) byte u1[kDigestBytes];
        const byte counter[4] = {byte(index >> 24), byte(index >> 16), byte(index >> 8), byte(index)};
        mac_.Update(bytes(salt), salt.size());
        mac_.Update(counter, sizeof counter);
        mac_.Final(u1);

        // The message of every later HMAC step, inner and outer alike, is one digest after one key
        // block: the same single padded block, of which only the first kDigestWords words change.
        alignas(16) Word msg[kBlockWords] = {};
        load_big_endian(u1, msg, kDigestWords);
        msg[kDigestWords] = Word(0x80) << (8 * sizeof(Word) - 8);
        msg[kBlockWords - 1] = static_cast<Word>((kBlockBytes + kDigestBytes) * 8);  // length in bits

        alignas(16) Word acc[kStateWords] = {};
        std::copy(msg, msg + kDigestWords, acc);
        if constexpr (kStateWordsUsed == kDigestWords) {
            // SHA-1, SHA-256, SHA-512: Transform's state output *is* the next message, so two blocks
            // take turns as state and message and no digest is copied. (SHA-224 and SHA-384 keep a
            // wider state than their digest, which would overwrite the padding.)
            alignas(16) Word other[kBlockWords];
            std::copy(msg, msg + kBlockWords, other);
            for (std::uint32_t j = 1; j < iterations; ++j) {
                std::memcpy(other, inner_, kStateWordsUsed * sizeof(Word));
                Hash::Transform(other, msg);  // other[0..d) = inner hash, other[d..16) = padding
                std::memcpy(msg, outer_, kStateWordsUsed * sizeof(Word));
                Hash::Transform(msg, other);  // msg[0..d) = U_j
                for (std::size_t k = 0; k < kDigestWords; ++k) acc[k] ^= msg[k];
            }
            CryptoPP::SecureWipeArray(other, kBlockWords);
        } else {
            alignas(16) Word state[kStateWords];
            for (std::uint32_t j = 1; j < iterations; ++j) {
                std::memcpy(state, inner_, sizeof state);
                Hash::Transform(state, msg);
                std::copy(state, state + kDigestWords, msg);
                std::memcpy(state, outer_, sizeof state);
                Hash::Transform(state, msg);
                for (std::size_t k = 0; k < kDigestWords; ++k) {
                    msg[k] = state[k];
                    acc[k] ^= state[k];
                }
            }
            CryptoPP::SecureWipeArray(state, kStateWords);
        }
        store_big_endian(acc, out, len);

        CryptoPP::SecureWipeArray(u1, kDigestBytes);
        CryptoPP::SecureWipeArray(msg, kBlockWords);
        CryptoPP::SecureWipeArray(acc, kStateWords);
    }

private:
    static const byte* bytes(std::string_view s) { return reinterpret_cast<const byte*>(s.data()); }

    CryptoPP::HMAC<Hash> mac_;
    alignas(16) Word inner_[kStateWords] = {};
    alignas(16) Word outer_[kStateWords] = {};
};

template <class Hash>
void derive_fast(std::string_view password, std::string_view salt, std::uint32_t iterations, byte* out,
                 std::size_t out_len) {
    FastPbkdf2<Hash> kdf(password);
    std::uint32_t index = 1;
    for (std::size_t done = 0; done < out_len; done += Hash::DIGESTSIZE, ++index) {
        const std::size_t len = std::min<std::size_t>(Hash::DIGESTSIZE, out_len - done);
        kdf.block(salt, iterations, index, out + done, len);
    }
}

template <class Hash>
void derive_stock(std::string_view password, std::string_view salt, std::uint32_t iterations, byte* out,
                  std::size_t out_len) {
    CryptoPP::PKCS5_PBKDF2_HMAC<Hash> kdf;
    kdf.DeriveKey(out, out_len, 0, reinterpret_cast<const byte*>(password.data()), password.size(),
                  reinterpret_cast<const byte*>(salt.data()), salt.size(), iterations);
}

void check_contract(DigestAlgorithm digest, std::uint32_t iterations, std::size_t out_len) {
    if (digest == DigestAlgorithm::md5) throw std::invalid_argument("pbkdf2_hmac: md5 is not offered");
    if (iterations < 1) throw std::invalid_argument("pbkdf2_hmac: iterations must be at least 1");
    const std::uint64_t max_len = 0xffffffffULL * digest_size(digest);
    if (out_len < 1 || out_len > max_len) throw std::invalid_argument("pbkdf2_hmac: bad output length");
}

}  // namespace

void pbkdf2_hmac(DigestAlgorithm digest, std::string_view password, std::string_view salt,
                 std::uint32_t iterations, unsigned char* out, std::size_t out_len) {
    check_contract(digest, iterations, out_len);
    switch (digest) {
    case DigestAlgorithm::sha1: return derive_fast<CryptoPP::SHA1>(password, salt, iterations, out, out_len);
    case DigestAlgorithm::sha224: return derive_fast<CryptoPP::SHA224>(password, salt, iterations, out, out_len);
    case DigestAlgorithm::sha256: return derive_fast<CryptoPP::SHA256>(password, salt, iterations, out, out_len);
    case DigestAlgorithm::sha384: return derive_fast<CryptoPP::SHA384>(password, salt, iterations, out, out_len);
    case DigestAlgorithm::sha512: return derive_fast<CryptoPP::SHA512>(password, salt, iterations, out, out_len);
    case DigestAlgorithm::md5: break;
    }
    throw std::invalid_argument("pbkdf2_hmac: unsupported digest");
}

std::string pbkdf2_hmac(DigestAlgorithm digest, std::string_view password, std::string_view salt,
                        std::uint32_t iterations, std::size_t out_len) {
    check_contract(digest, iterations, out_len);
    std::string out(out_len, '\0');
    pbkdf2_hmac(digest, password, salt, iterations, reinterpret_cast<unsigned char*>(out.data()), out_len);
    return out;
}

std::string pbkdf2_hmac_stock(DigestAlgorithm digest, std::string_view password, std::string_view salt,
                              std::uint32_t iterations, std::size_t out_len) {
    check_contract(digest, iterations, out_len);
    std::string result(out_len, '\0');
    auto* out = reinterpret_cast<byte*>(result.data());
    switch (digest) {
    case DigestAlgorithm::sha1: derive_stock<CryptoPP::SHA1>(password, salt, iterations, out, out_len); break;
    case DigestAlgorithm::sha224: derive_stock<CryptoPP::SHA224>(password, salt, iterations, out, out_len); break;
    case DigestAlgorithm::sha256: derive_stock<CryptoPP::SHA256>(password, salt, iterations, out, out_len); break;
    case DigestAlgorithm::sha384: derive_stock<CryptoPP::SHA384>(password, salt, iterations, out, out_len); break;
    case DigestAlgorithm::sha512: derive_stock<CryptoPP::SHA512>(password, salt, iterations, out, out_len); break;
    case DigestAlgorithm::md5: throw std::invalid_argument("pbkdf2_hmac_stock: unsupported digest");
    }
    return result;
}

}  // namespace authgate::crypto
