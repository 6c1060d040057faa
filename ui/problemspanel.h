#pragma once
// The Problems panel: the live validation of the mapping as a list (severity, code, message,
// position). Activating a row asks to jump to it; a problem's fixes are offered as actions.

#include "analysis.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace studio {

class ProblemsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget* parent = nullptr);

    /// Shows a new set of problems (replacing the previous one).
    void setProblems(const QList<Problem>& problems);
    [[nodiscard]] const QList<Problem>& problems() const { return problems_; }
    /// The rows as text, "E202 3:17 unknown function `uper`", for tests and copying.
    [[nodiscard]] QStringList rowsAsText() const;
    /// The related locations shown under a problem's row, "1:1 first written here".
    [[nodiscard]] QStringList relatedRowsAsText(int row) const;
    [[nodiscard]] QTreeWidget* tree() const { return tree_; }
    /// The Fix button as shown: "Fix: insert ')'" for the current problem, or "Fix".
    [[nodiscard]] QString fixButtonText() const;

signals:
    /// The user picked a problem: select [start, end) in the editor.
    void jumpRequested(int start, int end);
    /// The user chose a fix of a problem.
    void fixRequested(const studio::TextFix& fix);
    /// The number of errors and warnings changed (for the status bar and the dock title).
    void countsChanged(int errors, int warnings);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    /// Selects what a row points at: its problem, or the related location it shows.
    void jumpTo(const QTreeWidgetItem* item);
    void retranslate();
    void showContextMenu(const QPoint& pos);
    void updateFixButton();
    [[nodiscard]] const Problem* problemOf(const QTreeWidgetItem* item) const;

    QTreeWidget* tree_ = nullptr;
    QLabel* summary_ = nullptr;
    QToolButton* fixButton_ = nullptr;
    QList<Problem> problems_;
};

/// "3 errors, 1 warning", "No problems".
QString problemsSummary(int errors, int warnings);

} // namespace studio
