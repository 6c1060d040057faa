#pragma once
// The visual mapping: the sample input as a tree of fields (name, type, sample value), the
// mapping's targets as a tree (objects, blocks, targets), and a line per rule from each field
// it reads to its target, from the engine's lineage. Dragging a field onto a target asks for
// a rule (fieldDropped); the main window writes it into the text, which stays the only model:
// the panel is redrawn from the text after every change: it asks for the lineage
// (lineageWanted) and the studio's analysis service makes it off the UI thread (showLineage).

#include "analysis.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace studio {

class LinkArea;
class SourceFieldTree;
class TargetTree;

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
    /// The drawn lines: (rule index, source field path) pairs whose field is in the sample.
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

private:
    friend class LinkArea;
    void rebuildSourceTree(const SourceFields& fields);
    void rebuildTargetTree();
    void highlightRule(int index);
    void retranslate();
    [[nodiscard]] QTreeWidgetItem* visibleSourceItem(const QString& path) const;

    QLabel* hint_ = nullptr;
    SourceFieldTree* sources_ = nullptr;
    LinkArea* linkArea_ = nullptr;
    TargetTree* targets_ = nullptr;
    bool stale_ = true;             ///< the text or input changed while the panel was hidden
    std::shared_ptr<const SourceFields> shownSources_;   ///< the sample input's fields the tree shows
    VisualLineage lineage_;
    QList<QPair<int, QString>> links_;
    QHash<QString, QTreeWidgetItem*> sourceItems_;
    QHash<QString, QTreeWidgetItem*> targetItems_;
    QSet<QString> collapsedTargets_;
    int currentRule_ = -1;
    bool syncing_ = false;          ///< selection changed by the panel itself, not the user
};

} // namespace studio
