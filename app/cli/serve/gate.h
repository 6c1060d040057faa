#pragma once
// How many requests run the engines at once: as many as there are cores (--jobs), the others
// wait in a bounded queue. A full queue is answered 429, a wait past its deadline 503, so that
// an overloaded service says so at once rather than piling up work it cannot finish.

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace cli::serve {

class Gate {
public:
    enum class Entry { Admitted, QueueFull, TimedOut };

    Gate(unsigned running, unsigned waiting) : maxRunning_(running), maxWaiting_(waiting) {}

    Entry enter(std::chrono::milliseconds patience)
    {
        std::unique_lock lock(mutex_);
        if (running_ < maxRunning_) {
            ++running_;
            return Entry::Admitted;
        }
        if (waiting_ >= maxWaiting_)
            return Entry::QueueFull;
        ++waiting_;
        const bool admitted = freed_.wait_for(lock, patience, [this] { return running_ < maxRunning_; });
        --waiting_;
        if (!admitted)
            return Entry::TimedOut;
        ++running_;
        return Entry::Admitted;
    }

    void leave()
    {
        {
            const std::lock_guard lock(mutex_);
            --running_;
        }
        freed_.notify_one();
    }

private:
    std::mutex mutex_;
    std::condition_variable freed_;
    unsigned running_ = 0;
    unsigned waiting_ = 0;
    unsigned maxRunning_;
    unsigned maxWaiting_;
};

} // namespace cli::serve
