#include "jsonview.h"

#include "syntaxrepository.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>

namespace studio {

namespace {
// Above this size the text is shown plain: highlighting megabytes would block the UI.
constexpr qsizetype kHighlightLimit = 256 * 1024;
} // namespace

JsonView::JsonView(QWidget* parent)
    : QPlainTextEdit(parent)
    , highlighter_(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    highlighter_->setDefinition(syntaxRepository().definitionForName(QStringLiteral("JSON")));
    applyTheme();
}

void JsonView::setJsonText(const QString& text)
{
    // Compared with what was last set: asking the document for its text costs as much as
    // a large output is long.
    if (text == shown_ && !text.isEmpty())
        return;
    shown_ = text;
    const bool highlight = text.size() <= kHighlightLimit;
    if (highlight != (highlighter_->document() != nullptr))
        highlighter_->setDocument(highlight ? document() : nullptr);
    const int scroll = verticalScrollBar()->value();
    setPlainText(text);
    verticalScrollBar()->setValue(scroll);
}

void JsonView::setMarkedLines(const QList<QPair<int, int>>& ranges, int current)
{
    marked_ = ranges;
    current_ = current;
    updateMarks();
}

void JsonView::showLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(line);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    centerCursor();
}

void JsonView::updateMarks()
{
    QList<QTextEdit::ExtraSelection> selections;
    // Beyond a few hundred marks the view would slow down; the list still names them all.
    constexpr int kMaxMarks = 500;
    for (int i = 0; i < marked_.size() && i < kMaxMarks; ++i) {
        const auto& [first, last] = marked_.at(i);
        for (int line = first; line <= last; ++line) {
            const QTextBlock block = document()->findBlockByNumber(line);
            if (!block.isValid())
                break;
            QTextEdit::ExtraSelection s;
            s.format.setBackground(i == current_ ? currentColour_ : markColour_);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            s.cursor = QTextCursor(block);
            selections.append(s);
        }
    }
    setExtraSelections(selections);
}

void JsonView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void JsonView::applyTheme()
{
    const KSyntaxHighlighting::Theme theme = applyEditorTheme(this, highlighter_);
    if (!theme.isValid())
        return;
    using T = KSyntaxHighlighting::Theme;
    // Differences use the theme's "modified line" colour, softly; the current one stronger.
    markColour_ = QColor::fromRgba(theme.editorColor(T::ModifiedLines));
    currentColour_ = markColour_;
    markColour_.setAlpha(70);
    currentColour_.setAlpha(160);
    updateMarks();
}

} // namespace studio
