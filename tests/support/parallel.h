// parallel.h -- runs the same step on several threads that all start at one moment, for the
// end-to-end tests of what happens when requests arrive together.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace authgate::test {

// Lets every thread go at once.
class StartLine {
public:
    explicit StartLine(int runners) : waiting_(runners) {}
    void arrive_and_wait() {
        std::unique_lock<std::mutex> lock(mutex_);
        if (--waiting_ == 0) {
            go_.notify_all();
            return;
        }
        go_.wait(lock, [this] { return waiting_ == 0; });
    }

private:
    std::mutex mutex_;
    std::condition_variable go_;
    int waiting_;
};

// Runs `step(i)` for i in 0..runners-1, each on its own thread, released together from a start
// line. Returns the message of what each step threw ("" when it returned).
inline std::vector<std::string> run_at_once(int runners, const std::function<void(int)>& step) {
    StartLine start(runners);
    std::vector<std::string> errors(runners);
    std::vector<std::thread> threads;
    for (int i = 0; i < runners; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            try {
                step(i);
            } catch (const std::exception& error) {
                errors[i] = error.what();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    return errors;
}

}  // namespace authgate::test
