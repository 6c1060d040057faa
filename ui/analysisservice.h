#pragma once
// Runs validation, previews and the visual mapping's lineage off the UI thread. Each kind of
// work is a BackgroundLane (backgroundlane.h): requests are debounced, at most one runs at a
// time and only the newest waiting request follows it, every request gets a generation number,
// and a result that is no longer the newest is dropped, so typing is never blocked and stale
// problems never flash.

#include "analysis.h"
#include "backgroundlane.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace studio {

class MappingBackend;

class AnalysisService : public QObject {
    Q_OBJECT

public:
    explicit AnalysisService(std::shared_ptr<MappingBackend> backend, QObject* parent = nullptr);
    ~AnalysisService() override;

    void setProblemsDelay(int ms) { problemsDelayMs_ = ms; }
    void setPreviewDelay(int ms) { previewDelayMs_ = ms; }
    [[nodiscard]] int previewDelay() const { return previewDelayMs_; }

    /// Validates the text after the problems delay; a newer call replaces a waiting one.
    void scheduleProblems(const QString& text, const mdsl::Flags& flags);
    /// Runs the preview after the preview delay (0: at once); a newer call replaces a waiting one.
    void schedulePreview(PreviewRequest request, int delayMs);

    /// Makes the lineage of the text for the visual mapping after `delayMs`; a newer call
    /// replaces a waiting one.
    /// The lineage of the text, with the fields of the sample input `input`.
    void scheduleLineage(const QString& text, const mdsl::Flags& flags, const QString& input, int delayMs);

    /// True while a preview is waiting or running.
    [[nodiscard]] bool previewPending() const;
    /// The backend, for work that must be done on the spot (tests, the benchmark).
    [[nodiscard]] MappingBackend& backend() const { return *backend_; }
    /// The same, shared: for work of its own that may outlive the service (PreviewWhy's lanes).
    [[nodiscard]] const std::shared_ptr<MappingBackend>& sharedBackend() const { return backend_; }

signals:
    void problemsReady(const studio::ProblemsResult& result);
    void previewStarted();
    /// Shared and read-only: the main window and the panels look at it without copying.
    void previewReady(std::shared_ptr<const studio::PreviewResult> result);
    void lineageReady(std::shared_ptr<const studio::VisualLineage> lineage);

private:
    struct PreviewJob;
    using TextRequest = std::pair<QString, mdsl::Flags>;

    std::shared_ptr<MappingBackend> backend_;
    QThreadPool pool_;
    int problemsDelayMs_ = 60;
    int previewDelayMs_ = 100;
    std::unique_ptr<BackgroundLane<TextRequest, ProblemsResult>> problems_;
    std::unique_ptr<BackgroundLane<PreviewJob, PreviewResult>> preview_;
    struct LineageRequest {
        QString text;
        mdsl::Flags flags;
        QString input;
    };
    std::unique_ptr<BackgroundLane<LineageRequest, VisualLineage>> lineage_;
};

} // namespace studio
