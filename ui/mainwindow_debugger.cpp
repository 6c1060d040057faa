// The main window's debugger: the Debugger tab over a RecordingDebugger, the Debug menu, the
// editor's breakpoints (gutter click, conditions from the gutter's menu) and the current
// rule highlighted in the editor with its values inline.

#include "mainwindow.h"

#include "codeeditor.h"
#include "debuggerpanel.h"
#include "previewpanel.h"
#include "recordingdebugger.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBlock>

namespace studio {

namespace {

/// Inline values longer than this are cut: a line must stay readable.
constexpr int kInlineValueLength = 40;
constexpr int kInlineLineLength = 160;

} // namespace

void MainWindow::createDebugger()
{
    recordingDebugger_ = new RecordingDebugger(this);
    debugger_ = new DebuggerPanel(recordingDebugger_, this);
    debugger_->setCursorLine([this] { return editor_->textCursor().blockNumber() + 1; });
    addSideTab(debugger_, [this] { return tr("Debugger"); });

    connect(debugger_, &DebuggerPanel::recordRequested, this, &MainWindow::recordDebugRun);
    connect(recordingDebugger_, &DebuggerInterface::stateChanged, this, &MainWindow::showDebugState);
    connect(editor_, &CodeEditor::gutterClicked, this, &MainWindow::toggleBreakpoint);
    connect(editor_, &CodeEditor::gutterMenuRequested, this, &MainWindow::showGutterMenu);
    connect(editor_, &CodeEditor::breakpointsChanged, this,
            [this] { recordingDebugger_->setBreakpoints(editor_->breakpoints()); });
    // An edit makes the recording stale: its positions belong to the text it was made of.
    connect(editor_->document(), &QTextDocument::contentsChanged, this, [this] {
        if (recordedRevision_ >= 0 && editor_->document()->revision() != recordedRevision_)
            recordingDebugger_->markStale();
    });
}

void MainWindow::createDebugMenu()
{
    debugMenu_ = menuBar()->addMenu(QString());
    debugMenu_->addAction(debugger_->recordAction());
    debugMenu_->addSeparator();
    for (const DebugAction a :
        { DebugAction::Continue, DebugAction::StepOver, DebugAction::StepInto, DebugAction::StepOut,
            DebugAction::StepBack, DebugAction::ReverseContinue, DebugAction::RunToCursor, DebugAction::Restart })
        debugMenu_->addAction(debugger_->action(a));
    debugMenu_->addSeparator();
    toggleBreakpoint_ = debugMenu_->addAction(QString());
    toggleBreakpoint_->setShortcut(QKeySequence(Qt::Key_F9));
    connect(toggleBreakpoint_, &QAction::triggered, this,
            [this] { toggleBreakpoint(editor_->textCursor().blockNumber() + 1); });
    editCondition_ = debugMenu_->addAction(QString());
    connect(editCondition_, &QAction::triggered, this,
            [this] { editBreakpointCondition(editor_->textCursor().blockNumber() + 1); });
}

void MainWindow::retranslateDebugger()
{
    if (!debugMenu_)
        return;
    debugMenu_->setTitle(tr("&Debug"));
    toggleBreakpoint_->setText(tr("Toggle &Breakpoint"));
    editCondition_->setText(tr("Breakpoint Con&dition…"));
}

void MainWindow::recordDebugRun(bool v1)
{
    DebugRecordRequest request;
    request.text = editor_->toPlainText();
    request.input = preview_->inputText();
    request.flags = settings_.flags;
    request.v1 = v1;
    request.pinnedNowMs = settings_.previewClock();
    recordedRevision_ = editor_->document()->revision();
    debugger_->setRecordsV1(v1);
    sideTabs_->setCurrentWidget(debugger_);
    recordingDebugger_->record(request);
}

void MainWindow::showDebugState()
{
    const DebugState s = recordingDebugger_->state();
    if (!s.recorded || s.stale) {
        editor_->setExecutionRange(-1, -1);
        editor_->setInlineValues({});
        return;
    }
    editor_->setExecutionRange(s.ruleStart, s.ruleEnd);
    QMap<int, QString> inline_;
    for (const DebugValue& v : s.values) {
        QString& line = inline_[v.line];
        if (line.size() >= kInlineLineLength)
            continue;
        const QString value = v.value.size() > kInlineValueLength
            ? v.value.left(kInlineValueLength - 1) + QStringLiteral("…")
            : v.value;
        const QString expression = v.expression.size() > kInlineValueLength
            ? v.expression.left(kInlineValueLength - 1) + QStringLiteral("…")
            : v.expression;
        line += (line.isEmpty() ? QString() : QStringLiteral("   ")) + expression + QStringLiteral(" = ") + value;
    }
    editor_->setInlineValues(inline_);
}

bool MainWindow::toggleBreakpoint(int line)
{
    const int rule = snapToRule(editor_->toPlainText(), line);
    if (rule == 0) {
        statusBar()->showMessage(tr("No rule on line %1 or after it: a breakpoint goes on a rule.").arg(line), 4000);
        return false;
    }
    if (editor_->hasBreakpoint(rule))
        editor_->removeBreakpoint(rule);
    else
        editor_->setBreakpoint(rule);
    return true;
}

bool MainWindow::setBreakpointCondition(int line, const QString& condition)
{
    const int rule = snapToRule(editor_->toPlainText(), line);
    if (rule == 0) {
        statusBar()->showMessage(tr("No rule on line %1 or after it: a breakpoint goes on a rule.").arg(line), 4000);
        return false;
    }
    editor_->setBreakpoint(rule, condition);
    return true;
}

void MainWindow::editBreakpointCondition(int line)
{
    const int rule = snapToRule(editor_->toPlainText(), line);
    QString current;
    for (const DebugBreakpoint& bp : editor_->breakpoints()) {
        if (bp.line == rule)
            current = bp.condition;
    }
    bool ok = false;
    const QString condition = QInputDialog::getText(
        this, tr("Breakpoint Condition"),
        tr("Stop at the rule on line %1 only when this expression is true. It sees what the rule sees: `.` is "
           "the current element, with the lets, the tables, the `as` names and index(). Empty: always.")
            .arg(rule),
        QLineEdit::Normal, current, &ok);
    if (ok)
        setBreakpointCondition(line, condition);
}

void MainWindow::showGutterMenu(int line, const QPoint& globalPos)
{
    QMenu menu(this);
    const int rule = snapToRule(editor_->toPlainText(), line);
    const bool has = rule != 0 && editor_->hasBreakpoint(rule);
    menu.addAction(has ? tr("Remove Breakpoint") : tr("Add Breakpoint"), this, [this, line] { toggleBreakpoint(line); })
        ->setEnabled(rule != 0);
    menu.addAction(has ? tr("Edit Condition…") : tr("Add Conditional Breakpoint…"), this,
                   [this, line] { editBreakpointCondition(line); })
        ->setEnabled(rule != 0);
    menu.exec(globalPos);
}

} // namespace studio
