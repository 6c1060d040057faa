#include "lsp/diagnostics.h"

#include "lsp/features.h"

#include <algorithm>
#include <cctype>

namespace lsp {

DiagnosticsWorker::DiagnosticsWorker(Publish publish) : publish_(std::move(publish)), thread_([this] { loop(); }) {}

DiagnosticsWorker::~DiagnosticsWorker()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void DiagnosticsWorker::schedule(Job job, std::chrono::milliseconds delay)
{
    {
        const std::lock_guard lock(mutex_);
        job.due = std::chrono::steady_clock::now() + delay;
        std::string uri = job.uri;
        pending_.insert_or_assign(std::move(uri), std::move(job));
    }
    wake_.notify_all();
}

void DiagnosticsWorker::cancel(const std::string& uri)
{
    const std::lock_guard lock(mutex_);
    pending_.erase(uri);
}

void DiagnosticsWorker::loop()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        if (stopping_)
            return;
        if (pending_.empty()) {
            wake_.wait(lock);
            continue;
        }
        const auto next = std::min_element(pending_.begin(), pending_.end(),
                                           [](const auto& a, const auto& b) { return a.second.due < b.second.due; });
        if (next->second.due > std::chrono::steady_clock::now()) {
            // Typing on: a newer edit replaces this job before it is due.
            wake_.wait_until(lock, next->second.due);
            continue;
        }
        Job job = std::move(next->second);
        pending_.erase(next);
        lock.unlock();
        const mdsl::Analysis analysis = mdsl::analyze(job.text, job.flags);
        (void)analysis.diagnostics(mdsl::Route::V2Routed);   // the expensive part, off the lock
        publish_(job, analysis);
        lock.lock();
    }
}

Json toLspDiagnostics(const std::vector<mdsl::Diagnostic>& diagnostics, const PositionMap& lines,
                      const std::string& uri, const std::string& docsUrl)
{
    Json out = Json::array();
    for (const mdsl::Diagnostic& d : diagnostics) {
        std::string anchor = d.code;
        std::transform(anchor.begin(), anchor.end(), anchor.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        Json item = {{"range", lines.range(d.range)},
                     {"severity", d.severity == mdsl::Severity::Error ? 1 : d.severity == mdsl::Severity::Warning ? 2 : 3},
                     {"code", d.code},
                     {"codeDescription", {{"href", docsUrl + "#" + anchor}}},
                     {"source", "mapping-dsl"},
                     {"message", d.message}};
        if (!d.related.empty()) {
            Json related = Json::array();
            for (const mdsl::RelatedLocation& r : d.related)
                related.push_back({{"location", {{"uri", uri}, {"range", lines.range(r.range)}}}, {"message", r.message}});
            item["relatedInformation"] = std::move(related);
        }
        if (!d.fixes.empty()) {
            Json fixes = Json::array();
            for (const mdsl::Fix& fix : d.fixes)
                fixes.push_back(fix.title);
            item["data"] = {{"fixes", std::move(fixes)}};
        }
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace lsp
