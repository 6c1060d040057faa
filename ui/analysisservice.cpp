#include "analysisservice.h"

#include "largetextview.h"
#include "mappingbackend.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <array>

namespace studio {

/// A preview request with the style its outputs' documents are built in.
struct AnalysisService::PreviewJob {
    PreviewRequest request;
    JsonStyle style;
};

namespace {

/// Turns the outputs of a preview into what the views show, off the UI thread: the text, the
/// lines of each value and a ready document. An output that did not change since the last
/// preview keeps its document (building one costs as much as the output is long), and equal
/// outputs share one.
class OutputRenderer {
public:
    void render(PreviewResult& result, const JsonStyle& style)
    {
        // The two sides at once: V1 in another thread while this one does V2.
        QFuture<void> v1 = QtConcurrent::run([&] { renderText(result.v1); });
        renderText(result.v2);
        v1.waitForFinished();
        if (result.v1.output && result.v2.output && result.v1.rendered.text == result.v2.rendered.text) {
            buildDocument(result.v2, 1, style);
            result.v1.rendered.document = result.v2.rendered.document;
            result.v1.rendered.large = result.v2.rendered.large;
            return;
        }
        v1 = QtConcurrent::run([&] { buildDocument(result.v1, 0, style); });
        buildDocument(result.v2, 1, style);
        v1.waitForFinished();
    }

private:
    struct Side {
        JsonColourer colourer;
        QString text;
        JsonStyle style;
        SharedTextDocument document;
        std::shared_ptr<const LargeText> large;
    };

    static void renderText(EngineRun& run)
    {
        if (run.output)
            run.rendered = renderJson(*run.output);
    }

    /// One side at a time per thread: each side has its colourer.
    void buildDocument(EngineRun& run, std::size_t index, const JsonStyle& style)
    {
        if (!run.output)
            return;
        Side& side = sides_[index];
        if ((side.document || side.large) && side.text == run.rendered.text && side.style == style) {
            run.rendered.document = side.document;
            run.rendered.large = side.large;
            return;
        }
        // A large output gets no document: its view draws only the lines in view.
        if (run.rendered.text.size() > kLargeTextLimit)
            run.rendered.large = LargeText::make(run.rendered.text);
        else
            run.rendered.document = buildJsonDocument(run.rendered.text, style, &side.colourer);
        side.text = run.rendered.text;
        side.style = style;
        side.document = run.rendered.document;
        side.large = run.rendered.large;
    }

    std::array<Side, 2> sides_;
};

} // namespace

AnalysisService::AnalysisService(std::shared_ptr<MappingBackend> backend, QObject* parent)
    : QObject(parent)
    , backend_(std::move(backend))
{
    // One thread per lane: validation never waits behind a long preview. The lanes share the
    // backend's analyses: a text version is parsed once, by whichever lane asks first.
    pool_.setMaxThreadCount(3);
    std::shared_ptr<MappingBackend> b = backend_;
    problems_ = std::make_unique<BackgroundLane<TextRequest, ProblemsResult>>(
        &pool_, [b](const TextRequest& r, const std::atomic<bool>&) { return b->validate(r.first, r.second); },
        [this](ProblemsResult&& r, quint64 generation) {
            r.generation = generation;
            emit problemsReady(r);
        });
    auto renderer = std::make_shared<OutputRenderer>();
    preview_ = std::make_unique<BackgroundLane<PreviewJob, PreviewResult>>(
        &pool_, [b, renderer](const PreviewJob& job, const std::atomic<bool>&) {
            PreviewResult result = b->preview(job.request);
            // Pretty-printing and laying out a large output is work too: off the UI thread.
            QElapsedTimer timer;
            timer.start();
            renderer->render(result, job.style);
            result.totalUs += timer.nsecsElapsed() / 1000;
            return result;
        },
        [this](PreviewResult&& r, quint64 generation) {
            r.generation = generation;
            emit previewReady(std::make_shared<const PreviewResult>(std::move(r)));
        });
    lineage_ = std::make_unique<BackgroundLane<LineageRequest, VisualLineage>>(
        &pool_, [b](const LineageRequest& r, const std::atomic<bool>&) { return b->lineage(r.text, r.flags, r.input); },
        [this](VisualLineage&& r, quint64 generation) {
            r.generation = generation;
            emit lineageReady(std::make_shared<const VisualLineage>(std::move(r)));
        });
}

AnalysisService::~AnalysisService()
{
    // The lanes wait for their jobs; the pool (declared before them) outlives them.
    lineage_.reset();
    preview_.reset();
    problems_.reset();
}

void AnalysisService::scheduleProblems(const QString& text, const mdsl::Flags& flags)
{
    problems_->schedule({text, flags}, problemsDelayMs_);
}

void AnalysisService::schedulePreview(PreviewRequest request, int delayMs)
{
    preview_->schedule({std::move(request), currentJsonStyle()}, delayMs);
    emit previewStarted();
}

void AnalysisService::scheduleLineage(const QString& text, const mdsl::Flags& flags, const QString& input, int delayMs)
{
    lineage_->schedule({text, flags, input}, delayMs);
}

bool AnalysisService::previewPending() const
{
    return preview_->busy();
}

} // namespace studio
