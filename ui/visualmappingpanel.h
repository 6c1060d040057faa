#pragma once
// The visual mapping: the sample input as a tree of fields (name, type, sample value), the
// mapping's targets as a tree (objects, blocks, targets), and a line per rule from each field
// it reads to its target, from the engine's lineage. Dragging a field onto a target asks for
// a rule (fieldDropped); the main window writes it into the text, which stays the only model:
// the panel is redrawn from the text after every change: it asks for the lineage
// (lineageWanted) and the studio's analysis service makes it off the UI thread (showLineage).
// At thousands of rules it stays readable: a filter over both trees, groups collapsed past a
// screenful (one line per shown field and shown target, however many rules it stands for), only
// the lines in view drawn (visualmappingviews.h), names elided in the middle with a tooltip.

#include "analysis.h"
#include "visualmappingviews.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace studio {

class VisualMappingPanel : public QWidget {
    Q_OBJECT

public:
    explicit VisualMappingPanel(QWidget* parent = nullptr);
    ~VisualMappingPanel() override;

    /// Asks for a refresh after `delayMs` (lineageWanted) while the panel is shown; a hidden
    /// panel asks when it is shown again.
    void refreshSoon(int delayMs = 250);
    /// Shows the lineage of the text (the newest asked for; the service drops older ones).
    void showLineage(const studio::VisualLineage& lineage);
    /// Highlights the rule at a document position (the editor's cursor).
    void setCursorPosition(int position);

    [[nodiscard]] QTreeWidget* sourceTree() const;
    [[nodiscard]] QTreeWidget* targetTree() const;
    /// The lineage's lines: (rule index, source field path) pairs whose field is in the sample
    /// (drawnLinks() gives them as drawn, one per pair of shown rows).
    [[nodiscard]] QList<QPair<int, QString>> links() const { return links_; }
    [[nodiscard]] const std::vector<VisualRule>& rules() const { return lineage_.rules; }
    /// The rule highlighted (from the editor or a click), or -1.
    [[nodiscard]] int currentRule() const { return currentRule_; }
    /// The tree items of a field path and of a target pointer; nullptr when absent.
    [[nodiscard]] QTreeWidgetItem* sourceItem(const QString& path) const { return sourceItems_.value(path); }
    [[nodiscard]] QTreeWidgetItem* targetItem(const QString& pointer) const { return targetItems_.value(pointer); }
    /// What a drop of a field on a target item does: emits fieldDropped. Real drops come here.
    void dropField(const QString& sourcePath, QTreeWidgetItem* target);
    /// Selects a rule as a click on its line or target does: emits ruleActivated.
    void activateRule(int index);
    /// The time the last lineage took, in microseconds.
    [[nodiscard]] qint64 lastLineageUs() const { return lineage_.elapsedUs; }

    /// The filter box: both trees show the items whose name or path holds its text (and the
    /// other ends of their rules), with their parents; applied a moment after typing stops.
    [[nodiscard]] QLineEdit* filterEdit() const { return filter_; }
    /// Applies the filter box's text now.
    void applyFilter();
    /// "3,000 rules" or "12 of 3,000 rules shown".
    [[nodiscard]] QString ruleCountText() const;
    /// Every group of both trees expanded, or collapsed (the output's root stays open).
    void expandAll();
    void collapseAll();
    /// The lines between shown items (a collapsed parent stands for its children), one per
    /// (shown field, shown target) pair, whether in view or not.
    [[nodiscard]] std::vector<DrawnLink> linesBetweenShownItems() const;
    [[nodiscard]] const std::vector<DrawnLink>& drawnLinks() const;
    /// The curves drawing the lines in view now (those of rows scrolled out are not drawn).
    [[nodiscard]] int visibleLineCount() const;
    /// How many curves the last paint of the lines drew.
    [[nodiscard]] int paintedLineCount() const { return linkArea_->paintedCurves(); }
    /// A target's name as its row shows it (elided in the middle to fit its column).
    [[nodiscard]] QString shownTargetName(const QString& pointer) const;

signals:
    /// A field was dropped on a target: JSON Pointer of the target ("" the root).
    void fieldDropped(const QString& sourcePath, const QString& targetPointer);
    /// The user chose a rule (its line or its target): select it in the editor.
    void ruleActivated(int start, int end);
    /// The panel needs the lineage of the current text, in `delayMs`.
    void lineageWanted(int delayMs);
    /// The lineage of a new text is shown.
    void refreshed();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Which groups of a tree are open: the first view's default, then the user's choices.
    struct Expansion {
        enum class Mode { FirstScreenful, All, None };
        Mode mode = Mode::FirstScreenful;
        QHash<QString, bool> chosen;   ///< by path or pointer
    };
    void rebuildSourceTree(const SourceFields& fields);
    void rebuildTargetTree();
    void highlightRule(int index);
    void retranslate();
    void applyExpansion(QTreeWidget* tree);
    void fitNameColumn();
    void updateRuleCount();
    /// The tree item of a field path ("$.items[*]" is shown by the array's item), or nullptr.
    [[nodiscard]] QTreeWidgetItem* sourceItemOf(const QString& path) const;
    /// The row that shows a field: its own, a collapsed parent's; nullptr when filtered out.
    [[nodiscard]] QTreeWidgetItem* visibleSourceItem(const QString& path) const;

    QLabel* hint_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QLabel* count_ = nullptr;
    QToolButton* expandAll_ = nullptr;
    QToolButton* collapseAll_ = nullptr;
    QTimer* filterTimer_ = nullptr;
    QTimer* busyTimer_ = nullptr;   ///< a lineage asked for and not there yet: say so
    SourceFieldTree* sources_ = nullptr;
    LinkArea* linkArea_ = nullptr;
    TargetTree* targets_ = nullptr;
    MiddleElidingDelegate* names_ = nullptr;
    bool stale_ = true;             ///< the text or input changed while the panel was hidden
    std::shared_ptr<const SourceFields> shownSources_;   ///< the sample input's fields the tree shows
    VisualLineage lineage_;
    QList<QPair<int, QString>> links_;
    QHash<QString, QTreeWidgetItem*> sourceItems_;
    QHash<QString, QTreeWidgetItem*> targetItems_;
    std::unique_ptr<QTreeWidgetItem> retiredTargets_;   ///< the previous target rows, freed next
    Expansion sourceExpansion_;
    Expansion targetExpansion_;
    QString filterText_;            ///< the filter applied ("" none)
    int shownRules_ = 0;
    int nameContentsWidth_ = 0;     ///< the widest target name at its depth, in pixels
    int currentRule_ = -1;
    bool syncing_ = false;          ///< selection changed by the panel itself, not the user
    bool expanding_ = false;        ///< groups opened or closed by the panel, not the user
    bool nameWidthChosen_ = false;  ///< the user sized the targets' name column
};

} // namespace studio
