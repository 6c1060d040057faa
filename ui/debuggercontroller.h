#pragma once
// The debugger feature of the main window (docs/debugger.md): the Debugger tab over a
// RecordingDebugger, recording the editor's text on the preview's sample input under the
// settings' flags and clock, the editor's breakpoints (gutter click, conditions from the
// gutter's menu and the Debug menu) and the current rule highlighted in the editor with its
// values inline. The shell places its actions in the Debug menu.

#include <QList>
#include <QObject>

class QAction;
class QPoint;

namespace studio {

class DebuggerPanel;
class PreviewController;
class RecordingDebugger;
class WindowContext;

class DebuggerController : public QObject {
    Q_OBJECT

public:
    DebuggerController(WindowContext& context, PreviewController& preview, QObject* parent);
    ~DebuggerController() override;

    [[nodiscard]] DebuggerPanel* panel() const { return panel_; }
    [[nodiscard]] RecordingDebugger* debugger() const { return debugger_; }

    /// Records a run of the mapping on the sample input (V1 or V2 engine) and shows the
    /// Debugger tab; the recording is made off the UI thread.
    void record(bool v1);
    /// Toggles the breakpoint of the rule on a 1-based line (snapped to the rule's first line).
    /// False, with the reason in the status bar, when no rule is there.
    bool toggleBreakpoint(int line);
    /// Sets a breakpoint with a condition (empty: unconditional) on the rule of a line.
    bool setBreakpointCondition(int line, const QString& condition);

    /// The Debug menu's actions, in groups the shell separates: recording, stepping, breakpoints.
    [[nodiscard]] QList<QList<QAction*>> actionGroups() const;
    void retranslate();

private:
    void showState();
    void showGutterMenu(int line, const QPoint& globalPos);
    void editBreakpointCondition(int line);
    /// The rule of a line, or 0 with the reason in the status bar.
    int ruleAt(int line);
    [[nodiscard]] int cursorLine() const;

    WindowContext& context_;
    PreviewController& preview_;
    RecordingDebugger* debugger_;
    DebuggerPanel* panel_;
    QAction* toggleBreakpoint_;
    QAction* editCondition_;
    int recordedRevision_ = -1;   ///< the document revision the recording was made of
};

} // namespace studio
