#pragma once
// The preview feature of the main window: the editor's text analysed as it is typed (problems
// in the problems panel and the editor, the V1/V2 preview), the sample input, the pinned V1
// file, fixes, and the status bar's problem count and dry-run route.

#include "analysis.h"

#include <QObject>

#include <memory>

class QLabel;

namespace studio {

class PreviewPanel;
class PreviewWhy;
class ProblemsPanel;
class WindowContext;

class PreviewController : public QObject {
    Q_OBJECT

public:
    PreviewController(WindowContext& context, PreviewPanel* panel, ProblemsPanel* problems, QObject* parent);

    [[nodiscard]] PreviewPanel* panel() const { return panel_; }
    /// Why a difference or a hovered output value is what it is.
    [[nodiscard]] PreviewWhy* why() const { return why_; }
    /// The sample input's text, as edited in the preview panel.
    [[nodiscard]] const QString& sampleInput() const;
    /// Makes `text` the sample input. A temporary one (a corpus record, a test case shown) is
    /// not kept as the mapping's sample: the workspace keeps the one it replaced.
    void setSampleInput(const QString& text, bool temporary = false);

    /// Pins the preview's V1 side to a mapping file; an empty path unpins.
    bool pinV1To(const QString& path);
    /// Unpins, or asks for a file to pin.
    void choosePin();
    /// Runs the preview now (F5).
    void runPreview();
    /// Checks the text again; the preview follows now, or after the typing delay if it runs by itself.
    void scheduleAnalysis(bool previewNow = false);
    /// Applies a problem's fix to the editor, if the text has not changed since.
    bool applyFix(const TextFix& fix);
    /// New settings are in force: the route shown, the preview delay, and a new run if the
    /// flags or the clock changed.
    void settingsApplied(bool rerun);
    void retranslate();

signals:
    /// A temporary input is about to replace the mapping's sample in the panel.
    void sampleAboutToBeCovered();

private:
    void schedulePreview(int delayMs);
    void showProblems(const ProblemsResult& result);
    void showPreview(const std::shared_ptr<const PreviewResult>& result);
    void updateStatus();

    WindowContext& context_;
    PreviewPanel* panel_;
    ProblemsPanel* problems_;
    PreviewWhy* why_;
    QLabel* routeLabel_;
    QLabel* problemsLabel_;
    int problemsRevision_ = -1;   ///< document revision the shown problems were computed for
    int requestedRevision_ = -1;
};

} // namespace studio
