#include "visualmappingpanel.h"
#include "utf8text.h"

#include "mdsl/fieldpath.h"
#include "mdsl/json.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace studio {

using namespace visualmapping;

namespace {

/// The item itself when shown, else its nearest ancestor that is (collapsed parents);
/// nullptr when it or a parent is filtered out.
QTreeWidgetItem* visibleAncestor(QTreeWidgetItem* item)
{
    if (!item || item->isHidden())
        return nullptr;
    QTreeWidgetItem* shown = item;
    for (QTreeWidgetItem* up = item->parent(); up; up = up->parent()) {
        if (up->isHidden())
            return nullptr;
        if (!up->isExpanded())
            shown = up;
    }
    return shown;
}

} // namespace

VisualMappingPanel::VisualMappingPanel(QWidget* parent)
    : QWidget(parent)
    , hint_(new QLabel(this))
    , filter_(new QLineEdit(this))
    , count_(new QLabel(this))
    , expandAll_(new QToolButton(this))
    , collapseAll_(new QToolButton(this))
    , filterTimer_(new QTimer(this))
    , busyTimer_(new QTimer(this))
    , sources_(new SourceFieldTree(this))
    , targets_(new TargetTree(this))
    , names_(new MiddleElidingDelegate(this))
{
    linkArea_ = new LinkArea(this, sources_, targets_);
    hint_->setWordWrap(true);
    hint_->setContentsMargins(6, 4, 6, 4);
    hint_->setForegroundRole(QPalette::PlaceholderText);

    filter_->setObjectName(QStringLiteral("visualMappingFilter"));
    filter_->setClearButtonEnabled(true);
    count_->setObjectName(QStringLiteral("visualMappingRuleCount"));
    count_->setForegroundRole(QPalette::PlaceholderText);
    filterTimer_->setSingleShot(true);
    filterTimer_->setInterval(150);
    connect(filterTimer_, &QTimer::timeout, this, &VisualMappingPanel::applyFilter);
    // A lineage that takes long (a mapping of thousands of rules in a Debug build) is said to be
    // coming, rather than the previous text's trees shown as if current.
    busyTimer_->setSingleShot(true);
    connect(busyTimer_, &QTimer::timeout, count_, [this] { count_->setText(tr("Updating…")); });
    connect(filter_, &QLineEdit::textChanged, filterTimer_, qOverload<>(&QTimer::start));
    connect(expandAll_, &QToolButton::clicked, this, &VisualMappingPanel::expandAll);
    connect(collapseAll_, &QToolButton::clicked, this, &VisualMappingPanel::collapseAll);

    sources_->setColumnCount(3);
    sources_->setDragEnabled(true);
    sources_->setDragDropMode(QAbstractItemView::DragOnly);
    sources_->setDefaultDropAction(Qt::CopyAction);
    sources_->setUniformRowHeights(true);
    sources_->setAlternatingRowColors(true);
    sources_->header()->setSectionResizeMode(QHeaderView::Interactive);
    sources_->header()->setStretchLastSection(true);

    targets_->setColumnCount(2);
    targets_->setAcceptDrops(true);
    targets_->viewport()->setAcceptDrops(true);
    targets_->setDragDropMode(QAbstractItemView::DropOnly);
    targets_->setUniformRowHeights(true);
    targets_->setAlternatingRowColors(true);
    targets_->header()->setSectionResizeMode(QHeaderView::Interactive);
    targets_->header()->setStretchLastSection(true);
    targets_->setItemDelegate(names_);
    connect(targets_->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == 0 && !expanding_)
            nameWidthChosen_ = true;
    });

    auto* tools = new QHBoxLayout;
    tools->setContentsMargins(4, 0, 4, 4);
    tools->addWidget(filter_, 1);
    tools->addWidget(count_);
    tools->addWidget(expandAll_);
    tools->addWidget(collapseAll_);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(sources_, 2);   // the targets' names are the longer texts
    row->addWidget(linkArea_);
    row->addWidget(targets_, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(hint_);
    layout->addLayout(tools);
    layout->addLayout(row, 1);

    for (QWidget* watched : {static_cast<QWidget*>(filter_), static_cast<QWidget*>(sources_),
                             static_cast<QWidget*>(targets_), static_cast<QWidget*>(linkArea_)})
        watched->installEventFilter(this);
    for (QTreeWidget* tree : {static_cast<QTreeWidget*>(sources_), static_cast<QTreeWidget*>(targets_)}) {
        connect(tree->verticalScrollBar(), &QScrollBar::valueChanged, linkArea_, [this] { linkArea_->update(); });
        // A group opened or closed by the user is remembered across the rebuilds after edits.
        const auto remember = [this, tree](QTreeWidgetItem* item, bool expanded) {
            if (!expanding_ && !syncing_)
                (tree == sources_ ? sourceExpansion_ : targetExpansion_).chosen.insert(item->data(0, kPathRole).toString(), expanded);
            linkArea_->invalidate();
        };
        connect(tree, &QTreeWidget::itemExpanded, this, [remember](QTreeWidgetItem* item) { remember(item, true); });
        connect(tree, &QTreeWidget::itemCollapsed, this, [remember](QTreeWidgetItem* item) { remember(item, false); });
    }
    connect(targets_, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (syncing_ || !targets_->currentItem())
            return;
        if (const int rule = targets_->currentItem()->data(0, kRuleRole).toInt(); rule >= 0)
            activateRule(rule);
    });
    retranslate();
}

VisualMappingPanel::~VisualMappingPanel() = default;

QTreeWidget* VisualMappingPanel::sourceTree() const
{
    return sources_;
}

QTreeWidget* VisualMappingPanel::targetTree() const
{
    return targets_;
}

void VisualMappingPanel::refreshSoon(int delayMs)
{
    stale_ = !isVisible();
    if (stale_)
        return;
    busyTimer_->start(delayMs + 400);
    emit lineageWanted(delayMs);
}

void VisualMappingPanel::showLineage(const VisualLineage& lineage)
{
    busyTimer_->stop();
    if (lineage.sources && lineage.sources != shownSources_) {
        shownSources_ = lineage.sources;
        rebuildSourceTree(*shownSources_);
    }
    // An edit inside rules (the common keystroke) keeps every target where it was: the rows
    // take the new rule texts in place, and the tree, its groups and its scroll stay.
    const bool sameTargets = std::equal(lineage.rules.begin(), lineage.rules.end(), lineage_.rules.begin(),
                                        lineage_.rules.end(), [](const VisualRule& a, const VisualRule& b) {
                                            return a.target == b.target && a.array == b.array;
                                        }) &&
                             !targetItems_.isEmpty();
    lineage_ = lineage;
    links_.clear();
    for (std::size_t i = 0; i < lineage_.rules.size(); ++i)
        for (const QString& path : lineage_.rules[i].sources)
            if (sourceItemOf(path))
                links_.append({int(i), path});
    if (sameTargets) {
        for (const VisualRule& rule : lineage_.rules)
            if (QTreeWidgetItem* item = targetItems_.value(rule.target); item && item->text(1) != rule.text)
                item->setText(1, rule.text);
        if (!filterText_.isEmpty())
            applyFilter();   // a field read by other rules now
        updateRuleCount();
    } else {
        rebuildTargetTree();
    }
    linkArea_->invalidate();
    emit refreshed();
}

QTreeWidgetItem* VisualMappingPanel::sourceItemOf(const QString& path) const
{
    QTreeWidgetItem* item = sourceItems_.value(path);
    // The elements of an array stand for the array ("$.items[*]" from an array block).
    if (!item && path.endsWith(QStringLiteral("[*]")))
        item = sourceItems_.value(path.chopped(3));
    return item;
}

QTreeWidgetItem* VisualMappingPanel::visibleSourceItem(const QString& path) const
{
    return visibleAncestor(sourceItemOf(path));
}

std::vector<DrawnLink> VisualMappingPanel::linesBetweenShownItems() const
{
    std::vector<DrawnLink> out;
    QHash<QPair<const QTreeWidgetItem*, const QTreeWidgetItem*>, std::size_t> at;
    QHash<QString, QTreeWidgetItem*> shownTarget;   // a rule's target row, once per pointer
    for (const auto& [rule, path] : links_) {
        QTreeWidgetItem* source = visibleSourceItem(path);
        if (!source)
            continue;
        const QString& pointer = lineage_.rules[std::size_t(rule)].target;
        auto found = shownTarget.find(pointer);
        if (found == shownTarget.end())
            found = shownTarget.insert(pointer, visibleAncestor(targetItems_.value(pointer)));
        if (!found.value())
            continue;
        const auto key = qMakePair(static_cast<const QTreeWidgetItem*>(source), static_cast<const QTreeWidgetItem*>(found.value()));
        auto slot = at.find(key);
        if (slot == at.end()) {
            slot = at.insert(key, out.size());
            out.push_back({source, found.value(), {}, -1, -1});
        }
        std::vector<int>& rules = out[slot.value()].rules;
        if (rules.empty() || rules.back() != rule)
            rules.push_back(rule);
    }
    return out;
}

const std::vector<DrawnLink>& VisualMappingPanel::drawnLinks() const
{
    return linkArea_->links();
}

int VisualMappingPanel::visibleLineCount() const
{
    return int(linkArea_->visibleCurves().size());
}

QString VisualMappingPanel::shownTargetName(const QString& pointer) const
{
    const QTreeWidgetItem* item = targetItems_.value(pointer);
    return item ? names_->shownText(targets_, item, 0) : QString();
}

void VisualMappingPanel::rebuildSourceTree(const SourceFields& fields)
{
    sources_->clear();
    sourceItems_.clear();
    linkArea_->invalidate();
    if (fields.notJson) {
        hint_->setText(tr("The sample input is not valid JSON: its fields cannot be shown."));
        return;
    }
    retranslate();
    auto typeName = [](SourceField::Kind kind) {
        switch (kind) {
        case SourceField::Kind::Object: return tr("object");
        case SourceField::Kind::Array: return tr("array");
        case SourceField::Kind::String: return tr("string");
        case SourceField::Kind::Boolean: return tr("boolean");
        case SourceField::Kind::Null: return tr("null");
        case SourceField::Kind::Number: return tr("number");
        case SourceField::Kind::MoreFields:
        case SourceField::Kind::Deeper: break;
        }
        return QString();
    };
    // The fields were listed in a worker (sourcefields.cpp), bounded: parents come first. The
    // items are made outside the view and added at once (no view update per item).
    std::vector<QTreeWidgetItem*> items;
    items.reserve(fields.fields.size());
    QList<QTreeWidgetItem*> topLevel;
    for (const SourceField& field : fields.fields) {
        QTreeWidgetItem* parent = field.parent >= 0 ? items[std::size_t(field.parent)] : nullptr;
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem;
        if (!parent)
            topLevel.append(item);
        items.push_back(item);
        if (field.kind == SourceField::Kind::Deeper || field.kind == SourceField::Kind::MoreFields) {
            item->setText(0, field.kind == SourceField::Kind::Deeper ? tr("… deeper levels are not shown")
                                     : field.size == 1 ? tr("… 1 more field not shown")
                                                       : tr("… %1 more fields not shown").arg(field.size));
            item->setFlags(Qt::ItemIsEnabled);
            continue;
        }
        const bool array = field.kind == SourceField::Kind::Array;
        item->setText(0, array ? field.name + QStringLiteral("[]") : field.name);
        item->setText(1, typeName(field.kind));
        if (field.kind == SourceField::Kind::Object)
            item->setText(2, field.size == 1 ? tr("1 field") : tr("%1 fields").arg(field.size));
        else if (array)
            item->setText(2, field.size == 1 ? tr("1 item") : tr("%1 items").arg(field.size));
        else
            item->setText(2, field.sample);
        item->setToolTip(0, field.path);
        item->setData(0, kPathRole, field.path);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        sourceItems_.insert(field.path, item);
    }
    sources_->addTopLevelItems(topLevel);
    applyExpansion(sources_);
    if (!filterText_.isEmpty())
        applyFilter();
    sources_->resizeColumnToContents(0);
    sources_->resizeColumnToContents(1);
}

void VisualMappingPanel::rebuildTargetTree()
{
    const int scroll = targets_->verticalScrollBar()->value();
    const QString current = currentRule_ >= 0 && std::size_t(currentRule_) < lineage_.rules.size()
                                ? lineage_.rules[std::size_t(currentRule_)].target
                                : QString();
    syncing_ = true;
    // The old rows are freed in an event of their own: thousands of them take milliseconds.
    retiredTargets_.reset(targets_->takeTopLevelItem(0));
    targets_->clear();
    targetItems_.clear();
    QTimer::singleShot(0, this, [this] { retiredTargets_.reset(); });
    linkArea_->invalidate();
    // Made outside the view and added at once: no view update per item.
    auto* root = new TargetItem(this);
    root->setText(0, tr("Output"));
    root->setData(0, kPathRole, QString());
    root->setData(0, kRuleRole, -1);
    root->setToolTip(0, tr("The output document: drop a field here to add a rule at the top level."));
    targetItems_.insert(QString(), root);
    QFont containerFont = targets_->font();
    containerFont.setBold(true);
    root->setFont(0, containerFont);
    QFont leafFont = targets_->font();
    leafFont.setBold(false);
    // The name column's natural width, measured here rather than by the view (which measures
    // only the rows of open groups): the widest name at its depth, in the bold font. Only the
    // names longest in characters are measured: shaping thousands of names costs milliseconds.
    struct Name {
        qsizetype score;
        const QTreeWidgetItem* item;
        int depth;
    };
    std::vector<Name> names;
    names.reserve(lineage_.rules.size());
    QHash<QTreeWidgetItem*, int> rulesUnder;
    for (std::size_t i = 0; i < lineage_.rules.size(); ++i) {
        const VisualRule& rule = lineage_.rules[i];
        QTreeWidgetItem* parent = root;
        QString pointer;
        int depth = 1;
        const QStringList segments = rule.target.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (const QString& segment : segments) {
            pointer += QLatin1Char('/') + segment;
            if (segment == QLatin1String("*"))
                continue;   // the elements of an array: under the array's item
            ++depth;
            QTreeWidgetItem* item = targetItems_.value(pointer);
            if (!item) {
                item = new TargetItem(parent, this);
                item->setText(0, pointerSegmentName(segment));
                item->setData(0, kPathRole, pointer);
                item->setData(0, kRuleRole, -1);
                item->setFont(0, containerFont);
                targetItems_.insert(pointer, item);
            }
            parent = item;
        }
        parent->setData(0, kRuleRole, int(i));
        parent->setText(1, rule.text);
        parent->setFont(0, rule.array ? containerFont : leafFont);
        if (rule.array)
            parent->setText(0, parent->text(0) + QStringLiteral("[]"));
        names.push_back({parent->text(0).size() + 4 * depth, parent, depth});
        for (QTreeWidgetItem* up = parent->parent(); up && up != root; up = up->parent())
            ++rulesUnder[up];
    }
    // A group without a rule of its own says how many it holds: it stands for them collapsed.
    for (auto it = rulesUnder.cbegin(); it != rulesUnder.cend(); ++it)
        if (it.key()->data(0, kRuleRole).toInt() < 0)
            it.key()->setText(1, it.value() == 1 ? tr("1 rule") : tr("%1 rules").arg(QLocale().toString(it.value())));
    const QFontMetrics bold(containerFont);
    const int indentation = targets_->indentation();
    const std::size_t measured = std::min<std::size_t>(names.size(), 64);
    std::partial_sort(names.begin(), names.begin() + qsizetype(measured), names.end(),
                      [](const Name& a, const Name& b) { return a.score > b.score; });
    nameContentsWidth_ = bold.horizontalAdvance(root->text(0)) + indentation;
    for (std::size_t i = 0; i < measured; ++i)
        nameContentsWidth_ = std::max(nameContentsWidth_, bold.horizontalAdvance(names[i].item->text(0)) + indentation * names[i].depth);
    targets_->addTopLevelItem(root);
    applyExpansion(targets_);
    if (!filterText_.isEmpty())
        applyFilter();
    fitNameColumn();
    targets_->verticalScrollBar()->setValue(scroll);
    syncing_ = false;
    // The highlighted rule follows its target through edits above it.
    currentRule_ = -1;
    linkArea_->setCurrentRule(-1);
    for (std::size_t i = 0; i < lineage_.rules.size(); ++i)
        if (!current.isEmpty() && lineage_.rules[i].target == current)
            highlightRule(int(i));
    updateRuleCount();
}

void VisualMappingPanel::highlightRule(int index)
{
    currentRule_ = index >= 0 && std::size_t(index) < lineage_.rules.size() ? index : -1;
    syncing_ = true;
    targets_->clearSelection();
    sources_->clearSelection();
    if (currentRule_ >= 0) {
        const VisualRule& rule = lineage_.rules[std::size_t(currentRule_)];
        if (QTreeWidgetItem* item = targetItems_.value(rule.target); item && !item->isHidden()) {
            targets_->setCurrentItem(item);
            targets_->scrollToItem(item);
        }
        for (const QString& path : rule.sources)
            if (QTreeWidgetItem* item = visibleSourceItem(path)) {
                item->setSelected(true);
                sources_->scrollToItem(item);
            }
    }
    syncing_ = false;
    linkArea_->setCurrentRule(currentRule_);
}
void VisualMappingPanel::activateRule(int index)
{
    if (index < 0 || std::size_t(index) >= lineage_.rules.size())
        return;
    highlightRule(index);
    const VisualRule& rule = lineage_.rules[std::size_t(index)];
    emit ruleActivated(rule.start, rule.end);
}

void VisualMappingPanel::setCursorPosition(int position)
{
    // The innermost rule around the cursor (a rule inside an array block, not the block).
    int best = -1;
    for (std::size_t i = 0; i < lineage_.rules.size(); ++i) {
        const VisualRule& rule = lineage_.rules[i];
        if (rule.start <= position && position <= rule.end &&
            (best < 0 || rule.end - rule.start < lineage_.rules[std::size_t(best)].end - lineage_.rules[std::size_t(best)].start))
            best = int(i);
    }
    if (best != currentRule_)
        highlightRule(best);
}

void VisualMappingPanel::dropField(const QString& sourcePath, QTreeWidgetItem* target)
{
    if (sourcePath.isEmpty())
        return;
    emit fieldDropped(sourcePath, target ? target->data(0, kPathRole).toString() : QString());
}

void VisualMappingPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (stale_)
        refreshSoon(0);
}

void VisualMappingPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (shownSources_)   // the types are words: the trees again, in the new language
            rebuildSourceTree(*shownSources_);
        refreshSoon(0);
    }
    QWidget::changeEvent(event);
}

bool VisualMappingPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == targets_ && event->type() == QEvent::Resize)
        fitNameColumn();
    // Ctrl+F in the panel goes to its filter box, not to the editor's Find: the panel's
    // widgets take the key before the window's shortcut.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        if (static_cast<QKeyEvent*>(event)->matches(QKeySequence::Find)) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                filter_->setFocus(Qt::ShortcutFocusReason);
                filter_->selectAll();
            }
            return true;
        }
        if (watched == filter_ && event->type() == QEvent::KeyPress &&
            static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !filter_->text().isEmpty()) {
            filter_->clear();
            applyFilter();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void VisualMappingPanel::retranslate()
{
    filter_->setPlaceholderText(tr("Filter fields and targets (Ctrl+F)"));
    filter_->setToolTip(tr("Shows the fields and targets whose name or path holds this text, the other ends "
                           "of their rules, and their parents."));
    expandAll_->setText(tr("Expand All"));
    expandAll_->setToolTip(tr("Open every group of both trees"));
    collapseAll_->setText(tr("Collapse All"));
    collapseAll_->setToolTip(tr("Close every group of both trees: one line per field and group"));
    updateRuleCount();
    hint_->setText(tr("Drag a field of the sample input onto a target or a container to write its rule. "
                      "Click a line or a target to select its rule in the editor."));
    sources_->setHeaderLabels({tr("Input field"), tr("Type"), tr("Sample value")});
    targets_->setHeaderLabels({tr("Target"), tr("Rule")});
    // The targets' root is the tree's only word not from the mapping: now, even while hidden.
    if (QTreeWidgetItem* root = targetItems_.value(QString())) {
        root->setText(0, tr("Output"));
        root->setToolTip(0, tr("The output document: drop a field here to add a rule at the top level."));
    }
}

} // namespace studio
