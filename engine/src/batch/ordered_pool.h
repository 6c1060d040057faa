#pragma once
// Internal: a bounded, order-preserving parallel map over a stream of items. The batch
// dry-run and the corpus comparison both run on it.
//
// The calling thread reads items and emits results; `jobs` workers compute. Items live in a
// ring of `window` slots: an item is read only when its slot's previous result has been
// emitted, so at most `window` items and results exist at once, whatever the stream's
// length, and results are emitted strictly in input order.

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mdsl::detail {

/// next(Item&) -> bool reads the next item (false at the end); work(std::uint64_t index,
/// Item&) -> Result computes on a worker; emit(std::uint64_t index, Result&&) consumes results
/// on the calling thread in input order. An exception from `work` is rethrown by
/// orderedParallelMap after the workers have stopped.
template <class Item, class Result, class Next, class Work, class Emit>
void orderedParallelMap(unsigned jobs, std::size_t window, Next&& next, Work&& work, Emit&& emit)
{
    jobs = jobs == 0 ? 1 : jobs;
    window = window < jobs ? jobs : window;

    struct Slot {
        Item item{};
        std::optional<Result> result;
        std::exception_ptr error;
        bool done = false;
    };
    std::vector<Slot> slots(window);
    std::mutex mutex;
    std::condition_variable workAvailable;
    std::condition_variable resultReady;
    std::uint64_t readCount = 0;     // items handed out
    std::uint64_t takenCount = 0;    // items taken by workers
    bool stop = false;

    auto worker = [&] {
        for (;;) {
            std::uint64_t index = 0;
            {
                std::unique_lock lock(mutex);
                workAvailable.wait(lock, [&] { return stop || takenCount < readCount; });
                if (takenCount == readCount)
                    return;   // stopping and nothing left
                index = takenCount++;
            }
            Slot& slot = slots[index % window];
            std::optional<Result> result;
            std::exception_ptr error;
            try {
                result.emplace(work(index, slot.item));
            } catch (...) {
                error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex);
                slot.result = std::move(result);
                slot.error = error;
                slot.done = true;
            }
            resultReady.notify_one();
        }
    };

    std::vector<std::thread> workers;
    workers.reserve(jobs);
    struct Joiner {   // stops the workers on every exit path, exceptions included
        std::vector<std::thread>& threads;
        std::mutex& m;
        std::condition_variable& cv;
        bool& flag;
        ~Joiner()
        {
            {
                std::lock_guard lock(m);
                flag = true;
            }
            cv.notify_all();
            for (std::thread& t : threads)
                t.join();
        }
    } joiner{workers, mutex, workAvailable, stop};
    for (unsigned i = 0; i < jobs; ++i)
        workers.emplace_back(worker);

    std::uint64_t emitted = 0;
    bool end = false;
    for (;;) {
        // Fill every free slot. Reading happens outside the lock: the slot is free, no
        // worker touches it until readCount is raised.
        while (!end && readCount - emitted < window) {
            Slot& slot = slots[readCount % window];
            if (!next(slot.item)) {
                end = true;
                break;
            }
            {
                std::lock_guard lock(mutex);
                slot.done = false;
                ++readCount;
            }
            workAvailable.notify_one();
        }
        if (emitted == readCount)
            break;   // end of input, everything emitted
        Slot& slot = slots[emitted % window];
        {
            std::unique_lock lock(mutex);
            resultReady.wait(lock, [&] { return slot.done; });
        }
        if (slot.error)
            std::rethrow_exception(slot.error);
        emit(emitted, std::move(*slot.result));
        slot.result.reset();
        ++emitted;
    }
}

} // namespace mdsl::detail
