#include "visualmappingviews.h"
#include "visualmappingpanel.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>

namespace studio {

using namespace visualmapping;

void ShownRows::rebuild(const QTreeWidget* tree)
{
    rows.clear();
    rowOf.clear();
    walkItems(tree, [this](QTreeWidgetItem* item) {
        if (item->isHidden())
            return false;
        rowOf.insert(item, int(rows.size()));
        rows.push_back(item);
        return item->isExpanded();
    });
}

QVariant TargetItem::data(int column, int role) const
{
    QVariant stored = QTreeWidgetItem::data(column, role);
    if (role != Qt::ToolTipRole || stored.isValid() || column > 1)
        return stored;
    const QString pointer = QTreeWidgetItem::data(0, kPathRole).toString();
    const int rule = QTreeWidgetItem::data(0, kRuleRole).toInt();
    const std::vector<VisualRule>& rules = panel_->rules();
    if (rule < 0 || std::size_t(rule) >= rules.size())
        return VisualMappingPanel::tr("%1\n%2").arg(text(0), pointer);
    const VisualRule& r = rules[std::size_t(rule)];
    return VisualMappingPanel::tr("%1\n%2\nLine %3: %4").arg(text(0), r.target).arg(r.line).arg(r.text);
}

QStringList SourceFieldTree::mimeTypes() const
{
    return {QString::fromLatin1(kFieldMime)};
}

QMimeData* SourceFieldTree::mimeData(const QList<QTreeWidgetItem*>& items) const
{
    if (items.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    const QString path = items.first()->data(0, kPathRole).toString();
    mime->setData(QString::fromLatin1(kFieldMime), path.toUtf8());
    mime->setText(path);
    return mime;
}

TargetTree::TargetTree(VisualMappingPanel* panel) : QTreeWidget(panel), panel_(panel) {}

namespace {

// Always a copy: a move would make the source view remove the field's row.
void acceptCopy(QDropEvent* event)
{
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

} // namespace

void TargetTree::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kFieldMime)))
        acceptCopy(event);
}

void TargetTree::dragMoveEvent(QDragMoveEvent* event)
{
    if (!event->mimeData()->hasFormat(QString::fromLatin1(kFieldMime)))
        return;
    acceptCopy(event);
    QTreeWidgetItem* item = itemAt(event->position().toPoint());
    hover_ = item ? item : topLevelItem(0);
    viewport()->update();
}

void TargetTree::dragLeaveEvent(QDragLeaveEvent* event)
{
    hover_ = nullptr;
    viewport()->update();
    QTreeWidget::dragLeaveEvent(event);
}

void TargetTree::dropEvent(QDropEvent* event)
{
    hover_ = nullptr;
    const QByteArray path = event->mimeData()->data(QString::fromLatin1(kFieldMime));
    QTreeWidgetItem* item = itemAt(event->position().toPoint());
    acceptCopy(event);
    panel_->dropField(QString::fromUtf8(path), item ? item : topLevelItem(0));
}

void TargetTree::drawRow(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QTreeWidget::drawRow(painter, option, index);
    if (hover_ && itemFromIndex(index) == hover_) {
        painter->save();
        painter->setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter->drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3);
        painter->restore();
    }
}

namespace {

/// The text of a view item's option elided in the middle to the width its text gets.
void elideInTheMiddle(QStyleOptionViewItem* option)
{
    const QStyle* style = option->widget ? option->widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option->widget) + 1;
    const int width = style->subElementRect(QStyle::SE_ItemViewItemText, option, option->widget).width() - 2 * margin;
    option->text = option->fontMetrics.elidedText(option->text, Qt::ElideMiddle, std::max(width, 0));
}

} // namespace

void MiddleElidingDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Size hints come with no width: they measure the whole name.
    if (index.column() == 0 && option->rect.width() > 0)
        elideInTheMiddle(option);
}

QString MiddleElidingDelegate::shownText(const QTreeWidget* view, const QTreeWidgetItem* item, int column) const
{
    if (column != 0)
        return item->text(column);
    // The option a paint gives the first column: its rect less the indentation, the item's font.
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.widget = view;
    const QVariant font = item->data(0, Qt::FontRole);
    option.font = font.isValid() ? font.value<QFont>() : view->font();
    option.fontMetrics = QFontMetrics(option.font);
    // The row's rect spans every column: the first column's part, after the indentation.
    option.rect = view->visualItemRect(item);
    option.rect.setRight(view->columnViewportPosition(0) + view->columnWidth(0) - 1);
    option.features = QStyleOptionViewItem::HasDisplay;
    option.text = item->text(0);
    if (option.rect.width() > 0)
        elideInTheMiddle(&option);
    return option.text;
}

LinkArea::LinkArea(VisualMappingPanel* panel, QTreeWidget* sources, QTreeWidget* targets)
    : QWidget(panel)
    , panel_(panel)
    , sources_(sources)
    , targets_(targets)
{
    setObjectName(QStringLiteral("visualMappingLinks"));
    setMinimumWidth(72);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    setMouseTracking(true);
}

void LinkArea::invalidate()
{
    dirty_ = true;
    update();
}

void LinkArea::setCurrentRule(int rule)
{
    currentRule_ = rule;
    update();
}

const std::vector<DrawnLink>& LinkArea::links()
{
    ensureIndex();
    return links_;
}

void LinkArea::ensureIndex()
{
    if (!dirty_)
        return;
    dirty_ = false;
    sourceRows_.rebuild(sources_);
    targetRows_.rebuild(targets_);
    links_ = panel_->linesBetweenShownItems();
    bySource_.clear();
    byTarget_.clear();
    linksOfRule_.assign(panel_->rules().size(), {});
    for (std::size_t i = 0; i < links_.size(); ++i) {
        DrawnLink& link = links_[i];
        link.sourceRow = sourceRows_.row(link.source);
        link.targetRow = targetRows_.row(link.target);
        bySource_[link.source].push_back(int(i));
        byTarget_[link.target].push_back(int(i));
        for (const int rule : link.rules)
            if (rule >= 0 && std::size_t(rule) < linksOfRule_.size())
                linksOfRule_[std::size_t(rule)].push_back(int(i));
    }
    for (auto& list : bySource_)
        std::sort(list.begin(), list.end(), [this](int a, int b) { return links_[std::size_t(a)].targetRow < links_[std::size_t(b)].targetRow; });
    for (auto& list : byTarget_)
        std::sort(list.begin(), list.end(), [this](int a, int b) { return links_[std::size_t(a)].sourceRow < links_[std::size_t(b)].sourceRow; });
}

LinkArea::Span LinkArea::span(const QTreeWidget* tree, const ShownRows& rows) const
{
    Span s;
    const QWidget* view = tree->viewport();
    s.top = mapFrom(panel_, view->mapTo(panel_, QPoint(0, 0))).y();
    s.bottom = s.top + view->height();
    QTreeWidgetItem* first = tree->itemAt(QPoint(1, 1));
    const int firstRow = rows.row(first);
    if (firstRow < 0)
        return s;
    const QRect rect = tree->visualItemRect(first);
    if (rect.height() <= 0)
        return s;
    s.first = firstRow;
    s.step = rect.height();
    s.y0 = s.top + rect.center().y() + 0.5;
    const int inView = (view->height() - rect.top() + rect.height() - 1) / rect.height();
    s.last = std::min(int(rows.rows.size()) - 1, firstRow + std::max(inView, 1) - 1);
    return s;
}

std::vector<LinkArea::Curve> LinkArea::visibleCurves()
{
    ensureIndex();
    std::vector<Curve> out;
    const Span from = span(sources_, sourceRows_);
    const Span to = span(targets_, targetRows_);
    if (from.last < from.first && to.last < to.first)
        return out;
    const qreal w = width();
    const std::vector<int> none;
    const std::vector<int>& current =
        currentRule_ >= 0 && std::size_t(currentRule_) < linksOfRule_.size() ? linksOfRule_[std::size_t(currentRule_)] : none;
    const auto add = [&](qreal ySource, qreal yTarget, int rule, bool isCurrent, bool bundle) {
        QPainterPath curve(QPointF(3, ySource));
        curve.cubicTo(w * 0.5, ySource, w * 0.5, yTarget, w - 3, yTarget);
        out.push_back({curve, isCurrent ? currentRule_ : rule, isCurrent, bundle});
    };
    const auto ruleOf = [&](int link) { return links_[std::size_t(link)].rules.front(); };
    const auto isCurrentLink = [&](int link) { return std::find(current.begin(), current.end(), link) != current.end(); };
    // Whether the current rule has a line from this row of one tree past the other's view.
    const auto currentPast = [&](bool fromSource, int row, bool above) {
        return std::any_of(current.begin(), current.end(), [&](int link) {
            const DrawnLink& l = links_[std::size_t(link)];
            const int here = fromSource ? l.sourceRow : l.targetRow;
            const int there = fromSource ? l.targetRow : l.sourceRow;
            const Span& other = fromSource ? to : from;
            return here == row && (above ? there < other.first : there > other.last);
        });
    };
    // From each row in view of one tree: the lines to rows in view of the other (drawn once,
    // from the fields' side), and one bundle to each edge for the lines that leave the view.
    const auto fromRows = [&](bool fromSource) {
        const Span& here = fromSource ? from : to;
        const Span& other = fromSource ? to : from;
        const ShownRows& rows = fromSource ? sourceRows_ : targetRows_;
        const auto& index = fromSource ? bySource_ : byTarget_;
        for (int row = here.first; row <= here.last; ++row) {
            const auto found = index.constFind(rows.rows[std::size_t(row)]);
            if (found == index.cend())
                continue;
            const std::vector<int>& list = *found;
            const auto otherRow = [&](int link) {
                return fromSource ? links_[std::size_t(link)].targetRow : links_[std::size_t(link)].sourceRow;
            };
            const auto lo = std::lower_bound(list.begin(), list.end(), other.first,
                                             [&](int link, int r) { return otherRow(link) < r; });
            const auto hi = std::upper_bound(lo, list.end(), other.last, [&](int r, int link) { return r < otherRow(link); });
            const qreal y = here.y(row);
            const auto ends = [&](qreal yOther) { return fromSource ? std::pair(y, yOther) : std::pair(yOther, y); };
            if (fromSource)
                for (auto it = lo; it != hi; ++it) {
                    const auto [s, t] = ends(other.y(otherRow(*it)));
                    add(s, t, ruleOf(*it), isCurrentLink(*it), false);
                }
            if (lo != list.begin()) {
                const auto [s, t] = ends(other.top);
                add(s, t, ruleOf(*(lo - 1)), currentPast(fromSource, row, true), true);
            }
            if (hi != list.end()) {
                const auto [s, t] = ends(other.bottom);
                add(s, t, ruleOf(*hi), currentPast(fromSource, row, false), true);
            }
        }
    };
    fromRows(true);
    fromRows(false);
    std::stable_partition(out.begin(), out.end(), [](const Curve& c) { return !c.current; });
    return out;
}

void LinkArea::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor accent = palette().color(QPalette::Highlight);
    QColor faint = accent;
    faint.setAlphaF(0.45);
    const std::vector<Curve> curves = visibleCurves();
    const Span from = span(sources_, sourceRows_);
    const Span to = span(targets_, targetRows_);
    for (const Curve& curve : curves) {
        // The lines are one-pixel cosmetic pens: antialiased, they go through the raster
        // engine's cosmetic stroker, where a wider pen is stroked into a polygon and filled.
        // With 40 to 50 curves across the window that was 12 ms of a 16 ms frame; it is 5 ms
        // now. Only the current rule's line is wide.
        QPen pen(curve.current ? accent : faint, curve.current ? 2.4 : 1.0);
        pen.setCosmetic(!curve.current);
        if (curve.bundle)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(curve.path);
        painter.setPen(Qt::NoPen);
        painter.setBrush(curve.current ? accent : faint);
        // A bundle leaves the view: a dot only at the end that is a row.
        const QPointF start = curve.path.pointAtPercent(0);
        const QPointF end = curve.path.pointAtPercent(1);
        if (!curve.bundle || (start.y() > from.top && start.y() < from.bottom))
            painter.drawEllipse(start, 3, 3);
        if (!curve.bundle || (end.y() > to.top && end.y() < to.bottom))
            painter.drawEllipse(end, 3, 3);
    }
    painted_ = int(curves.size());
}

int LinkArea::ruleAt(QPointF position)
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    const std::vector<Curve> all = visibleCurves();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (stroker.createStroke(it->path).contains(position))
            return it->rule;
    return -1;
}

void LinkArea::mousePressEvent(QMouseEvent* event)
{
    if (const int rule = ruleAt(event->position()); rule >= 0)
        panel_->activateRule(rule);
}

void LinkArea::mouseMoveEvent(QMouseEvent* event)
{
    const int rule = ruleAt(event->position());
    setCursor(rule >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setToolTip(rule >= 0 ? panel_->rules()[std::size_t(rule)].text : QString());
}

} // namespace studio
