#include "debuggerwatches.h"

#include <QAbstractItemDelegate>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QStyle>

namespace studio {

namespace {

/// Where a row keeps whether it is the "Add a watch…" row.
constexpr int kPlaceholderRole = Qt::UserRole + 1;

} // namespace

DebuggerWatchesView::DebuggerWatchesView(QWidget* parent)
    : QTreeWidget(parent)
    , add_(new QAction(this))
    , edit_(new QAction(this))
    , remove_(new QAction(this))
    , removeAll_(new QAction(this))
    , copyValue_(new QAction(this))
{
    setColumnCount(2);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setStretchLastSection(true);
    // Edits start from the triggers below, so that the "Add a watch…" row opens empty.
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    remove_->setShortcut(QKeySequence::Delete);
    connect(add_, &QAction::triggered, this, [this] { editWatch(int(watches_.size())); });
    connect(edit_, &QAction::triggered, this, [this] { editWatch(selectedRow()); });
    connect(remove_, &QAction::triggered, this, [this] { removeWatch(selectedRow()); });
    connect(removeAll_, &QAction::triggered, this, &DebuggerWatchesView::removeAllWatches);
    connect(copyValue_, &QAction::triggered, this, [this] {
        const int row = selectedRow();
        if (row >= 0 && row < results_.size())
            QApplication::clipboard()->setText(results_[row].detail.isEmpty() ? results_[row].text : results_[row].detail);
    });
    connect(this, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { editWatch(indexOfTopLevelItem(item)); });
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (filling_ || column != 0)
            return;
        // Applied from the event loop: the list is rebuilt, and the item must outlive its edit.
        QMetaObject::invokeMethod(
            this,
            [this, row = indexOfTopLevelItem(item), text = item->text(0).trimmed(),
             placeholder = item->data(0, kPlaceholderRole).toBool()] { commit(row, text, placeholder); },
            Qt::QueuedConnection);
    });
    // An edit that changed nothing (or was abandoned) leaves the rows as they were.
    connect(itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] { rebuild(); }, Qt::QueuedConnection);
    retranslate();
}

void DebuggerWatchesView::setWatches(const QStringList& expressions)
{
    watches_ = expressions;
    results_.clear();
    rebuild();
}

void DebuggerWatchesView::showResults(const QList<DebugWatch>& results, bool pending)
{
    results_ = results;
    pending_ = pending;
    if (state() != QAbstractItemView::EditingState)
        rebuild();
}

void DebuggerWatchesView::changeList(QStringList watches)
{
    if (watches == watches_)
        return;
    watches_ = std::move(watches);
    rebuild();
    emit watchesChanged(watches_);
}

void DebuggerWatchesView::addWatch(const QString& expression)
{
    const QString trimmed = expression.trimmed();
    if (trimmed.isEmpty())
        return;
    QStringList watches = watches_;
    watches.append(trimmed);
    changeList(std::move(watches));
}

void DebuggerWatchesView::removeWatch(int row)
{
    if (row < 0 || row >= watches_.size())
        return;
    QStringList watches = watches_;
    watches.removeAt(row);
    changeList(std::move(watches));
    if (QTreeWidgetItem* next = topLevelItem(qMin(row, int(topLevelItemCount()) - 1)))
        setCurrentItem(next);
}

void DebuggerWatchesView::removeAllWatches()
{
    changeList({});
}

void DebuggerWatchesView::editWatch(int row)
{
    QTreeWidgetItem* item = topLevelItem(row);
    if (!item)
        return;
    if (item->data(0, kPlaceholderRole).toBool()) {
        filling_ = true;
        item->setText(0, QString());
        item->setText(1, QString());
        filling_ = false;
    }
    setCurrentItem(item);
    editItem(item, 0);
}

void DebuggerWatchesView::commit(int row, const QString& text, bool placeholder)
{
    if (placeholder) {
        addWatch(text);
        return;
    }
    if (row < 0 || row >= watches_.size())
        return;
    QStringList watches = watches_;
    if (text.isEmpty())
        watches.removeAt(row);   // emptied: gone
    else
        watches[row] = text;
    changeList(std::move(watches));
}

int DebuggerWatchesView::selectedRow() const
{
    QTreeWidgetItem* item = currentItem();
    return item ? indexOfTopLevelItem(item) : -1;
}

void DebuggerWatchesView::rebuild()
{
    filling_ = true;
    const int current = selectedRow();
    clear();
    const QColor quiet = palette().color(QPalette::Disabled, QPalette::Text);
    for (int row = 0; row < watches_.size(); ++row) {
        auto* item = new QTreeWidgetItem(this, {watches_[row], QString()});
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(0, watches_[row]);
        // The result for this row, if it is this expression's (a list edited since may differ).
        const DebugWatch* result
            = row < results_.size() && results_[row].expression == watches_[row] ? &results_[row] : nullptr;
        if (!result || result->text.isEmpty()) {
            item->setText(1, pending_ ? tr("evaluating…") : QString());
            item->setForeground(1, quiet);
            continue;
        }
        item->setText(1, result->text);
        item->setToolTip(1, result->detail.isEmpty() ? result->text : result->detail);
        if (result->kind == DebugWatch::Kind::Error)
            item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        if (result->kind == DebugWatch::Kind::Missing || pending_) {
            QFont italic = font();
            italic.setItalic(result->kind == DebugWatch::Kind::Missing);
            item->setFont(1, italic);
            item->setForeground(1, quiet);
        }
    }
    auto* placeholder = new QTreeWidgetItem(this, {tr("Add a watch…"), QString()});
    placeholder->setData(0, kPlaceholderRole, true);
    placeholder->setFlags(placeholder->flags() | Qt::ItemIsEditable);
    placeholder->setForeground(0, quiet);
    placeholder->setToolTip(0, tr("Double-click, or press Enter, and type an expression of the mapping's language: it is evaluated at each stop in the scope of the current rule."));
    if (QTreeWidgetItem* item = topLevelItem(current))
        setCurrentItem(item);
    resizeColumnToContents(0);
    // The value is what is looked at: the expression gets at most two fifths of the width.
    setColumnWidth(0, qMin(columnWidth(0), qMax(100, width() * 2 / 5)));
    filling_ = false;
}

void DebuggerWatchesView::keyPressEvent(QKeyEvent* event)
{
    if (state() != QAbstractItemView::EditingState) {
        const int row = selectedRow();
        if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
            removeWatch(row);
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_F2 || event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            editWatch(row < 0 ? int(watches_.size()) : row);
            event->accept();
            return;
        }
    }
    QTreeWidget::keyPressEvent(event);
}

void DebuggerWatchesView::contextMenuEvent(QContextMenuEvent* event)
{
    if (QTreeWidgetItem* item = itemAt(viewport()->mapFromGlobal(event->globalPos())))
        setCurrentItem(item);
    const int row = selectedRow();
    const bool onWatch = row >= 0 && row < watches_.size();
    edit_->setEnabled(onWatch);
    remove_->setEnabled(onWatch);
    copyValue_->setEnabled(onWatch && row < results_.size() && !results_[row].text.isEmpty());
    removeAll_->setEnabled(!watches_.isEmpty());
    QMenu menu(this);
    menu.addAction(add_);
    menu.addAction(edit_);
    menu.addAction(copyValue_);
    menu.addSeparator();
    menu.addAction(remove_);
    menu.addAction(removeAll_);
    menu.exec(event->globalPos());
}

void DebuggerWatchesView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTreeWidget::changeEvent(event);
}

void DebuggerWatchesView::retranslate()
{
    setHeaderLabels({tr("Watch"), tr("Value")});
    add_->setText(tr("Add Watch"));
    edit_->setText(tr("Edit Watch"));
    remove_->setText(tr("Remove Watch"));
    removeAll_->setText(tr("Remove All Watches"));
    copyValue_->setText(tr("Copy Value"));
    rebuild();
}

} // namespace studio
