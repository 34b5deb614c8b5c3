// secure_clear.h -- overwrite a string that held a secret before it is released.
#pragma once

#include <string>

namespace authgate::crypto {

// Overwrites every byte of `secret`'s buffer (its whole capacity) with zeros in a way the compiler
// may not elide, then empties it. Copies made earlier (reallocations, other strings) are not reached.
void secure_clear(std::string& secret);

}  // namespace authgate::crypto
