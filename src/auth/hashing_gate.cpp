// hashing_gate.cpp -- a small counting semaphore.
#include "auth/hashing_gate.h"

#include <thread>

namespace authgate::auth {

HashingGate::HashingGate(unsigned slots) : free_(slots ? slots : std::thread::hardware_concurrency()) {
    if (free_ == 0) free_ = 1;
}

HashingGate::Slot::Slot(HashingGate& gate) : gate_(gate) {
    std::unique_lock<std::mutex> lock(gate_.mutex_);
    gate_.available_.wait(lock, [this] { return gate_.free_ > 0; });
    --gate_.free_;
}

HashingGate::Slot::~Slot() {
    {
        std::lock_guard<std::mutex> lock(gate_.mutex_);
        ++gate_.free_;
    }
    gate_.available_.notify_one();
}

}  // namespace authgate::auth
