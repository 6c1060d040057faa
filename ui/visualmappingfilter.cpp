// The visual mapping panel's filter and groups: which items of both trees show, which groups
// are open (a screenful at first, then the user's choices), how many rules are shown, and the
// width of the targets' names.

#include "visualmappingpanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTimer>

namespace studio {

using namespace visualmapping;

namespace {

/// Rows the first view of a tree opens groups for; bigger groups start collapsed.
constexpr int kFirstViewRows = 200;

/// "/order/lines/*/sku" as the text writes it: "order.lines.sku".
QString dottedTarget(const QString& pointer)
{
    QStringList names;
    for (const QString& segment : pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        if (segment != QLatin1String("*"))
            names << pointerSegmentName(segment);
    return names.join(QLatin1Char('.'));
}

} // namespace

void VisualMappingPanel::fitNameColumn()
{
    if (nameWidthChosen_)
        return;
    // The names as wide as they are, up to 65% of the view; longer ones are elided in the middle.
    const bool was = expanding_;
    expanding_ = true;
    const int margins = 2 * (targets_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, targets_) + 1) + 8;
    const int room = targets_->viewport()->width() * 13 / 20;
    targets_->setColumnWidth(0, std::max(std::min(nameContentsWidth_ + margins, room), 80));
    expanding_ = was;
}

void VisualMappingPanel::applyExpansion(QTreeWidget* tree)
{
    const Expansion& state = tree == sources_ ? sourceExpansion_ : targetExpansion_;
    const QHash<QString, QTreeWidgetItem*>& items = tree == sources_ ? sourceItems_ : targetItems_;
    const bool was = expanding_;
    expanding_ = true;
    if (state.mode == Expansion::Mode::All)
        tree->expandAll();
    else
        tree->collapseAll();
    if (state.mode == Expansion::Mode::None && tree == targets_ && tree->topLevelItemCount() > 0)
        tree->topLevelItem(0)->setExpanded(true);   // the output's root: its groups show
    if (state.mode == Expansion::Mode::FirstScreenful) {
        // Breadth first: a group opens while the rows shown stay within a screenful or so, so
        // that a mapping of thousands of rules first shows its groups, not thousands of rows.
        int shown = tree->topLevelItemCount();
        std::vector<QTreeWidgetItem*> queue;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            queue.push_back(tree->topLevelItem(i));
        for (std::size_t next = 0; next < queue.size(); ++next) {
            QTreeWidgetItem* item = queue[next];
            if (item->childCount() == 0 || shown + item->childCount() > kFirstViewRows)
                continue;
            item->setExpanded(true);
            shown += item->childCount();
            for (int i = 0; i < item->childCount(); ++i)
                queue.push_back(item->child(i));
        }
    }
    for (auto it = state.chosen.cbegin(); it != state.chosen.cend(); ++it)
        if (QTreeWidgetItem* item = items.value(it.key()))
            item->setExpanded(it.value());
    expanding_ = was;
    linkArea_->invalidate();
}

void VisualMappingPanel::expandAll()
{
    sourceExpansion_ = {Expansion::Mode::All, {}};
    targetExpansion_ = {Expansion::Mode::All, {}};
    applyExpansion(sources_);
    applyExpansion(targets_);
}

void VisualMappingPanel::collapseAll()
{
    sourceExpansion_ = {Expansion::Mode::None, {}};
    targetExpansion_ = {Expansion::Mode::None, {}};
    applyExpansion(sources_);
    applyExpansion(targets_);
}

void VisualMappingPanel::applyFilter()
{
    filterTimer_->stop();
    const QString text = filter_->text().trimmed();
    const bool was = !filterText_.isEmpty();
    filterText_ = text;
    QSet<const QTreeWidgetItem*> shown;
    shownRules_ = int(lineage_.rules.size());
    if (!text.isEmpty()) {
        const auto has = [&text](const QString& s) { return s.contains(text, Qt::CaseInsensitive); };
        QSet<const QTreeWidgetItem*> targetsMatched;
        QSet<const QTreeWidgetItem*> fieldsMatched;
        for (auto it = targetItems_.cbegin(); it != targetItems_.cend(); ++it)
            if (!it.key().isEmpty() && (has(it.key()) || has(it.value()->text(0)) || has(dottedTarget(it.key()))))
                targetsMatched.insert(it.value());
        for (auto it = sourceItems_.cbegin(); it != sourceItems_.cend(); ++it)
            if (has(it.key()) || has(it.value()->text(0)))
                fieldsMatched.insert(it.value());
        shown = targetsMatched;
        shown.unite(fieldsMatched);
        // A rule shows with its target when either end matches; a matching target shows the
        // fields its rule reads, a matching field the targets that read it.
        shownRules_ = 0;
        for (const VisualRule& rule : lineage_.rules) {
            const QTreeWidgetItem* target = targetItems_.value(rule.target);
            const bool targetMatches = targetsMatched.contains(target);
            bool fieldMatches = false;
            for (const QString& path : rule.sources)
                fieldMatches = fieldMatches || fieldsMatched.contains(sourceItemOf(path));
            if (!targetMatches && !fieldMatches)
                continue;
            ++shownRules_;
            shown.insert(target);
            if (targetMatches)
                for (const QString& path : rule.sources)
                    if (const QTreeWidgetItem* field = sourceItemOf(path))
                        shown.insert(field);
        }
        const QList<const QTreeWidgetItem*> matched(shown.cbegin(), shown.cend());
        for (const QTreeWidgetItem* item : matched)
            for (const QTreeWidgetItem* up = item ? item->parent() : nullptr; up && !shown.contains(up); up = up->parent())
                shown.insert(up);
    }
    const bool filtering = !text.isEmpty();
    syncing_ = true;
    for (QTreeWidget* tree : {static_cast<QTreeWidget*>(sources_), static_cast<QTreeWidget*>(targets_)})
        walkItems(tree, [&](QTreeWidgetItem* item) {
            const bool hide = filtering && !shown.contains(item);
            if (item->isHidden() != hide)
                item->setHidden(hide);
            return true;
        });
    syncing_ = false;
    // While filtering, every group holding a match is open; the groups as they were after.
    if (filtering) {
        const bool expanding = expanding_;
        expanding_ = true;
        sources_->expandAll();
        targets_->expandAll();
        expanding_ = expanding;
    } else if (was) {
        applyExpansion(sources_);
        applyExpansion(targets_);
    }
    linkArea_->invalidate();
    updateRuleCount();
}

QString VisualMappingPanel::ruleCountText() const
{
    return count_->text();
}

void VisualMappingPanel::updateRuleCount()
{
    const int total = int(lineage_.rules.size());
    const QLocale locale;
    if (filterText_.isEmpty())
        count_->setText(total == 1 ? tr("1 rule") : tr("%1 rules").arg(locale.toString(total)));
    else
        count_->setText(total == 1 ? tr("%1 of 1 rule shown").arg(shownRules_)
                                   : tr("%1 of %2 rules shown").arg(locale.toString(shownRules_), locale.toString(total)));
}

} // namespace studio
