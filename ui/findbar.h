#pragma once
// Find and replace in the mapping editor: a bar under the editor (Ctrl+F, Ctrl+H), matches
// highlighted in place, Enter for the next match, Shift+Enter for the previous one.

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace studio {

class CodeEditor;

class FindBar : public QWidget {
    Q_OBJECT

public:
    explicit FindBar(CodeEditor* editor, QWidget* parent = nullptr);

    /// Shows the bar with the selection (or the previous search) in the find field.
    void showFind();
    /// Shows the bar with the replace field too.
    void showReplace();
    bool findNext(bool backward = false);
    void replaceCurrent();
    /// Replaces every match in one undo step; returns how many.
    int replaceAll();
    [[nodiscard]] QLineEdit* findField() const { return find_; }
    [[nodiscard]] QLineEdit* replaceField() const { return replace_; }
    /// The matches of the current search, as (start, end).
    [[nodiscard]] QList<QPair<int, int>> matches() const;

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void retranslate();
    void updateMatches();
    void closeBar();

    CodeEditor* editor_;
    QLineEdit* find_;
    QLineEdit* replace_;
    QCheckBox* caseSensitive_;
    QToolButton* previous_;
    QToolButton* next_;
    QToolButton* replaceOne_;
    QToolButton* replaceAll_;
    QToolButton* close_;
    QLabel* count_;
};

} // namespace studio
