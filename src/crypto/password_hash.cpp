// password_hash.cpp -- making, verifying and upgrading werkzeug-format password hashes.
#include "crypto/password_hash.h"

#include <algorithm>
#include <stdexcept>

#include <cryptopp/filters.h>
#include <cryptopp/hex.h>
#include <cryptopp/misc.h>
#include <cryptopp/secblock.h>

#include "crypto/hex.h"
#include "crypto/pbkdf2.h"
#include "crypto/random.h"
#include "crypto/scrypt.h"
#include "crypto/stored_hash.h"

namespace authgate::crypto {
namespace {

std::string_view as_view(const CryptoPP::SecByteBlock& block) {
    return {reinterpret_cast<const char*>(block.data()), block.size()};
}

// Derives the key `method` describes into `out` (sized by the caller to derived_length(method)).
void derive(const HashMethod& method, std::string_view password, std::string_view salt,
            CryptoPP::SecByteBlock& out) {
    const HashPolicy& p = method.params;
    switch (method.kind) {
    case MethodKind::pbkdf2:
        pbkdf2_hmac(p.digest, password, salt, p.iterations, out.data(), out.size());
        return;
    case MethodKind::scrypt:
        scrypt(password, salt, p.n, p.r, p.p, out.data(), out.size());
        return;
    case MethodKind::legacy_hmac: {
        std::string mac = hmac_bytes(p.digest, salt, password);  // hmac.new(salt, password, digest)
        std::copy(mac.begin(), mac.end(), out.begin());
        CryptoPP::SecureWipeBuffer(reinterpret_cast<CryptoPP::byte*>(mac.data()), mac.size());
        return;
    }
    }
    throw std::logic_error("derive: unknown method kind");
}

VerifyResult verify(std::string_view stored, std::string_view password) {
    const StoredHashParse parsed = parse_stored_hash(stored);
    if (!parsed.hash) return VerifyResult::malformed;
    const StoredHash& hash = *parsed.hash;

    CryptoPP::SecByteBlock derived(derived_length(hash.method));
    derive(hash.method, password, hash.salt, derived);

    CryptoPP::SecByteBlock expected(derived.size());
    CryptoPP::StringSource decode(reinterpret_cast<const CryptoPP::byte*>(hash.hex.data()), hash.hex.size(), true,
                                  new CryptoPP::HexDecoder(new CryptoPP::ArraySink(expected.data(), expected.size())));
    return CryptoPP::VerifyBufsEqual(derived.data(), expected.data(), derived.size()) ? VerifyResult::match
                                                                                       : VerifyResult::no_match;
}

}  // namespace

std::string hash_password(std::string_view password, const HashPolicy& policy) {
    const std::string problem = policy_problem(policy);
    if (!problem.empty()) throw std::invalid_argument("hash_password: " + problem);

    HashMethod method;
    method.kind = policy.scheme == HashScheme::scrypt ? MethodKind::scrypt : MethodKind::pbkdf2;
    method.params = policy;
    const std::string salt = random_alnum(hash_bounds::salt_length);
    CryptoPP::SecByteBlock derived(derived_length(method));
    derive(method, password, salt, derived);
    return describe(policy) + "$" + salt + "$" + to_hex(as_view(derived));
}

VerifyResult verify_password(std::string_view stored, std::string_view password) noexcept {
    try {
        return verify(stored, password);
    } catch (...) {  // std::bad_alloc for a large scrypt, or a broken invariant: never a match
        return VerifyResult::malformed;
    }
}

bool check_password(std::string_view stored, std::string_view password) noexcept {
    return verify_password(stored, password) == VerifyResult::match;
}

bool needs_rehash(std::string_view stored, const HashPolicy& policy) noexcept {
    try {
        const StoredHashParse parsed = parse_stored_hash(stored);
        if (!parsed.hash) return true;
        const HashMethod& method = parsed.hash->method;
        if (method.kind == MethodKind::legacy_hmac || !method.explicit_parameters) return true;
        if (parsed.hash->salt.size() < hash_bounds::salt_length) return true;
        const HashPolicy& have = method.params;
        if (have.scheme != policy.scheme) return true;
        if (policy.scheme == HashScheme::pbkdf2) {
            return have.digest != policy.digest || have.iterations < policy.iterations;
        }
        return have.n < policy.n || have.r < policy.r || have.p < policy.p;
    } catch (...) {
        return true;
    }
}

std::string hash_problem(std::string_view stored) { return parse_stored_hash(stored).problem; }

}  // namespace authgate::crypto
