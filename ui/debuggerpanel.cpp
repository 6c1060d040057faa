#include "debuggerpanel.h"

#include "backgroundlane.h"
#include "debuggerwatches.h"
#include "jsonpane.h"
#include "jsonview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMouseEvent>
#include <QProgressBar>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <climits>
#include <utility>

namespace studio {

namespace {

QWidget* titled(QLabel* title, QWidget* body, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    layout->addWidget(body, 1);
    return box;
}

QTreeWidget* makeTree(QWidget* parent, int columns)
{
    auto* tree = new QTreeWidget(parent);
    tree->setColumnCount(columns);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

/// A hidden row with an endless progress bar and a label: work going on off the UI thread.
QWidget* busyRow(QWidget* parent, QLabel*& label)
{
    auto* row = new QWidget(parent);
    auto* progress = new QProgressBar(row);
    progress->setRange(0, 0);
    progress->setMaximumWidth(120);
    progress->setTextVisible(false);
    label = new QLabel(row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(progress);
    layout->addWidget(label, 1);
    row->setVisible(false);
    return row;
}

} // namespace

DebuggerPanel::DebuggerPanel(DebuggerInterface* debugger, QWidget* parent)
    : QWidget(parent)
    , debugger_(debugger)
    , toolbar_(new QToolBar(this))
    , engine_(new QComboBox(this))
    , slider_(new QSlider(Qt::Horizontal, this))
    , position_(new QLabel(this))
    , description_(new QLabel(this))
    , message_(new QLabel(this))
    , rule_(new QLabel(this))
    , valuesTitle_(new QLabel(this))
    , contextTitle_(new QLabel(this))
    , outputTitle_(new QLabel(this))
    , watchesTitle_(new QLabel(this))
    , values_(makeTree(this, 2))
    , watches_(new DebuggerWatchesView(this))
    , context_(new JsonPane(this))
    , output_(new JsonPane(this))
    , tabs_(new QTabWidget(this))
    , frames_(new QListWidget(this))
    , writes_(makeTree(this, 2))
    , skips_(makeTree(this, 3))
{
    engine_->addItem(QStringLiteral("V2"));
    engine_->addItem(QStringLiteral("V1"));
    record_ = new QAction(this);
    record_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    record_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    connect(record_, &QAction::triggered, this, [this] { emit recordRequested(recordsV1()); });

    toolbar_->setToolButtonStyle(Qt::ToolButtonIconOnly);
    toolbar_->addWidget(engine_);
    toolbar_->addAction(record_);
    if (QWidget* button = toolbar_->widgetForAction(record_))
        static_cast<QToolButton*>(button)->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->addSeparator();
    makeAction(DebugAction::Continue, QKeySequence(Qt::Key_F6), QStyle::SP_MediaSeekForward);
    makeAction(DebugAction::StepOver, QKeySequence(Qt::Key_F10), QStyle::SP_ArrowRight);
    makeAction(DebugAction::StepInto, QKeySequence(Qt::Key_F11), QStyle::SP_ArrowDown);
    makeAction(DebugAction::StepOut, QKeySequence(Qt::SHIFT | Qt::Key_F11), QStyle::SP_ArrowUp);
    makeAction(DebugAction::StepBack, QKeySequence(Qt::SHIFT | Qt::Key_F10), QStyle::SP_ArrowLeft);
    makeAction(DebugAction::ReverseContinue, QKeySequence(Qt::SHIFT | Qt::Key_F6), QStyle::SP_MediaSeekBackward);
    makeAction(DebugAction::RunToCursor, QKeySequence(Qt::CTRL | Qt::Key_F10), QStyle::SP_MediaSkipForward);
    makeAction(DebugAction::Restart, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5), QStyle::SP_BrowserReload);

    slider_->setMinimum(0);
    // Dragging moves once, on release: each move rebuilds the views.
    slider_->setTracking(false);
    position_->setMinimumWidth(position_->fontMetrics().horizontalAdvance(QStringLiteral("Event 00000 / 00000")));
    description_->setWordWrap(true);
    description_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
    rule_->setTextFormat(Qt::PlainText);
    rule_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = context_->textView()->font();
    rule_->setFont(mono);
    context_->textView()->setReadOnly(true);
    output_->textView()->setReadOnly(true);
    output_->textView()->viewport()->installEventFilter(this);
    values_->setFont(mono);
    watches_->setFont(mono);
    writes_->setFont(mono);

    auto* position = new QHBoxLayout;
    position->addWidget(slider_, 1);
    position->addWidget(position_);

    // Busy, not blocked: the search runs off the UI thread and any action supersedes it.
    searching_ = busyRow(this, searchLabel_);
    // The context and output of a large recording are printed in a worker: busy, not blocked.
    viewsBusy_ = busyRow(this, viewsLabel_);

    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(titled(valuesTitle_, values_, this));
    left->addWidget(titled(watchesTitle_, watches_, this));
    left->addWidget(titled(contextTitle_, context_, this));
    left->setChildrenCollapsible(false);
    auto* middle = new QSplitter(Qt::Horizontal, this);
    middle->addWidget(left);
    middle->addWidget(titled(outputTitle_, output_, this));
    middle->setChildrenCollapsible(false);
    middle->setStretchFactor(0, 1);
    middle->setStretchFactor(1, 1);

    tabs_->addTab(writes_, QString());
    tabs_->addTab(skips_, QString());
    tabs_->addTab(frames_, QString());
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(middle);
    vertical->addWidget(tabs_);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(toolbar_);
    layout->addLayout(position);
    layout->addWidget(rule_);
    layout->addWidget(description_);
    layout->addWidget(message_);
    layout->addWidget(searching_);
    layout->addWidget(viewsBusy_);
    layout->addWidget(vertical, 1);

    connect(debugger_, &DebuggerInterface::stateChanged, this, &DebuggerPanel::refresh);
    connect(debugger_, &DebuggerInterface::busyChanged, this, &DebuggerPanel::updateActions);
    connect(watches_, &DebuggerWatchesView::watchesChanged, this, [this](const QStringList& expressions) {
        debugger_->setWatches(expressions);
        emit watchesChanged(expressions);
    });
    connect(slider_, &QSlider::valueChanged, this, [this](int value) {
        if (!updating_ && value != shown_.event)
            debugger_->goToEvent(value);
    });
    const auto goToItem = [this](QTreeWidgetItem* item) {
        if (item)
            debugger_->goToEvent(item->data(0, Qt::UserRole).toInt());
    };
    connect(writes_, &QTreeWidget::itemActivated, this, goToItem);
    connect(writes_, &QTreeWidget::itemClicked, this, goToItem);
    connect(skips_, &QTreeWidget::itemActivated, this, goToItem);
    connect(skips_, &QTreeWidget::itemClicked, this, goToItem);
    connect(frames_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        debugger_->goToEvent(item->data(Qt::UserRole).toInt());
    });

    retranslate();
    refresh();
}

QAction* DebuggerPanel::makeAction(DebugAction which, const QKeySequence& shortcut, int icon)
{
    auto* a = new QAction(this);
    a->setShortcut(shortcut);
    a->setIcon(style()->standardIcon(static_cast<QStyle::StandardPixmap>(icon)));
    connect(a, &QAction::triggered, this, [this, which] {
        debugger_->perform(which, cursorLine_ ? cursorLine_() : 0);
    });
    toolbar_->addAction(a);
    actions_.append({which, a});
    return a;
}

QAction* DebuggerPanel::action(DebugAction which) const
{
    for (const auto& [kind, a] : actions_) {
        if (kind == which)
            return a;
    }
    return nullptr;
}

void DebuggerPanel::setWatches(const QStringList& expressions)
{
    watches_->setWatches(expressions);
    debugger_->setWatches(expressions);
}

QStringList DebuggerPanel::watches() const
{
    return watches_->watches();
}

bool DebuggerPanel::recordsV1() const
{
    return engine_->currentIndex() == 1;
}

void DebuggerPanel::setRecordsV1(bool v1)
{
    engine_->setCurrentIndex(v1 ? 1 : 0);
}

void DebuggerPanel::updateActions()
{
    const bool busy = debugger_->isBusy();
    searching_->setVisible(debugger_->isSearching());
    record_->setEnabled(!busy);
    for (const auto& [kind, a] : std::as_const(actions_))
        a->setEnabled(!busy && !shown_.stale && debugger_->canPerform(kind));
}

void DebuggerPanel::refresh()
{
    updating_ = true;
    const DebugState s = debugger_->state();
    DebugState before = std::exchange(shown_, s);
    slider_->setEnabled(s.recorded && !s.stale);
    slider_->setMaximum(qMax(0, s.eventCount - 1));
    slider_->setValue(qMax(0, s.event));
    position_->setText(s.recorded ? tr("Event %L1 / %L2").arg(s.event + 1).arg(s.eventCount) : tr("No run recorded"));
    rule_->setText(s.ruleLine > 0 ? tr("Line %1: %2").arg(s.ruleLine).arg(s.ruleText) : QString());
    rule_->setVisible(s.ruleLine > 0);
    description_->setText(s.recorded
            ? tr("%1 · %2").arg(s.engine, s.description)
            : tr("Record a run (Ctrl+F5) of the mapping on the sample input, then step through it."));
    message_->setText(s.message);
    message_->setVisible(!s.message.isEmpty());

    values_->clear();
    for (const DebugValue& v : s.values) {
        auto* item = new QTreeWidgetItem(values_, {v.expression, v.value});
        item->setToolTip(0, tr("Line %1").arg(v.line));
        item->setToolTip(1, v.value);
    }
    values_->resizeColumnToContents(0);
    contextTitle_->setText(s.contextLabel.isEmpty() ? tr("Context") : tr("Context: %1").arg(s.contextLabel));
    // Printed in a worker for a large recording: shown as it comes (a large text is not laid out).
    context_->showJson(s.context);
    if (s.recorded)
        output_->showJson(s.output);
    else
        output_->setJsonText(QString());
    viewsBusy_->setVisible(s.viewsPending);
    watches_->showResults(s.watches, s.watchesPending);
    // The marks of the last write: only on the output of this event.
    if (const auto found = s.output.lines.constFind(s.lastWrite);
        !s.viewsPending && found != s.output.lines.constEnd() && !s.lastWrite.isEmpty()) {
        output_->setMarkedLines({found.value()}, s.atLastWrite ? 0 : -1);
        output_->showLine(found.value().first);
    } else {
        output_->setMarkedLines({});
    }

    frames_->clear();
    for (const DebugFrame& f : s.frames) {
        auto* item = new QListWidgetItem(f.label, frames_);
        item->setData(Qt::UserRole, f.event);
    }
    fillOutcomes(writes_, s.ruleOutcomes, before.ruleOutcomes);
    fillOutcomes(skips_, s.skipsAndErrors, before.skipsAndErrors);
    tabs_->setTabText(1, tr("Skips and Errors (%L1)").arg(s.skipsAndErrors.size()));
    updating_ = false;
    updateActions();
    // The previous step's texts may be held by nothing else now: a 100,000-line output's table
    // of lines takes the UI thread milliseconds to free.
    releaseInBackground(std::move(before));
}

void DebuggerPanel::fillOutcomes(QTreeWidget* view, const QList<DebugOutcome>& outcomes,
                                 const QList<DebugOutcome>& shownBefore)
{
    // The same list as at the previous step (the run's skips, a block's writes): only the
    // current entry moves. Refilling a thousand rows at each step would hold the step key up.
    if (outcomes == shownBefore && view->topLevelItemCount() == outcomes.size()) {
        for (int row = 0; row < view->topLevelItemCount(); ++row) {
            QTreeWidgetItem* item = view->topLevelItem(row);
            if (item->data(0, Qt::UserRole).toInt() == shown_.event) {
                view->setCurrentItem(item);
                return;
            }
        }
        view->setCurrentItem(nullptr);
        return;
    }
    view->clear();
    const bool withLine = view->columnCount() == 3;
    for (const DebugOutcome& o : outcomes) {
        QStringList columns;
        if (withLine)
            columns << QString::number(o.line);
        columns << o.target << o.detail;
        auto* item = new QTreeWidgetItem(view, columns);
        item->setData(0, Qt::UserRole, o.event);
        const QStyle::StandardPixmap icon = o.kind == DebugOutcome::Kind::Error  ? QStyle::SP_MessageBoxCritical
                                            : o.kind == DebugOutcome::Kind::Skip ? QStyle::SP_MessageBoxInformation
                                                                                 : QStyle::SP_DialogApplyButton;
        item->setIcon(0, style()->standardIcon(icon));
        if (o.event == shown_.event)
            view->setCurrentItem(item);
    }
    for (int c = 0; c + 1 < view->columnCount(); ++c)
        view->resizeColumnToContents(c);
}

bool DebuggerPanel::jumpToWriterAtLine(int line)
{
    // The innermost value on that line: the smallest range of lines holding it.
    QString best;
    int bestSize = INT_MAX;
    for (auto it = shown_.output.lines.cbegin(); it != shown_.output.lines.cend(); ++it) {
        const int size = it.value().second - it.value().first;
        if (it.value().first <= line && line <= it.value().second
            && (size < bestSize || (size == bestSize && it.key().size() > best.size()))) {
            best = it.key();
            bestSize = size;
        }
    }
    if (bestSize == INT_MAX || best.isEmpty())
        return false;
    const int event = debugger_->writerOf(best);
    if (event < 0)
        return false;
    debugger_->goToEvent(event);
    return true;
}

bool DebuggerPanel::eventFilter(QObject* watched, QEvent* event)
{
    // A click on a value of the output (not a selection) goes to the write that put it there.
    JsonView* text = output_->textView();
    if (watched == text->viewport() && event->type() == QEvent::MouseButtonRelease && shown_.recorded) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && !text->textCursor().hasSelection())
            jumpToWriterAtLine(text->cursorForPosition(mouse->position().toPoint()).blockNumber());
    }
    return QWidget::eventFilter(watched, event);
}

void DebuggerPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        debugger_->retranslate();   // its messages and labels: words of the state it shows
    }
    QWidget::changeEvent(event);
}

void DebuggerPanel::retranslate()
{
    record_->setText(tr("Record Run"));
    record_->setToolTip(tr("Record a run of the mapping on the sample input with the chosen engine (%1)")
                            .arg(record_->shortcut().toString(QKeySequence::NativeText)));
    engine_->setToolTip(tr("The engine that runs the recording"));
    const auto name = [](DebugAction a) {
        switch (a) {
        case DebugAction::Continue: return tr("&Continue");
        case DebugAction::StepOver: return tr("Step &Over");
        case DebugAction::StepInto: return tr("Step &Into");
        case DebugAction::StepOut: return tr("Step O&ut");
        case DebugAction::StepBack: return tr("Step Bac&k");
        case DebugAction::ReverseContinue: return tr("Continue Back&wards");
        case DebugAction::RunToCursor: return tr("Run &to Cursor");
        case DebugAction::Restart: return tr("&Restart");
        }
        return QString();
    };
    for (const auto& [kind, a] : std::as_const(actions_)) {
        a->setText(name(kind));
        a->setToolTip(
            tr("%1 (%2)").arg(a->text().remove(QLatin1Char('&')), a->shortcut().toString(QKeySequence::NativeText)));
    }
    valuesTitle_->setText(tr("Values of This Rule"));
    watchesTitle_->setText(tr("Watches"));
    watchesTitle_->setToolTip(tr("Expressions evaluated at each stop in the scope of the current rule, as breakpoint conditions are"));
    viewsLabel_->setText(tr("Printing the context and the output of this step… Steps go on meanwhile."));
    outputTitle_->setText(tr("Output So Far (click a value: the write that made it)"));
    values_->setHeaderLabels({tr("Expression"), tr("Value")});
    writes_->setHeaderLabels({tr("Target"), tr("Value or Reason")});
    skips_->setHeaderLabels({tr("Line"), tr("Target"), tr("Reason")});
    tabs_->setTabText(0, tr("Writes of This Rule"));
    tabs_->setTabText(2, tr("Frames"));
    searchLabel_->setText(tr("Looking for a breakpoint whose condition holds… Any step stops the search."));
    refresh();
}

} // namespace studio
