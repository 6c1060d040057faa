#pragma once
// The views of the visual mapping panel: the two trees (fields that can be dragged, targets
// that take a drop), the names elided in the middle to fit their column, and the strip of lines
// between the trees. The strip draws only the lines that end in rows in view: an index made
// when the lineage, the filter or the expansion changes (the rows each tree shows, and each
// shown row's lines sorted by the row at their other end) makes a paint cost what is in view,
// not what the mapping holds.

#include <QHash>
#include <QPainterPath>
#include <QStyledItemDelegate>
#include <QTreeWidget>

#include <vector>

namespace studio {

class VisualMappingPanel;

namespace visualmapping {
inline constexpr auto kFieldMime = "application/x-mdsl-field-path";
inline constexpr int kPathRole = Qt::UserRole;       ///< source items: field path; target items: JSON Pointer
inline constexpr int kRuleRole = Qt::UserRole + 1;   ///< target items: index of their rule, or -1

/// Visits the items of a tree top to bottom, parents first, without recursion; `visit(item)`
/// returns whether to visit the item's children.
template<typename Visit>
void walkItems(const QTreeWidget* tree, Visit visit)
{
    std::vector<QTreeWidgetItem*> stack;
    for (int i = tree->topLevelItemCount() - 1; i >= 0; --i)
        stack.push_back(tree->topLevelItem(i));
    while (!stack.empty()) {
        QTreeWidgetItem* item = stack.back();
        stack.pop_back();
        if (visit(item))
            for (int i = item->childCount() - 1; i >= 0; --i)
                stack.push_back(item->child(i));
    }
}

/// A JSON Pointer segment as a name ("a~1b" is "a/b").
inline QString pointerSegmentName(QString segment)
{
    return segment.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
}
} // namespace visualmapping

/// The rows a tree shows, top to bottom: items not hidden under expanded parents.
struct ShownRows {
    std::vector<QTreeWidgetItem*> rows;
    QHash<const QTreeWidgetItem*, int> rowOf;

    /// Walks the tree (iteratively) as it is shown now.
    void rebuild(const QTreeWidget* tree);
    [[nodiscard]] int row(const QTreeWidgetItem* item) const { return rowOf.value(item, -1); }
};

/// One line between a shown field row and a shown target row, for every rule whose field and
/// target are shown there (a collapsed object stands for its fields, a collapsed group for its
/// targets): one line, not one per rule.
struct DrawnLink {
    QTreeWidgetItem* source = nullptr;
    QTreeWidgetItem* target = nullptr;
    std::vector<int> rules;   ///< rule indices, in the text's order
    int sourceRow = -1;
    int targetRow = -1;
};

/// A row of the targets' tree. Its tooltip (the whole name, which the row may show elided, the
/// pointer, the rule and its line) is made when asked, from the rule the row has now: not for
/// thousands of rows after each edit.
class TargetItem : public QTreeWidgetItem {
public:
    explicit TargetItem(const VisualMappingPanel* panel) : panel_(panel) {}
    TargetItem(QTreeWidgetItem* parent, const VisualMappingPanel* panel) : QTreeWidgetItem(parent), panel_(panel) {}
    QVariant data(int column, int role) const override;

private:
    const VisualMappingPanel* panel_;
};

/// The input's fields; drags carry a field path.
class SourceFieldTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
};

/// The mapping's targets; a field dropped on an item asks the panel for a rule there.
class TargetTree : public QTreeWidget {
public:
    explicit TargetTree(VisualMappingPanel* panel);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawRow(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    VisualMappingPanel* panel_;
    QTreeWidgetItem* hover_ = nullptr;
};

/// Draws the first column's names elided in the middle to the column's width, so that both
/// the start and the end of a long name show ("order_line_…_total_amount").
class MiddleElidingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    /// The text an item's column shows as drawn now in `view`.
    [[nodiscard]] QString shownText(const QTreeWidget* view, const QTreeWidgetItem* item, int column) const;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

/// The strip between the trees where the lines are drawn; a click on a line selects its rule.
class LinkArea : public QWidget {
public:
    LinkArea(VisualMappingPanel* panel, QTreeWidget* sources, QTreeWidget* targets);
    QSize sizeHint() const override { return {96, 200}; }

    /// The lines to draw changed (lineage, filter, expansion): the index is made anew at the
    /// next paint or question.
    void invalidate();
    /// The rule highlighted (-1: none).
    void setCurrentRule(int rule);
    /// The lines between shown rows, whether in view or not.
    [[nodiscard]] const std::vector<DrawnLink>& links();

    /// One curve as drawn: a line between two rows in view, or a bundle from a row in view
    /// towards the rows above or below the other tree's view (its rule: the nearest one).
    struct Curve {
        QPainterPath path;
        int rule = -1;
        bool current = false;
        bool bundle = false;
    };
    /// The curves a paint draws now, the current rule's last.
    [[nodiscard]] std::vector<Curve> visibleCurves();
    /// How many curves the last paint drew.
    [[nodiscard]] int paintedCurves() const { return painted_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    /// The rows of a tree in its viewport, and where they are in this widget.
    struct Span {
        int first = 0;
        int last = -1;      ///< empty when last < first
        qreal y0 = 0;       ///< middle of the first row
        qreal step = 0;     ///< row height
        qreal top = 0;
        qreal bottom = 0;
        [[nodiscard]] qreal y(int row) const { return y0 + (row - first) * step; }
    };
    [[nodiscard]] Span span(const QTreeWidget* tree, const ShownRows& rows) const;
    void ensureIndex();
    [[nodiscard]] int ruleAt(QPointF position);

    VisualMappingPanel* panel_;
    QTreeWidget* sources_;
    QTreeWidget* targets_;
    bool dirty_ = true;
    ShownRows sourceRows_;
    ShownRows targetRows_;
    std::vector<DrawnLink> links_;
    QHash<const QTreeWidgetItem*, std::vector<int>> bySource_;   ///< links, by target row
    QHash<const QTreeWidgetItem*, std::vector<int>> byTarget_;   ///< links, by source row
    std::vector<std::vector<int>> linksOfRule_;
    int currentRule_ = -1;
    int painted_ = 0;
};

} // namespace studio
