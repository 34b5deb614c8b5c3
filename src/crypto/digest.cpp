// digest.cpp -- message digests, HMAC and constant-time comparison on top of Crypto++.
#include "crypto/digest.h"

#include <stdexcept>

#include <cryptopp/hmac.h>
#include <cryptopp/misc.h>
#include <cryptopp/sha.h>
#define CRYPTOPP_ENABLE_NAMESPACE_WEAK 1
#include <cryptopp/md5.h>

#include "crypto/hex.h"

namespace authgate::crypto {
namespace {

const CryptoPP::byte* bytes_of(std::string_view s) {
    return reinterpret_cast<const CryptoPP::byte*>(s.data());
}

template <class Hash>
std::string hash_raw(std::string_view data) {
    std::string out(Hash::DIGESTSIZE, '\0');
    Hash().CalculateDigest(reinterpret_cast<CryptoPP::byte*>(out.data()), bytes_of(data), data.size());
    return out;
}

template <class Hash>
std::string hmac_raw(std::string_view key, std::string_view message) {
    CryptoPP::HMAC<Hash> mac(bytes_of(key), key.size());
    std::string out(mac.DigestSize(), '\0');
    mac.CalculateDigest(reinterpret_cast<CryptoPP::byte*>(out.data()), bytes_of(message), message.size());
    return out;
}

}  // namespace

std::string_view digest_name(DigestAlgorithm digest) {
    switch (digest) {
    case DigestAlgorithm::md5: return "md5";
    case DigestAlgorithm::sha1: return "sha1";
    case DigestAlgorithm::sha224: return "sha224";
    case DigestAlgorithm::sha256: return "sha256";
    case DigestAlgorithm::sha384: return "sha384";
    case DigestAlgorithm::sha512: return "sha512";
    }
    throw std::invalid_argument("digest_name: unknown digest");
}

std::optional<DigestAlgorithm> parse_digest_name(std::string_view name) {
    for (DigestAlgorithm d : {DigestAlgorithm::md5, DigestAlgorithm::sha1, DigestAlgorithm::sha224,
                              DigestAlgorithm::sha256, DigestAlgorithm::sha384, DigestAlgorithm::sha512}) {
        if (digest_name(d) == name) return d;
    }
    return std::nullopt;
}

std::size_t digest_size(DigestAlgorithm digest) {
    switch (digest) {
    case DigestAlgorithm::md5: return 16;
    case DigestAlgorithm::sha1: return 20;
    case DigestAlgorithm::sha224: return 28;
    case DigestAlgorithm::sha256: return 32;
    case DigestAlgorithm::sha384: return 48;
    case DigestAlgorithm::sha512: return 64;
    }
    throw std::invalid_argument("digest_size: unknown digest");
}

std::string sha256_hex(std::string_view data) { return to_hex(hash_raw<CryptoPP::SHA256>(data)); }

std::string sha512_hex(std::string_view data) { return to_hex(hash_raw<CryptoPP::SHA512>(data)); }

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
    return to_hex(hmac_raw<CryptoPP::SHA256>(key, message));
}

std::string hmac_bytes(DigestAlgorithm digest, std::string_view key, std::string_view message) {
    switch (digest) {
    case DigestAlgorithm::md5: return hmac_raw<CryptoPP::Weak::MD5>(key, message);
    case DigestAlgorithm::sha1: return hmac_raw<CryptoPP::SHA1>(key, message);
    case DigestAlgorithm::sha224: return hmac_raw<CryptoPP::SHA224>(key, message);
    case DigestAlgorithm::sha256: return hmac_raw<CryptoPP::SHA256>(key, message);
    case DigestAlgorithm::sha384: return hmac_raw<CryptoPP::SHA384>(key, message);
    case DigestAlgorithm::sha512: return hmac_raw<CryptoPP::SHA512>(key, message);
    }
    throw std::invalid_argument("hmac_bytes: unknown digest");
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return CryptoPP::VerifyBufsEqual(bytes_of(a), bytes_of(b), a.size());
}

}  // namespace authgate::crypto
