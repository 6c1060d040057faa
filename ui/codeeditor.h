#pragma once
// The mapping editor: a QPlainTextEdit with line numbers, the current line marked and the
// Mapping DSL highlighted by KSyntaxHighlighting, following the palette's light or dark theme.
// On top of it: problems underlined in place (message on hover), hover documentation from the
// function catalog, bracket matching, auto-indent in blocks, comment toggling and completion.

#include "analysis.h"
#include "debugbreakpoint.h"

#include <QMap>
#include <QPlainTextEdit>
#include <QTextEdit>

class QCompleter;
class QPainter;
class QTreeView;
class QStandardItemModel;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

namespace studio {

class SignatureHelp;

/// A character of a word of the DSL (identifiers, keywords): what hover and completion look at.
bool isWordChar(QChar c);

class CodeEditor : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit CodeEditor(QWidget* parent = nullptr);
    ~CodeEditor() override;

    /// The highlighter, for tests and for overlays (diagnostics).
    [[nodiscard]] KSyntaxHighlighting::SyntaxHighlighter* highlighter() const { return highlighter_; }

    /// Width of the line-number gutter for the current line count.
    [[nodiscard]] int gutterWidth() const;

    /// Underlines the problems (positions in the current text) in their severity's colour.
    void setProblems(const QList<Problem>& problems);
    /// The tooltip text for a document position: the problems there, else the catalog entry
    /// of the function under it; empty when there is nothing to say.
    [[nodiscard]] QString hoverText(int position) const;
    /// What a name visible at `position` holds, as hover text (rich text); empty when `word`
    /// names nothing there.
    [[nodiscard]] QString nameDoc(const QString& word, int position) const;
    /// The ranges currently underlined, as (start, end) pairs, for tests.
    [[nodiscard]] QList<QPair<int, int>> underlinedRanges() const;

    /// Source paths offered by completion after a '.', taken from the sample input.
    void setSourcePaths(const QStringList& paths);
    /// The engine's analysis of the text as last validated: completion offers the names
    /// visible at the cursor, the targets written, and after `name.` what that name holds.
    void setAnalysis(std::optional<mdsl::Analysis> analysis);
    /// Opens the completion popup for the word at the cursor (Ctrl+Space).
    void complete();
    [[nodiscard]] QCompleter* completer() const { return completer_; }
    /// The signature of the call being typed, shown above the cursor after '(', ',' or an
    /// accepted function completion, until the call's ')'.
    [[nodiscard]] SignatureHelp* signatureHelp() const { return signatureHelp_; }

    /// Comments out the selected lines, or uncomments them when all are comments.
    void toggleComment();
    /// Selects [start, end) and scrolls it into view.
    void selectRange(int start, int end);
    /// Replaces the whole text (Format Document) as one undo step; the cursor stays on the
    /// same token and the view where it was.
    void replaceAllText(const QString& text);
    /// Moves the cursor to a 1-based line.
    void goToLine(int line);
    /// Highlights these ranges as search matches (find/replace).
    void setSearchMatches(const QList<QPair<int, int>>& matches);

    /// The editor font (the theme's colours stay).
    void setEditorFont(const QFont& font);

    // The debugger's marks (codeeditor_debug.cpp) -------------------------------------
    /// The breakpoints, sorted by line; their lines follow the edits of the text.
    [[nodiscard]] QList<DebugBreakpoint> breakpoints() const;
    /// Sets (or changes the condition of) the breakpoint on a 1-based line.
    void setBreakpoint(int line, const QString& condition = QString());
    void removeBreakpoint(int line);
    /// Replaces every breakpoint (lines past the end are dropped): another document's come.
    void setBreakpoints(const QList<DebugBreakpoint>& breakpoints);
    [[nodiscard]] bool hasBreakpoint(int line) const;
    /// Marks the lines of [start, end) as the debugger's current rule; start < 0 clears.
    void setExecutionRange(int start, int end);
    /// The current rule's range, (-1, -1) when none.
    [[nodiscard]] QPair<int, int> executionRange() const;
    /// Short texts drawn after the end of 1-based lines: the debugger's values, inline.
    void setInlineValues(const QMap<int, QString>& values);
    [[nodiscard]] const QMap<int, QString>& inlineValues() const { return inlineValues_; }
    /// The costly rules of a corpus run: a heat mark at the gutter's right edge of 1-based
    /// lines, stronger with the rule's share of the run time (0..1). Empty clears.
    void setHeatMarks(const QMap<int, double>& shares);
    [[nodiscard]] const QMap<int, double>& heatMarks() const { return heatMarks_; }

signals:
    /// The gutter was clicked on a 1-based line (the debugger toggles a breakpoint).
    void gutterClicked(int line);
    /// A context menu was asked for on the gutter.
    void gutterMenuRequested(int line, const QPoint& globalPos);
    void breakpointsChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool event(QEvent* event) override;

private:
    friend class LineNumberArea;
    void paintGutter(QPaintEvent* event);
    void applyTheme();
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    void updateExtraSelections();
    void insertCompletion(const QString& completion);
    void updateCompletionModel(const QString& prefix, bool afterDot);
    /// What `name.` can continue with: the fields of the sample input under what the name
    /// holds, or the keys of its table or object.
    void addNameCompletions(const QString& prefix);
    /// The names visible at the cursor (or at a document position), from the last analysis.
    [[nodiscard]] std::vector<mdsl::ScopeName> namesAtCursor(int position = -1) const;

    void showSignatureHelp();
    /// What a name visible at the cursor holds, in a few words, for the completion list.
    [[nodiscard]] QString nameDetail(const mdsl::ScopeName& name) const;
    void addCompletion(const QString& text, const QString& detail, const QString& tip = QString());
    [[nodiscard]] QString wordBeforeCursor(bool* afterDot) const;
    bool handleReturn();
    bool handleClosingBrace();
    [[nodiscard]] QList<QTextEdit::ExtraSelection> bracketSelections() const;
    [[nodiscard]] QList<QTextEdit::ExtraSelection> executionSelections() const;
    void paintDebugMarks(QPainter& painter, int blockNumber, int top, int height);
    [[nodiscard]] int lineAt(const QPoint& gutterPos) const;

    KSyntaxHighlighting::SyntaxHighlighter* highlighter_ = nullptr;
    QWidget* gutter_ = nullptr;
    QColor gutterBackground_;
    QColor gutterForeground_;
    QColor currentLineNumber_;
    QColor currentLineBackground_;
    QColor errorColor_;
    QColor warningColor_;
    QColor infoColor_;
    QColor bracketBackground_;
    QColor searchBackground_;

    struct Underline {
        QTextCursor cursor;
        Problem problem;
    };
    QList<Underline> underlines_;
    QList<QTextCursor> searchMatches_;

    QCompleter* completer_ = nullptr;
    QStandardItemModel* completionModel_ = nullptr;
    QTreeView* completionPopup_ = nullptr;   ///< name | detail (signature, kind, what it holds)
    SignatureHelp* signatureHelp_ = nullptr;
    QStringList sourcePaths_;
    std::optional<mdsl::Analysis> analysis_;

    /// Room left of the line numbers for breakpoint and current-rule marks.
    static constexpr int kMarkerWidth = 14;
    /// How a breakpoint is kept: a cursor at its line follows the edits (breakpoints() gives
    /// the DebugBreakpoint of each).
    struct BreakpointMark {
        QTextCursor cursor;
        QString condition;
    };
    QList<BreakpointMark> breakpoints_;
    QTextCursor execution_;   ///< selects the current rule; null when none
    QMap<int, QString> inlineValues_;
    QMap<int, double> heatMarks_;
};

} // namespace studio
