#pragma once
// The Debugger tab: records a run (V1 or V2), then steps through it forward and back. Shows
// where it stands (event n of m, the current rule, why it stopped), the context element, the
// values of the rule's sub-expressions, the output built so far with the last write marked,
// the stack of frames, every write of the current rule and every skip and error of the run.
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

class JsonView;

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
    [[nodiscard]] JsonView* contextView() const { return context_; }
    [[nodiscard]] JsonView* outputView() const { return output_; }
    [[nodiscard]] QListWidget* framesView() const { return frames_; }
    [[nodiscard]] QTreeWidget* writesView() const { return writes_; }
    [[nodiscard]] QTreeWidget* skipsView() const { return skips_; }

signals:
    /// The Record action: record the mapping and sample input as they are now.
    void recordRequested(bool v1);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* makeAction(DebugAction action, const QKeySequence& shortcut, int icon);
    void refresh();
    void updateActions();
    void retranslate();
    void fillOutcomes(QTreeWidget* view, const QList<DebugOutcome>& outcomes);

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
    QProgressBar* searchProgress_ = nullptr;
    QLabel* searchLabel_ = nullptr;
    QLabel* rule_ = nullptr;
    QLabel* valuesTitle_ = nullptr;
    QLabel* contextTitle_ = nullptr;
    QLabel* outputTitle_ = nullptr;
    QTreeWidget* values_ = nullptr;
    JsonView* context_ = nullptr;
    JsonView* output_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QListWidget* frames_ = nullptr;
    QTreeWidget* writes_ = nullptr;
    QTreeWidget* skips_ = nullptr;
    DebugState shown_;
    bool updating_ = false;
};

} // namespace studio
