#pragma once
// The one way the studio runs work off the UI thread (docs/architecture.md, "The studio").
//
//   BackgroundLane<Request, Result> lane(&pool, work, deliver);
//   lane.schedule(request, 60);   // after 60 ms of quiet; a newer call replaces it
//
// A lane is one kind of work (the problems of the text, the preview, a debugger recording, a
// conditional continue...):
// - debounce (optional): a request waits `delayMs`; a newer one replaces it and starts the
//   delay again;
// - one run at a time: a request that comes while a job runs waits for it, and only the newest
//   waiting request follows;
// - newest wins: a job's result is delivered (on the UI thread) only when no request and no
//   cancel() came after the job's; an older result is dropped, and let go of in a worker thread
//   (a large preview takes the UI thread tens of milliseconds to free);
// - cancellation: a newer request or cancel() sets the running job's cancel flag; a long job
//   reads it from time to time and gives up (the debugger's condition search does). A job that
//   never reads it simply runs to its end, its result dropped.
// Parallelism inside one job (two sides of a preview at once) is the job's own business.

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace studio {

/// Lets go of a value in a worker thread: freeing a preview result of a large output (JSON
/// trees, texts, tables of lines) takes the UI thread tens of milliseconds.
template <typename T>
void releaseInBackground(T&& value)
{
    QThreadPool::globalInstance()->start([doomed = std::make_shared<std::decay_t<T>>(std::forward<T>(value))] {});
}

template <typename Request, typename Result>
class BackgroundLane {
public:
    /// The job, run in a thread of the pool: the request, and the flag that says its result is
    /// no longer wanted.
    using Work = std::function<Result(const Request&, const std::atomic<bool>& cancelled)>;
    /// Called on the UI thread with the newest job's result and the number of its request
    /// (1, 2, ... in the order of schedule()).
    using Deliver = std::function<void(Result&&, quint64 generation)>;

    /// `pool`: where the jobs run (nullptr: the global pool); it must outlive the lane.
    BackgroundLane(QThreadPool* pool, Work work, Deliver deliver)
        : pool_(pool ? pool : QThreadPool::globalInstance())
        , work_(std::move(work))
        , deliver_(std::move(deliver))
    {
        timer_.setSingleShot(true);
        QObject::connect(&timer_, &QTimer::timeout, &guard_, [this] { startIfIdle(); });
    }

    /// Cancels the running job and waits for it: no job outlives its lane, and nothing is
    /// delivered after.
    ~BackgroundLane()
    {
        cancel();
        if (watcher_)
            watcher_->waitForFinished();
    }

    BackgroundLane(const BackgroundLane&) = delete;
    BackgroundLane& operator=(const BackgroundLane&) = delete;

    /// Runs `request` after `delayMs` (0: as soon as the lane is free), in place of any waiting
    /// request; a running job is asked to stop (its result will be dropped).
    void schedule(Request request, int delayMs = 0)
    {
        cancelRunning();
        waiting_ = std::move(request);
        waitingGeneration_ = ++generation_;
        // Even without a delay, from the event loop: requests made in one go make one job.
        timer_.start(qMax(0, delayMs));
    }

    /// Drops a waiting request and cancels the running job: nothing is delivered until the
    /// next schedule().
    void cancel()
    {
        ++generation_;
        timer_.stop();
        waiting_.reset();
        cancelRunning();
    }

    /// A job runs or a request waits.
    [[nodiscard]] bool busy() const { return running() || waiting_.has_value(); }
    /// A job runs (cancelled or not).
    [[nodiscard]] bool running() const { return watcher_ != nullptr; }
    /// A result will be delivered: a request waits, or the job running is the newest one's.
    [[nodiscard]] bool pending() const
    {
        return waiting_.has_value() || (running() && runningGeneration_ == generation_);
    }

    /// Starts a waiting request now, waits for the job and delivers its result (tests, benchmarks).
    void waitForIdle()
    {
        if (waiting_ && !running()) {
            timer_.stop();
            startIfIdle();
        }
        if (!watcher_)
            return;
        const QPointer<QFutureWatcher<Result>> watcher = watcher_;
        watcher->waitForFinished();
        // The watcher says it finished through the event loop.
        while (watcher && watcher_ == watcher)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }

private:
    void cancelRunning()
    {
        if (cancelled_)
            cancelled_->store(true, std::memory_order_relaxed);
    }

    void startIfIdle()
    {
        if (running() || !waiting_)
            return;
        Request request = std::move(*waiting_);
        waiting_.reset();
        const quint64 generation = waitingGeneration_;
        runningGeneration_ = generation;
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        cancelled_ = cancelled;
        auto* watcher = new QFutureWatcher<Result>(&guard_);
        watcher_ = watcher;
        QObject::connect(watcher, &QFutureWatcherBase::finished, &guard_, [this, watcher, generation] {
            // Moved out, not copied: a preview result holds two outputs of up to megabytes.
            Result result = watcher->future().takeResult();
            watcher->deleteLater();
            watcher_ = nullptr;
            cancelled_.reset();
            if (generation == generation_)
                deliver_(std::move(result), generation);
            else
                releaseInBackground(std::move(result));
            // A request that came meanwhile runs now, unless its delay still runs.
            if (waiting_ && !timer_.isActive())
                startIfIdle();
        });
        // The job holds its request and its flag by value: it never reaches into the lane.
        watcher->setFuture(QtConcurrent::run(pool_, [work = work_, request = std::move(request), cancelled] {
            return work(request, *cancelled);
        }));
    }

    QThreadPool* pool_;
    Work work_;
    Deliver deliver_;
    QObject guard_;   ///< the context of the timer's and the watchers' connections: none outlives the lane
    QTimer timer_;
    QFutureWatcher<Result>* watcher_ = nullptr;   ///< the running job's, or nullptr
    std::shared_ptr<std::atomic<bool>> cancelled_;
    std::optional<Request> waiting_;
    quint64 waitingGeneration_ = 0;
    quint64 runningGeneration_ = 0;
    quint64 generation_ = 0;
};

} // namespace studio
