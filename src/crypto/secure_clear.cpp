// secure_clear.cpp -- wiping std::string buffers with Crypto++'s SecureWipeBuffer.
#include "crypto/secure_clear.h"

#include <cryptopp/misc.h>

namespace authgate::crypto {

void secure_clear(std::string& secret) {
    secret.resize(secret.capacity());  // the bytes past size() may still hold an older, longer secret
    if (!secret.empty()) CryptoPP::SecureWipeBuffer(reinterpret_cast<CryptoPP::byte*>(secret.data()), secret.size());
    secret.clear();
}

}  // namespace authgate::crypto
