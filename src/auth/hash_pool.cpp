// hash_pool.cpp -- the hashing threads, their queue and the admission count.
#include "auth/hash_pool.h"

#include <algorithm>
#include <exception>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace authgate::auth {

namespace {

// Hashing threads yield the CPU to request workers (nice +10 on Linux, per thread).
void lower_this_threads_priority() {
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
}

}  // namespace

struct HashPool::Task {
    enum class State { queued, running, done, dropped };
    std::function<void()> job;
    State state = State::queued;
    std::exception_ptr failure;
    std::condition_variable changed;
};

HashPool::HashPool(unsigned threads, unsigned max_in_flight, unsigned max_in_login, std::chrono::milliseconds max_wait)
    : max_wait_(max_wait),
      max_in_flight_(max_in_flight ? max_in_flight : 1),
      max_in_login_(std::max(max_in_login, max_in_flight_)) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

HashPool::~HashPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_all();
    for (auto& thread : threads_) thread.join();
}

HashPool::Admission::~Admission() {
    if (!pool_) return;
    {
        std::lock_guard<std::mutex> lock(pool_->mutex_);
        --pool_->in_flight_;
    }
    pool_->admitted_.notify_one();
}

std::optional<HashPool::Admission> HashPool::admit() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (in_flight_ + waiting_ >= max_in_login_) return std::nullopt;
    ++waiting_;
    bool admitted = admitted_.wait_for(lock, max_wait_, [this] { return in_flight_ < max_in_flight_; });
    --waiting_;
    if (!admitted) return std::nullopt;
    ++in_flight_;
    return std::optional<Admission>(std::in_place, *this);
}

long HashPool::retry_after_seconds() const {
    return std::max<long>(1, static_cast<long>((max_wait_.count() + 999) / 1000));
}

bool HashPool::run(const Admission&, const std::function<void()>& job) {
    if (threads_.empty()) {
        job();
        return true;
    }
    auto task = std::make_shared<Task>();
    task->job = job;
    std::unique_lock<std::mutex> lock(mutex_);
    queue_.push_back(task);
    queued_.notify_one();
    if (!task->changed.wait_for(lock, max_wait_, [&] { return task->state != Task::State::queued; })) {
        task->state = Task::State::dropped;
        return false;
    }
    task->changed.wait(lock, [&] { return task->state == Task::State::done; });
    if (task->failure) std::rethrow_exception(task->failure);
    return true;
}

void HashPool::work() {
    lower_this_threads_priority();
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        auto task = queue_.front();
        queue_.pop_front();
        if (task->state == Task::State::dropped) continue;
        task->state = Task::State::running;
        task->changed.notify_all();
        lock.unlock();
        try {
            task->job();
        } catch (...) {
            task->failure = std::current_exception();
        }
        lock.lock();
        task->state = Task::State::done;
        task->changed.notify_all();
    }
}

}  // namespace authgate::auth
