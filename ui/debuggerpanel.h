#pragma once
// The Debugger tab: records a run (V1 or V2), then steps through it forward and back. Shows
// where it stands (event n of m, the current rule, why it stopped), the context element, the
// values of the rule's sub-expressions, the output built so far with the last write marked,
// the stack of frames, every write of the current rule and every skip and error of the run, and
// the watches (debuggerwatches.h). Large contexts and outputs come printed from a worker and
// are shown without laying them out (jsonpane.h); a busy sign says when they are still coming.
// It talks only to a DebuggerInterface, so the tests drive it with a fake.

#include "debuggerinterface.h"

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QSlider;
class QTabWidget;
class QToolBar;
class QTreeWidget;

namespace studio {

class DebuggerWatchesView;
class JsonPane;

class DebuggerPanel : public QWidget {
    Q_OBJECT

public:
    explicit DebuggerPanel(DebuggerInterface* debugger, QWidget* parent = nullptr);

    [[nodiscard]] DebuggerInterface* debugger() const { return debugger_; }
    /// The step actions, with their shortcuts (for the Debug menu too).
    [[nodiscard]] QAction* action(DebugAction action) const;
    /// "Record Run" (Ctrl+F5): asks for a recording with the chosen engine.
    [[nodiscard]] QAction* recordAction() const { return record_; }
    [[nodiscard]] bool recordsV1() const;
    void setRecordsV1(bool v1);
    /// Where "run to cursor" goes: the editor's cursor line (1-based).
    void setCursorLine(std::function<int()> cursorLine) { cursorLine_ = std::move(cursorLine); }

    /// Jumps to the event that wrote the output value shown on a 0-based line of the output
    /// view. False when nothing there was written yet.
    bool jumpToWriterAtLine(int line);

    [[nodiscard]] QLabel* positionLabel() const { return position_; }
    [[nodiscard]] QLabel* descriptionLabel() const { return description_; }
    [[nodiscard]] QLabel* messageLabel() const { return message_; }
    /// Shown while a continue looks for a breakpoint whose condition holds.
    [[nodiscard]] QWidget* searchIndicator() const { return searching_; }
    [[nodiscard]] QLabel* ruleLabel() const { return rule_; }
    [[nodiscard]] QLabel* contextLabel() const { return contextTitle_; }
    [[nodiscard]] QSlider* slider() const { return slider_; }
    [[nodiscard]] QTreeWidget* valuesView() const { return values_; }
    [[nodiscard]] JsonPane* contextView() const { return context_; }
    [[nodiscard]] JsonPane* outputView() const { return output_; }
    [[nodiscard]] DebuggerWatchesView* watchesView() const { return watches_; }
    /// Shown while the context, output or watches of the current event are being made.
    [[nodiscard]] QWidget* viewsIndicator() const { return viewsBusy_; }
    /// The watch expressions (a document's workspace); watchesChanged() is not emitted.
    void setWatches(const QStringList& expressions);
    [[nodiscard]] QStringList watches() const;
    [[nodiscard]] QListWidget* framesView() const { return frames_; }
    [[nodiscard]] QTreeWidget* writesView() const { return writes_; }
    [[nodiscard]] QTreeWidget* skipsView() const { return skips_; }

signals:
    /// The Record action: record the mapping and sample input as they are now.
    void recordRequested(bool v1);
    /// The user added, edited or removed a watch.
    void watchesChanged(const QStringList& expressions);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* makeAction(DebugAction action, const QKeySequence& shortcut, int icon);
    void refresh();
    void updateActions();
    void retranslate();
    void fillOutcomes(QTreeWidget* view, const QList<DebugOutcome>& outcomes, const QList<DebugOutcome>& shownBefore);

    DebuggerInterface* debugger_;
    std::function<int()> cursorLine_;
    QToolBar* toolbar_ = nullptr;
    QComboBox* engine_ = nullptr;
    QAction* record_ = nullptr;
    QList<QPair<DebugAction, QAction*>> actions_;
    QSlider* slider_ = nullptr;
    QLabel* position_ = nullptr;
    QLabel* description_ = nullptr;
    QLabel* message_ = nullptr;
    QWidget* searching_ = nullptr;
    QLabel* searchLabel_ = nullptr;
    QLabel* rule_ = nullptr;
    QLabel* valuesTitle_ = nullptr;
    QLabel* contextTitle_ = nullptr;
    QLabel* outputTitle_ = nullptr;
    QLabel* watchesTitle_ = nullptr;
    QTreeWidget* values_ = nullptr;
    DebuggerWatchesView* watches_ = nullptr;
    JsonPane* context_ = nullptr;
    JsonPane* output_ = nullptr;
    QWidget* viewsBusy_ = nullptr;
    QLabel* viewsLabel_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QListWidget* frames_ = nullptr;
    QTreeWidget* writes_ = nullptr;
    QTreeWidget* skips_ = nullptr;
    DebugState shown_;
    bool updating_ = false;
};

} // namespace studio
