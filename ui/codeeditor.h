#pragma once
// The mapping editor: a QPlainTextEdit with line numbers, the current line marked and the
// Mapping DSL highlighted by KSyntaxHighlighting, following the palette's light or dark theme.

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

namespace studio {

class CodeEditor : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit CodeEditor(QWidget* parent = nullptr);
    ~CodeEditor() override;

    /// The highlighter, for tests and for overlays (diagnostics).
    [[nodiscard]] KSyntaxHighlighting::SyntaxHighlighter* highlighter() const { return highlighter_; }

    /// Width of the line-number gutter for the current line count.
    [[nodiscard]] int gutterWidth() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    friend class LineNumberArea;
    void paintGutter(QPaintEvent* event);
    void applyTheme();
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    void highlightCurrentLine();

    KSyntaxHighlighting::SyntaxHighlighter* highlighter_ = nullptr;
    QWidget* gutter_ = nullptr;
    QColor gutterBackground_;
    QColor gutterForeground_;
    QColor currentLineNumber_;
    QColor currentLineBackground_;
};

} // namespace studio
