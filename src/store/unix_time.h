// unix_time.h -- the wall clock, in the unix seconds that every stored time uses.
#pragma once

#include <chrono>
#include <cstdint>

namespace authgate::store {

// Returns the current time in whole unix seconds, read from CLOCK_REALTIME. Use this, not
// std::time(): glibc's time() reads the coarse clock, which can lag a tick behind, so a time it
// returns may be a second earlier than one another process read a moment before.
inline std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace authgate::store
