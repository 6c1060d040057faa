#include "problemspanel.h"

#include "diagnosticmessages.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kIndexRole = Qt::UserRole + 1;
constexpr int kRelatedRole = Qt::UserRole + 2;   ///< on a related location's row: its index

QIcon severityIcon(ProblemSeverity severity)
{
    switch (severity) {
    case ProblemSeverity::Error:
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
    case ProblemSeverity::Warning:
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    case ProblemSeverity::Info:
        break;
    }
    return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
}

/// The message column wraps: a row is as tall as its message needs at the column's width.
class WrappingMessageDelegate : public QStyledItemDelegate {
public:
    explicit WrappingMessageDelegate(QTreeWidget* tree)
        : QStyledItemDelegate(tree)
        , tree_(tree)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() != kMessageColumn)
            return size;
        QStyleOptionViewItem o(option);
        initStyleOption(&o, index);
        // The style's text margins, as it lays out the text it paints.
        const int margin = (tree_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree_) + 1) * 2;
        const int width = qMax(40, tree_->header()->sectionSize(kMessageColumn) - margin);
        const QRect text = o.fontMetrics.boundingRect(QRect(0, 0, width, 0), Qt::TextWordWrap, o.text);
        size.setHeight(qMax(size.height(), text.height() + 4));
        return size;
    }

    static constexpr int kMessageColumn = 2;

private:
    QTreeWidget* tree_;
};

} // namespace

QString problemsSummary(int errors, int warnings)
{
    if (errors == 0 && warnings == 0)
        return ProblemsPanel::tr("No problems");
    // Counts after a label: no plural forms to get wrong in either language.
    return ProblemsPanel::tr("Errors: %1 · Warnings: %2").arg(errors).arg(warnings);
}

ProblemsPanel::ProblemsPanel(QWidget* parent)
    : QWidget(parent)
    , tree_(new QTreeWidget(this))
    , summary_(new QLabel(this))
    , fixButton_(new QToolButton(this))
{
    tree_->setColumnCount(4);
    tree_->setRootIsDecorated(false);
    // Long messages wrap: rows differ in height, and are laid out again when the column resizes.
    tree_->setUniformRowHeights(false);
    tree_->setWordWrap(true);
    tree_->setItemDelegate(new WrappingMessageDelegate(tree_));
    tree_->setAlternatingRowColors(true);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    connect(tree_->header(), &QHeaderView::sectionResized, tree_, [this](int section) {
        if (section == WrappingMessageDelegate::kMessageColumn)
            tree_->doItemsLayout();
    });
    fixButton_->setEnabled(false);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(summary_, 1);
    bar->addWidget(fixButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(tree_);

    connect(tree_, &QTreeWidget::itemActivated, this, &ProblemsPanel::jumpTo);
    connect(tree_, &QTreeWidget::itemClicked, this, &ProblemsPanel::jumpTo);
    connect(tree_, &QTreeWidget::currentItemChanged, this, &ProblemsPanel::updateFixButton);
    connect(tree_, &QWidget::customContextMenuRequested, this, &ProblemsPanel::showContextMenu);
    connect(fixButton_, &QToolButton::clicked, this, [this] {
        const Problem* p = problemOf(tree_->currentItem());
        if (p && !p->fixes.isEmpty())
            emit fixRequested(p->fixes.first());
    });
    retranslate();
}

const Problem* ProblemsPanel::problemOf(const QTreeWidgetItem* item) const
{
    if (!item)
        return nullptr;
    const int index = item->data(0, kIndexRole).toInt();
    return index >= 0 && index < problems_.size() ? &problems_.at(index) : nullptr;
}

void ProblemsPanel::jumpTo(const QTreeWidgetItem* item)
{
    const Problem* p = problemOf(item);
    if (!p)
        return;
    const int related = item->data(0, kRelatedRole).toInt();
    if (related >= 0 && related < p->related.size())
        emit jumpRequested(p->related.at(related).start, p->related.at(related).end);
    else
        emit jumpRequested(p->start, p->end);
}

void ProblemsPanel::setProblems(const QList<Problem>& problems)
{
    problems_ = problems;
    rebuild();
}

void ProblemsPanel::rebuild()
{
    const int currentRow = tree_->currentItem() ? tree_->indexOfTopLevelItem(tree_->currentItem()) : -1;
    tree_->clear();
    int errors = 0;
    int warnings = 0;
    bool anyRelated = false;
    QList<QTreeWidgetItem*> items;
    items.reserve(problems_.size());
    for (int i = 0; i < problems_.size(); ++i) {
        const Problem& p = problems_.at(i);
        errors += p.severity == ProblemSeverity::Error;
        warnings += p.severity == ProblemSeverity::Warning;
        auto* item = new QTreeWidgetItem;
        item->setIcon(0, severityIcon(p.severity));
        item->setText(0, DiagnosticMessages::severityName(int(p.severity)));
        item->setText(1, p.code);
        item->setText(2, p.message());
        item->setToolTip(2, p.message());
        item->setText(3, tr("%1:%2").arg(p.line).arg(p.column));
        item->setData(0, kIndexRole, i);
        item->setData(0, kRelatedRole, -1);
        for (int r = 0; r < p.related.size(); ++r) {
            const RelatedProblem& related = p.related.at(r);
            auto* child = new QTreeWidgetItem(item);
            child->setText(2, related.message());
            child->setToolTip(2, related.message());
            child->setText(3, tr("%1:%2").arg(related.line).arg(related.column));
            child->setData(0, kIndexRole, i);
            child->setData(0, kRelatedRole, r);
        }
        anyRelated = anyRelated || !p.related.isEmpty();
        items.append(item);
    }
    tree_->setRootIsDecorated(anyRelated);
    tree_->addTopLevelItems(items);
    tree_->expandAll();
    if (currentRow >= 0 && currentRow < tree_->topLevelItemCount())
        tree_->setCurrentItem(tree_->topLevelItem(currentRow));
    summary_->setText(problemsSummary(errors, warnings));
    updateFixButton();
    emit countsChanged(errors, warnings);
}

QStringList ProblemsPanel::rowsAsText() const
{
    QStringList rows;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = tree_->topLevelItem(i);
        rows.append(item->text(1) + QLatin1Char(' ') + item->text(3) + QLatin1Char(' ') + item->text(2));
    }
    return rows;
}

QString ProblemsPanel::fixButtonText() const
{
    return fixButton_->text();
}

QStringList ProblemsPanel::relatedRowsAsText(int row) const
{
    QStringList rows;
    const QTreeWidgetItem* item = tree_->topLevelItem(row);
    for (int i = 0; item && i < item->childCount(); ++i)
        rows.append(item->child(i)->text(3) + QLatin1Char(' ') + item->child(i)->text(2));
    return rows;
}

void ProblemsPanel::updateFixButton()
{
    const Problem* p = problemOf(tree_->currentItem());
    const bool hasFix = p && !p->fixes.isEmpty();
    fixButton_->setEnabled(hasFix);
    fixButton_->setText(hasFix ? tr("Fix: %1").arg(p->fixes.first().title())
                               : tr("Fix"));
}

void ProblemsPanel::showContextMenu(const QPoint& pos)
{
    const Problem* p = problemOf(tree_->itemAt(pos));
    if (!p)
        return;
    QMenu menu(this);
    const Problem problem = *p;
    menu.addAction(tr("Go to Problem"), this, [this, problem] { emit jumpRequested(problem.start, problem.end); });
    for (const TextFix& fix : problem.fixes) {
        menu.addAction(tr("Fix: %1").arg(fix.title()), this,
                       [this, fix] { emit fixRequested(fix); });
    }
    menu.exec(tree_->viewport()->mapToGlobal(pos));
}

void ProblemsPanel::retranslate()
{
    tree_->setHeaderLabels({tr("Severity"), tr("Code"), tr("Message"), tr("Position")});
    rebuild();
}

void ProblemsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace studio
