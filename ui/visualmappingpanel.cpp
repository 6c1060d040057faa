#include "visualmappingpanel.h"
#include "utf8text.h"

#include "mdsl/fieldpath.h"
#include "mdsl/json.h"

#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace studio {

namespace {

constexpr auto kFieldMime = "application/x-mdsl-field-path";
constexpr int kPathRole = Qt::UserRole;        ///< source items: field path; target items: JSON Pointer
constexpr int kRuleRole = Qt::UserRole + 1;    ///< target items: index of their rule, or -1

QString pointerSegmentName(QString segment)
{
    return segment.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
}

/// The item itself when shown, else its nearest ancestor that is (collapsed parents).
QTreeWidgetItem* visibleAncestor(QTreeWidgetItem* item)
{
    QTreeWidgetItem* shown = item;
    for (QTreeWidgetItem* up = item ? item->parent() : nullptr; up; up = up->parent())
        if (!up->isExpanded())
            shown = up;
    return shown;
}

} // namespace

/// The input's fields; drags carry a field path.
class SourceFieldTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(kFieldMime)}; }
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto* mime = new QMimeData;
        const QString path = items.first()->data(0, kPathRole).toString();
        mime->setData(QString::fromLatin1(kFieldMime), path.toUtf8());
        mime->setText(path);
        return mime;
    }
};

/// The mapping's targets; a field dropped on an item asks for a rule there.
class TargetTree : public QTreeWidget {
public:
    TargetTree(VisualMappingPanel* panel) : QTreeWidget(panel), panel_(panel) {}

protected:
    // Always a copy: a move would make the source view remove the field's row.
    static void acceptCopy(QDropEvent* event)
    {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    }
    void dragEnterEvent(QDragEnterEvent* event) override
    {
        if (event->mimeData()->hasFormat(QString::fromLatin1(kFieldMime)))
            acceptCopy(event);
    }
    void dragMoveEvent(QDragMoveEvent* event) override
    {
        if (!event->mimeData()->hasFormat(QString::fromLatin1(kFieldMime)))
            return;
        acceptCopy(event);
        QTreeWidgetItem* item = itemAt(event->position().toPoint());
        hover_ = item ? item : topLevelItem(0);
        viewport()->update();
    }
    void dragLeaveEvent(QDragLeaveEvent* event) override
    {
        hover_ = nullptr;
        viewport()->update();
        QTreeWidget::dragLeaveEvent(event);
    }
    void dropEvent(QDropEvent* event) override
    {
        hover_ = nullptr;
        const QByteArray path = event->mimeData()->data(QString::fromLatin1(kFieldMime));
        QTreeWidgetItem* item = itemAt(event->position().toPoint());
        acceptCopy(event);
        panel_->dropField(QString::fromUtf8(path), item ? item : topLevelItem(0));
    }
    void drawRow(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QTreeWidget::drawRow(painter, option, index);
        if (hover_ && itemFromIndex(index) == hover_) {
            painter->save();
            painter->setPen(QPen(palette().color(QPalette::Highlight), 2));
            painter->drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3);
            painter->restore();
        }
    }

private:
    VisualMappingPanel* panel_;
    QTreeWidgetItem* hover_ = nullptr;
};

/// The strip between the trees where the lines are drawn; a click on a line selects its rule.
class LinkArea : public QWidget {
public:
    explicit LinkArea(VisualMappingPanel* panel) : QWidget(panel), panel_(panel)
    {
        setObjectName(QStringLiteral("visualMappingLinks"));
        setMinimumWidth(72);
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
        setMouseTracking(true);
    }
    QSize sizeHint() const override { return {96, 200}; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor accent = palette().color(QPalette::Highlight);
        QColor faint = accent;
        faint.setAlphaF(0.45);
        for (const auto& [rule, curve] : curves()) {
            const bool current = rule == panel_->currentRule_;
            painter.setPen(QPen(current ? accent : faint, current ? 2.4 : 1.4));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(curve);
            painter.setPen(Qt::NoPen);
            painter.setBrush(current ? accent : faint);
            painter.drawEllipse(curve.pointAtPercent(0), 3, 3);
            painter.drawEllipse(curve.pointAtPercent(1), 3, 3);
        }
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        if (const int rule = ruleAt(event->position()); rule >= 0)
            panel_->activateRule(rule);
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        const int rule = ruleAt(event->position());
        setCursor(rule >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        setToolTip(rule >= 0 ? panel_->rules()[std::size_t(rule)].text : QString());
    }

private:
    /// The middle of an item's row in this widget's coordinates, kept within the tree's view.
    std::optional<qreal> yOf(QTreeWidget* tree, QTreeWidgetItem* item) const
    {
        if (!item)
            return std::nullopt;
        const QRect rect = tree->visualItemRect(item);
        if (!rect.isValid())
            return std::nullopt;
        const QWidget* view = tree->viewport();
        const qreal top = mapFrom(panel_, view->mapTo(panel_, QPoint(0, 0))).y();
        const qreal y = top + rect.center().y() + 0.5;
        return std::clamp(y, top, top + view->height());
    }

    /// A curve per line, from the field's row to the target's row; the current rule's last,
    /// so that they are drawn on top.
    QList<QPair<int, QPainterPath>> curves() const
    {
        QList<QPair<int, QPainterPath>> out;
        const qreal w = width();
        for (const auto& [rule, path] : panel_->links_) {
            const auto source = yOf(panel_->sources_, panel_->visibleSourceItem(path));
            const QString& pointer = panel_->rules()[std::size_t(rule)].target;
            const auto target = yOf(panel_->targets_, visibleAncestor(panel_->targetItems_.value(pointer)));
            if (!source || !target)
                continue;
            QPainterPath curve(QPointF(3, *source));
            curve.cubicTo(w * 0.5, *source, w * 0.5, *target, w - 3, *target);
            if (rule == panel_->currentRule_)
                out.append({rule, curve});
            else
                out.prepend({rule, curve});
        }
        return out;
    }

    int ruleAt(QPointF position) const
    {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        const QList<QPair<int, QPainterPath>> all = curves();
        for (auto it = all.crbegin(); it != all.crend(); ++it)
            if (stroker.createStroke(it->second).contains(position))
                return it->first;
        return -1;
    }

    VisualMappingPanel* panel_;
};

VisualMappingPanel::VisualMappingPanel(QWidget* parent)
    : QWidget(parent)
    , hint_(new QLabel(this))
    , sources_(new SourceFieldTree(this))
    , linkArea_(new LinkArea(this))
    , targets_(new TargetTree(this))
{
    hint_->setWordWrap(true);
    hint_->setContentsMargins(6, 4, 6, 4);
    hint_->setForegroundRole(QPalette::PlaceholderText);

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
    targets_->header()->setStretchLastSection(true);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(sources_, 5);
    row->addWidget(linkArea_);
    row->addWidget(targets_, 5);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(hint_);
    layout->addLayout(row, 1);

    auto repaint = [this] { linkArea_->update(); };
    for (QTreeWidget* tree : {static_cast<QTreeWidget*>(sources_), static_cast<QTreeWidget*>(targets_)}) {
        connect(tree->verticalScrollBar(), &QScrollBar::valueChanged, linkArea_, repaint);
        connect(tree, &QTreeWidget::itemExpanded, linkArea_, repaint);
        connect(tree, &QTreeWidget::itemCollapsed, linkArea_, repaint);
    }
    connect(targets_, &QTreeWidget::itemCollapsed, this,
            [this](QTreeWidgetItem* item) { collapsedTargets_.insert(item->data(0, kPathRole).toString()); });
    connect(targets_, &QTreeWidget::itemExpanded, this,
            [this](QTreeWidgetItem* item) { collapsedTargets_.remove(item->data(0, kPathRole).toString()); });
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
    if (!stale_)
        emit lineageWanted(delayMs);
}

void VisualMappingPanel::showLineage(const VisualLineage& lineage)
{
    if (lineage.sources && lineage.sources != shownSources_) {
        shownSources_ = lineage.sources;
        rebuildSourceTree(*shownSources_);
    }
    lineage_ = lineage;
    links_.clear();
    for (std::size_t i = 0; i < lineage_.rules.size(); ++i)
        for (const QString& path : lineage_.rules[i].sources)
            if (visibleSourceItem(path))
                links_.append({int(i), path});
    rebuildTargetTree();
    linkArea_->update();
    emit refreshed();
}

QTreeWidgetItem* VisualMappingPanel::visibleSourceItem(const QString& path) const
{
    QTreeWidgetItem* item = sourceItems_.value(path);
    // The elements of an array stand for the array ("$.items[*]" from an array block).
    if (!item && path.endsWith(QStringLiteral("[*]")))
        item = sourceItems_.value(path.chopped(3));
    return visibleAncestor(item);
}

void VisualMappingPanel::rebuildSourceTree(const SourceFields& fields)
{
    sources_->clear();
    sourceItems_.clear();
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
    // The fields were listed in a worker (sourcefields.cpp), bounded: parents come first.
    std::vector<QTreeWidgetItem*> items;
    items.reserve(fields.fields.size());
    for (const SourceField& field : fields.fields) {
        QTreeWidgetItem* parent = field.parent >= 0 ? items[std::size_t(field.parent)] : nullptr;
        QTreeWidgetItem* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(sources_);
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
    sources_->expandAll();
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
    targets_->clear();
    targetItems_.clear();
    auto* root = new QTreeWidgetItem(targets_);
    root->setText(0, tr("Output"));
    root->setData(0, kPathRole, QString());
    root->setData(0, kRuleRole, -1);
    root->setToolTip(0, tr("The output document: drop a field here to add a rule at the top level."));
    targetItems_.insert(QString(), root);
    QFont containerFont = targets_->font();
    containerFont.setBold(true);
    root->setFont(0, containerFont);
    for (std::size_t i = 0; i < lineage_.rules.size(); ++i) {
        const VisualRule& rule = lineage_.rules[i];
        QTreeWidgetItem* parent = root;
        QString pointer;
        const QStringList segments = rule.target.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (const QString& segment : segments) {
            pointer += QLatin1Char('/') + segment;
            if (segment == QLatin1String("*"))
                continue;   // the elements of an array: under the array's item
            QTreeWidgetItem* item = targetItems_.value(pointer);
            if (!item) {
                item = new QTreeWidgetItem(parent);
                item->setText(0, pointerSegmentName(segment));
                item->setData(0, kPathRole, pointer);
                item->setData(0, kRuleRole, -1);
                item->setToolTip(0, pointer);
                item->setFont(0, containerFont);
                targetItems_.insert(pointer, item);
            }
            parent = item;
        }
        parent->setData(0, kRuleRole, int(i));
        parent->setText(1, rule.text);
        parent->setToolTip(1, rule.text);
        QFont font = targets_->font();
        font.setBold(rule.array);
        parent->setFont(0, font);
        if (rule.array)
            parent->setText(0, parent->text(0) + QStringLiteral("[]"));
    }
    targets_->expandAll();
    for (const QString& pointer : std::as_const(collapsedTargets_))
        if (QTreeWidgetItem* item = targetItems_.value(pointer))
            item->setExpanded(false);
    targets_->resizeColumnToContents(0);
    targets_->verticalScrollBar()->setValue(scroll);
    syncing_ = false;
    // The highlighted rule follows its target through edits above it.
    currentRule_ = -1;
    for (std::size_t i = 0; i < lineage_.rules.size(); ++i)
        if (!current.isEmpty() && lineage_.rules[i].target == current)
            highlightRule(int(i));
}

void VisualMappingPanel::highlightRule(int index)
{
    currentRule_ = index >= 0 && std::size_t(index) < lineage_.rules.size() ? index : -1;
    syncing_ = true;
    targets_->clearSelection();
    sources_->clearSelection();
    if (currentRule_ >= 0) {
        const VisualRule& rule = lineage_.rules[std::size_t(currentRule_)];
        if (QTreeWidgetItem* item = targetItems_.value(rule.target)) {
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
    linkArea_->update();
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

void VisualMappingPanel::retranslate()
{
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
