#pragma once
// The Corpus feature of the main window (docs/corpus.md, "In the studio"): runs a corpus
// comparison off the UI thread with live progress and Cancel, shows the verdict, figures, plots,
// groups and the per-rule profile (with heat marks in the editor's gutter), opens one record
// as the sample input (the preview then shows both sides with their differences), runs the
// mapping's tests and accepts a failing case's output, and exports HTML, JSON and JUnit.

#include "backgroundlane.h"
#include "corpuspanel.h"
#include "corpusrun.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace studio {

class CorpusRecordBar;
class PreviewController;
class WindowContext;

class CorpusController : public QObject {
    Q_OBJECT

public:
    CorpusController(WindowContext& context, PreviewController& preview, QObject* parent);
    ~CorpusController() override;

    [[nodiscard]] CorpusPanel* panel() const { return panel_; }
    /// The "record N of FILE" bar the window puts above its side tabs.
    [[nodiscard]] CorpusRecordBar* recordBar() const { return recordBar_; }

    /// Makes `path` the corpus (a dropped file or folder) and shows the Corpus tab.
    void setCorpus(const QString& path);
    /// Starts a comparison with the panel's choices. False, with the reason shown, when it cannot.
    bool run();
    /// Stops the run under way: the records in flight finish, the partial figures are shown.
    void cancel();
    [[nodiscard]] bool running() const;
    /// The last finished run (its report is null when it could not run).
    [[nodiscard]] const std::optional<CorpusRunResult>& lastResult() const { return last_; }

    /// Makes record `line` of the last run's corpus the sample input (the sample that was there
    /// is kept for backToSample()) and shows the preview. The record is read and printed in a
    /// worker (the corpus may be gigabytes, the record megabytes): the preview says it is
    /// loading, and sampleShown() follows.
    bool openRecord(std::uint64_t line);
    /// Puts back the sample input that was there before a record or a test case was opened.
    void backToSample();

    /// Runs the mapping's test suites off the UI thread.
    void runTests();
    [[nodiscard]] const TestsResult& testsResult() const { return *tests_; }
    /// Makes a test case's input the sample input (printed in a worker; sampleShown() follows);
    /// a failing case offers "Accept current output".
    bool openTestCase(int suite, int testCase);
    /// Writes the shown failing case's current output as expected, after asking when `ask`.
    bool acceptShownTest(bool ask = true);

    /// Writes the last report to `path` (asks for one when empty). False with the reason shown.
    bool exportReport(CorpusPanel::ExportKind kind, const QString& path = QString());

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void runFinished();
    void testsFinished();
    /// A record or a test case opened is now the sample input.
    void sampleShown();

private:
    void showLive();
    void finished(CorpusRunResult&& result);
    void showHeatMarks();
    void keepSample();
    /// Shows `loading` in the preview, makes the sample's text in a worker, then makes it the
    /// (temporary) sample input; a newer request or backToSample() drops an older one.
    void showSampleLater(const QString& loading, std::function<std::optional<QString>(QString& error)> make);
    void goToRule(int line, int column);

    WindowContext& context_;
    PreviewController& preview_;
    CorpusPanel* panel_;
    CorpusRecordBar* recordBar_;
    QTimer progressTimer_;
    QElapsedTimer runClock_;   ///< since Run: the rate and the time left
    std::shared_ptr<CorpusLive> live_;
    std::optional<CorpusRunResult> last_;
    std::shared_ptr<const TestsResult> tests_ = std::make_shared<const TestsResult>();
    std::optional<QString> savedSample_;             ///< the sample before a record was opened
    std::optional<std::pair<int, int>> shownTest_;   ///< the test case the sample input is
    quint64 sampleRequest_ = 0;                      ///< the newest showSampleLater()
    bool pendingSample_ = false;                     ///< its text is being made
    std::unique_ptr<BackgroundLane<CorpusRunRequest, CorpusRunResult>> runLane_;
    std::unique_ptr<BackgroundLane<TestsRequest, TestsResult>> testsLane_;
};

} // namespace studio
