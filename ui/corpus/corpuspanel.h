#pragma once
// The Corpus tab (docs/corpus.md, "In the studio"): what to compare (the corpus, its format,
// the two sides, the plan's thresholds), the run's progress with Run and Cancel, the GO / NO-GO
// banner with its checks, the results (CorpusResults) and the exports. The CorpusController
// drives it; the panel only shows and asks.

#include "corpusrun.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace studio {

class CorpusResults;

class CorpusPanel : public QWidget {
    Q_OBJECT

public:
    explicit CorpusPanel(QWidget* parent = nullptr);

    /// The left side: the pinned V1 file on V1, this mapping on V1, recorded outputs (a file
    /// aligned with the corpus), or the outputs of a pairs corpus.
    enum class LeftSide { PinnedV1, MappingV1, Outputs, PairOutputs };
    enum class ExportKind { Html, Json, JUnit };

    [[nodiscard]] QString corpusPath() const;
    void setCorpusPath(const QString& path);
    [[nodiscard]] CorpusFormat format() const;
    void setFormat(CorpusFormat format);
    [[nodiscard]] LeftSide leftSide() const;
    void setLeftSide(LeftSide side);
    [[nodiscard]] QString outputsPath() const;
    void setOutputsPath(const QString& path);
    [[nodiscard]] mdsl::SideEngine rightEngine() const;
    void setRightEngine(mdsl::SideEngine engine);
    [[nodiscard]] mdsl::Thresholds thresholds() const;
    void setThresholds(const mdsl::Thresholds& thresholds);
    /// The pinned V1 file's name ("" when none: that left side cannot be chosen).
    void setPinnedName(const QString& name);

    /// A run starts, goes on, ends.
    void showStarted();
    void showProgress(const mdsl::CorpusProgress& progress, std::uint64_t totalRecords, qint64 elapsedMs, bool cancelling);
    void showFinished(const CorpusRunResult& result);

    [[nodiscard]] CorpusResults* results() const { return results_; }
    [[nodiscard]] QProgressBar* progressBar() const { return progress_; }
    [[nodiscard]] QLabel* progressLabel() const { return progressText_; }
    [[nodiscard]] QLabel* countersLabel() const { return counters_; }
    [[nodiscard]] QLabel* verdictLabel() const { return verdict_; }
    [[nodiscard]] QPushButton* runButton() const { return run_; }
    [[nodiscard]] QPushButton* cancelButton() const { return cancel_; }
    void retranslate();

signals:
    void runRequested();
    void cancelRequested();
    void exportRequested(ExportKind kind);

protected:
    void changeEvent(QEvent* event) override;

private:
    void browseCorpus(bool folder);
    void browseOutputs();
    void updateSideControls();
    void fillLeftSides();
    void showVerdict(const CorpusRunResult* result);

    QLineEdit* corpus_;
    QPushButton* browseFile_;
    QPushButton* browseFolder_;
    QComboBox* format_;
    QComboBox* left_;
    QLineEdit* outputs_;
    QPushButton* browseOutputs_;
    QComboBox* right_;
    QDoubleSpinBox* maxErrorRate_;
    QDoubleSpinBox* maxTimeRatio_;
    QDoubleSpinBox* maxDifferent_;
    QDoubleSpinBox* maxInvalid_;
    QPushButton* run_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QLabel* counters_;
    QLabel* verdict_;
    QLabel* checks_;
    CorpusResults* results_;
    QPushButton* exportHtml_;
    QPushButton* exportJson_;
    QPushButton* exportJUnit_;
    QList<QLabel*> labels_;   ///< the form's labels, retranslated by position
    QString pinnedName_;
    bool running_ = false;
    std::optional<CorpusRunResult> shown_;   ///< the last result, worded again on a language change
};

} // namespace studio
