#include "debuggercontroller.h"

#include "codeeditor.h"
#include "debuggerpanel.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "recordingdebugger.h"
#include "windowcontext.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QTextBlock>

namespace studio {

namespace {

/// Inline values longer than this are cut: a line must stay readable.
constexpr int kInlineValueLength = 40;
constexpr int kInlineLineLength = 160;

QString elided(const QString& text)
{
    return text.size() > kInlineValueLength ? text.left(kInlineValueLength - 1) + QStringLiteral("…") : text;
}

} // namespace

DebuggerController::DebuggerController(WindowContext& context, PreviewController& preview, QObject* parent)
    : QObject(parent)
    , context_(context)
    , preview_(preview)
    , debugger_(new RecordingDebugger(this))
    , panel_(new DebuggerPanel(debugger_, context.window()))
    , toggleBreakpoint_(new QAction(this))
    , editCondition_(new QAction(this))
{
    CodeEditor* editor = context_.editor();
    panel_->setCursorLine([this] { return cursorLine(); });
    context_.addSideTab(panel_, [] { return tr("Debugger"); });

    connect(panel_, &DebuggerPanel::recordRequested, this, &DebuggerController::record);
    connect(debugger_, &DebuggerInterface::stateChanged, this, &DebuggerController::showState);
    connect(editor, &CodeEditor::gutterClicked, this, &DebuggerController::toggleBreakpoint);
    connect(editor, &CodeEditor::gutterMenuRequested, this, &DebuggerController::showGutterMenu);
    connect(editor, &CodeEditor::breakpointsChanged, this,
            [this, editor] { debugger_->setBreakpoints(editor->breakpoints()); });
    // An edit makes the recording stale: its positions belong to the text it was made of.
    connect(editor->document(), &QTextDocument::contentsChanged, this, [this, editor] {
        if (recordedRevision_ >= 0 && editor->document()->revision() != recordedRevision_)
            debugger_->markStale();
    });

    // So does another sample input: the run recorded was of the previous one.
    connect(preview_.panel(), &PreviewPanel::inputEdited, this, [this] {
        if (recordedRevision_ >= 0)
            debugger_->markStale();
    });

    toggleBreakpoint_->setShortcut(QKeySequence(Qt::Key_F9));
    connect(toggleBreakpoint_, &QAction::triggered, this, [this] { toggleBreakpoint(cursorLine()); });
    connect(editCondition_, &QAction::triggered, this, [this] { editBreakpointCondition(cursorLine()); });
    retranslate();
}

DebuggerController::~DebuggerController() = default;

QList<QList<QAction*>> DebuggerController::actionGroups() const
{
    QList<QAction*> steps;
    for (const DebugAction a :
        { DebugAction::Continue, DebugAction::StepOver, DebugAction::StepInto, DebugAction::StepOut,
            DebugAction::StepBack, DebugAction::ReverseContinue, DebugAction::RunToCursor, DebugAction::Restart })
        steps.append(panel_->action(a));
    return {{panel_->recordAction()}, steps, {toggleBreakpoint_, editCondition_}};
}

void DebuggerController::retranslate()
{
    toggleBreakpoint_->setText(tr("Toggle &Breakpoint"));
    editCondition_->setText(tr("Breakpoint Con&dition…"));
}

int DebuggerController::cursorLine() const
{
    return context_.editor()->textCursor().blockNumber() + 1;
}

void DebuggerController::record(bool v1)
{
    CodeEditor* editor = context_.editor();
    DebugRecordRequest request;
    request.text = editor->toPlainText();
    request.input = preview_.sampleInput();
    request.flags = context_.settings().flags;
    request.v1 = v1;
    request.pinnedNowMs = context_.settings().previewClock();
    recordedRevision_ = editor->document()->revision();
    panel_->setRecordsV1(v1);
    context_.showSideTab(panel_);
    debugger_->record(request);
}

void DebuggerController::showState()
{
    CodeEditor* editor = context_.editor();
    const DebugState s = debugger_->state();
    if (!s.recorded || s.stale) {
        editor->setExecutionRange(-1, -1);
        editor->setInlineValues({});
        return;
    }
    editor->setExecutionRange(s.ruleStart, s.ruleEnd);
    QMap<int, QString> inline_;
    for (const DebugValue& v : s.values) {
        QString& line = inline_[v.line];
        if (line.size() >= kInlineLineLength)
            continue;
        line += (line.isEmpty() ? QString() : QStringLiteral("   ")) + elided(v.expression) + QStringLiteral(" = ")
            + elided(v.value);
    }
    editor->setInlineValues(inline_);
}

int DebuggerController::ruleAt(int line)
{
    const int rule = snapToRule(context_.editor()->toPlainText(), line);
    if (rule == 0)
        context_.showMessage(tr("No rule on line %1 or after it: a breakpoint goes on a rule.").arg(line), 4000);
    return rule;
}

bool DebuggerController::toggleBreakpoint(int line)
{
    const int rule = ruleAt(line);
    if (rule == 0)
        return false;
    CodeEditor* editor = context_.editor();
    if (editor->hasBreakpoint(rule))
        editor->removeBreakpoint(rule);
    else
        editor->setBreakpoint(rule);
    return true;
}

bool DebuggerController::setBreakpointCondition(int line, const QString& condition)
{
    const int rule = ruleAt(line);
    if (rule == 0)
        return false;
    context_.editor()->setBreakpoint(rule, condition);
    return true;
}

void DebuggerController::editBreakpointCondition(int line)
{
    const int rule = snapToRule(context_.editor()->toPlainText(), line);
    QString current;
    for (const DebugBreakpoint& bp : context_.editor()->breakpoints()) {
        if (bp.line == rule)
            current = bp.condition;
    }
    bool ok = false;
    const QString condition = QInputDialog::getText(
        context_.window(), tr("Breakpoint Condition"),
        tr("Stop at the rule on line %1 only when this expression is true. It sees what the rule sees: `.` is "
           "the current element, with the lets, the tables, the `as` names and index(). Empty: always.")
            .arg(rule),
        QLineEdit::Normal, current, &ok);
    if (ok)
        setBreakpointCondition(line, condition);
}

void DebuggerController::showGutterMenu(int line, const QPoint& globalPos)
{
    QMenu menu(context_.window());
    const int rule = snapToRule(context_.editor()->toPlainText(), line);
    const bool has = rule != 0 && context_.editor()->hasBreakpoint(rule);
    menu.addAction(has ? tr("Remove Breakpoint") : tr("Add Breakpoint"), this, [this, line] { toggleBreakpoint(line); })
        ->setEnabled(rule != 0);
    menu.addAction(has ? tr("Edit Condition…") : tr("Add Conditional Breakpoint…"), this,
                   [this, line] { editBreakpointCondition(line); })
        ->setEnabled(rule != 0);
    menu.exec(globalPos);
}

} // namespace studio
