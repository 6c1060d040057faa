#include "analysisservice.h"

#include "mappingbackend.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace studio {

/// One kind of background work: debounce, one run at a time, newest-wins.
template <typename Request, typename Result>
struct AnalysisService::Lane {
    using Work = std::function<Result(const Request&)>;
    using Deliver = std::function<void(Result&&)>;

    Lane(QObject* owner, QThreadPool* pool, Work work, Deliver deliver)
        : owner_(owner)
        , pool_(pool)
        , work_(std::move(work))
        , deliver_(std::move(deliver))
    {
        timer_.setSingleShot(true);
        QObject::connect(&timer_, &QTimer::timeout, owner_, [this] { startIfIdle(); });
    }

    void schedule(Request request, int delayMs)
    {
        waiting_ = std::move(request);
        waitingGeneration_ = ++generation_;
        timer_.start(qMax(0, delayMs));
    }

    [[nodiscard]] bool busy() const { return running_ || waiting_.has_value(); }

private:
    void startIfIdle()
    {
        if (running_ || !waiting_)
            return;
        Request request = std::move(*waiting_);
        waiting_.reset();
        const quint64 generation = waitingGeneration_;
        running_ = true;
        auto* watcher = new QFutureWatcher<Result>(owner_);
        QObject::connect(watcher, &QFutureWatcherBase::finished, owner_, [this, watcher, generation] {
            // Moved out, not copied: a preview result holds two outputs of up to megabytes.
            Result result = watcher->future().takeResult();
            watcher->deleteLater();
            running_ = false;
            result.generation = generation;
            // Only the newest request's answer is shown; a waiting request runs next.
            if (generation == generation_)
                deliver_(std::move(result));
            if (waiting_ && !timer_.isActive())
                startIfIdle();
        });
        watcher->setFuture(QtConcurrent::run(pool_, work_, std::move(request)));
    }

    QObject* owner_;
    QThreadPool* pool_;
    Work work_;
    Deliver deliver_;
    QTimer timer_;
    std::optional<Request> waiting_;
    quint64 waitingGeneration_ = 0;
    quint64 generation_ = 0;
    bool running_ = false;
};

AnalysisService::AnalysisService(std::shared_ptr<MappingBackend> backend, QObject* parent)
    : QObject(parent)
    , backend_(std::move(backend))
{
    // One thread per lane: validation never waits behind a long preview.
    pool_.setMaxThreadCount(2);
    std::shared_ptr<MappingBackend> b = backend_;
    problems_ = std::make_unique<Lane<std::pair<QString, mdsl::Flags>, ProblemsResult>>(
        this, &pool_, [b](const std::pair<QString, mdsl::Flags>& r) { return b->validate(r.first, r.second); },
        [this](const ProblemsResult& r) { emit problemsReady(r); });
    preview_ = std::make_unique<Lane<PreviewRequest, PreviewResult>>(
        this, &pool_, [b](const PreviewRequest& r) {
            PreviewResult result = b->preview(r);
            // Pretty-printing a large output is work too: it stays off the UI thread.
            for (EngineRun* run : {&result.v1, &result.v2}) {
                if (run->output)
                    run->rendered = renderJson(*run->output);
            }
            return result;
        },
        [this](PreviewResult&& r) { emit previewReady(std::make_shared<const PreviewResult>(std::move(r))); });
}

AnalysisService::~AnalysisService()
{
    // Running work holds the backend by shared pointer and its request by value; waiting for
    // it here keeps the watchers' owner alive until no result can arrive.
    pool_.waitForDone();
}

void AnalysisService::scheduleProblems(const QString& text, const mdsl::Flags& flags)
{
    problems_->schedule({text, flags}, problemsDelayMs_);
}

void AnalysisService::schedulePreview(PreviewRequest request, int delayMs)
{
    preview_->schedule(std::move(request), delayMs);
    emit previewStarted();
}

bool AnalysisService::previewPending() const
{
    return preview_->busy();
}

} // namespace studio
