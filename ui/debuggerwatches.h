#pragma once
// The debugger's Watches view: expressions of the mapping's language the user keeps an eye on,
// each shown with its value at the current stop (compact JSON, the full value in a tooltip),
// "missing", or its error with its code. Watches are added on the last row ("Add a watch…"),
// edited in place (double-click, F2, Enter) and removed with Delete or the context menu. The
// view only keeps the list; the debugger evaluates it (DebuggerInterface::setWatches).

#include "debuggerinterface.h"

#include <QTreeWidget>

class QAction;

namespace studio {

class DebuggerWatchesView : public QTreeWidget {
    Q_OBJECT

public:
    explicit DebuggerWatchesView(QWidget* parent = nullptr);

    [[nodiscard]] const QStringList& watches() const { return watches_; }
    /// Replaces the list (a document's workspace): watchesChanged() is not emitted.
    void setWatches(const QStringList& expressions);
    /// The values at the current event; `pending`: they are an earlier event's, new ones coming.
    void showResults(const QList<DebugWatch>& results, bool pending);

    /// Adds a watch (blank: none); edits one in place; removes one (0-based rows).
    void addWatch(const QString& expression);
    void editWatch(int row);
    void removeWatch(int row);
    void removeAllWatches();

    /// A watch is being typed or edited in place.
    [[nodiscard]] bool isEditing() const { return state() == QAbstractItemView::EditingState; }
    [[nodiscard]] QAction* addWatchAction() const { return add_; }
    [[nodiscard]] QAction* removeWatchAction() const { return remove_; }

signals:
    /// The user changed the list.
    void watchesChanged(const QStringList& expressions);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void retranslate();
    /// An edit of a row (the "Add a watch…" row: `placeholder`) ended with `text`.
    void commit(int row, const QString& text, bool placeholder);
    void changeList(QStringList watches);
    [[nodiscard]] int selectedRow() const;

    QStringList watches_;
    QList<DebugWatch> results_;
    bool pending_ = false;
    bool filling_ = false;
    QAction* add_;
    QAction* edit_;
    QAction* remove_;
    QAction* removeAll_;
    QAction* copyValue_;
};

} // namespace studio
