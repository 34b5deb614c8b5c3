// hashing_gate.h -- bounds how many password hashes run at once, so page views keep flowing.
#pragma once

#include <condition_variable>
#include <mutex>

namespace authgate::auth {

// A counting semaphore shared by every worker thread.
class HashingGate {
public:
    // Allows `slots` concurrent hashes (at least 1); 0 means the number of CPU cores.
    explicit HashingGate(unsigned slots = 0);

    // Holds one slot for its lifetime.
    class Slot {
    public:
        explicit Slot(HashingGate& gate);
        ~Slot();
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

    private:
        HashingGate& gate_;
    };

private:
    std::mutex mutex_;
    std::condition_variable available_;
    unsigned free_;
};

}  // namespace authgate::auth
