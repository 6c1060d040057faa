#pragma once
// Diagnostics off the request thread: each open or change schedules the document's text; a
// worker thread analyses it once the client has paused typing (the debounce), drops work a
// newer edit made stale (before and after analysing) and publishes the rest.

#include "mdsl/analysis.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace lsp {

class DiagnosticsWorker {
public:
    struct Job {
        std::string uri;
        std::int64_t version = 0;
        std::uint64_t ticket = 0;     ///< the document's ticket when scheduled
        std::string text;
        mdsl::Flags flags;
        std::chrono::steady_clock::time_point due;
    };
    /// Called on the worker thread with the analysis of a job still current when scheduled;
    /// the callee checks the ticket again before publishing.
    using Publish = std::function<void(const Job& job, const mdsl::Analysis& analysis)>;

    explicit DiagnosticsWorker(Publish publish);
    ~DiagnosticsWorker();
    DiagnosticsWorker(const DiagnosticsWorker&) = delete;
    DiagnosticsWorker& operator=(const DiagnosticsWorker&) = delete;

    /// Schedules a document's analysis after `delay`, replacing one not yet started.
    void schedule(Job job, std::chrono::milliseconds delay);
    /// Forgets a document's scheduled analysis (it was closed).
    void cancel(const std::string& uri);

private:
    void loop();

    Publish publish_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::string, Job> pending_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace lsp
