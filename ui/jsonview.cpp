#include "jsonview.h"

#include "largetextview.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QToolTip>
#include <QMimeData>
#include <QScrollBar>
#include <QTextBlock>

namespace studio {

JsonView::JsonView(QWidget* parent)
    : QPlainTextEdit(parent)
    , highlighter_(new KSyntaxHighlighting::SyntaxHighlighter(this))   // not the document's: that may go
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    highlighter_->setDefinition(syntaxRepository().definitionForName(QStringLiteral("JSON")));
    highlighter_->setDocument(document());
    applyTheme();
}

void JsonView::setJsonText(const QString& text)
{
    // Compared with what was last set: asking the document for its text costs as much as
    // a large output is long.
    // (An editable view's text may have been typed since: it is always set.)
    if (isReadOnly() && text == shown_ && !text.isEmpty() && !shared_)
        return;
    if (shared_)
        useOwnDocument();
    shown_ = text;
    const bool highlight = text.size() <= kJsonHighlightLimit;
    if (highlight != (highlighter_->document() != nullptr))
        highlighter_->setDocument(highlight ? document() : nullptr);
    const int scroll = verticalScrollBar()->value();
    setPlainText(text);
    verticalScrollBar()->setValue(scroll);
}

void JsonView::showJson(const RenderedJson& rendered)
{
    if (!rendered.document || rendered.text.isEmpty()) {
        setJsonText(rendered.text);
        return;
    }
    if (rendered.text == shown_)
        return;   // already shown, whichever document shows it
    SharedTextDocument document = rendered.document;
    // Built for another theme (the palette changed since): built again, here, this once.
    const bool highlight = rendered.text.size() <= kJsonHighlightLimit;
    if (jsonDocumentTheme(*document) != (highlight ? themeName_ : QString()))
        document = buildJsonDocument(rendered.text, {font(), themeName_});
    if (document->defaultFont() != font())
        document->setDefaultFont(font());
    const int scroll = verticalScrollBar()->value();
    // The marks hold cursors into the document that goes: they are set again below.
    setExtraSelections({});
    highlighter_->setDocument(nullptr);
    setDocument(document.get());
    shared_ = std::move(document);   // after the swap: the view never shows a freed document
    shown_ = rendered.text;
    verticalScrollBar()->setValue(scroll);
    updateMarks();
}

void JsonView::useOwnDocument()
{
    setExtraSelections({});
    setDocument(nullptr);   // a new empty document of the view's own
    document()->setDefaultFont(font());
    shared_.reset();
    shown_.clear();
    highlighter_->setDocument(document());
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
    for (int i = 0; i < marked_.size() && i < kMaxMarkedRanges; ++i) {
        const auto& [first, last] = marked_.at(i);
        const QTextBlock from = document()->findBlockByNumber(first);
        if (!from.isValid())
            continue;
        QTextBlock to = document()->findBlockByNumber(last);
        if (!to.isValid())
            to = document()->lastBlock();
        // One selection for the whole range, painted across the full width of each of its
        // lines (its last line's end included): setting it lays out two lines, not all of them.
        QTextEdit::ExtraSelection s;
        s.format.setBackground(i == current_ ? currentColour_ : markColour_);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(from);
        const int end = qMin(to.position() + to.length(), document()->characterCount() - 1);
        s.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selections.append(s);
    }
    setExtraSelections(selections);
}

void JsonView::insertFromMimeData(const QMimeData* source)
{
    if (!isReadOnly() && source->hasText()) {
        const QString text = source->text();
        if (text.size() + document()->characterCount() > kLargeTextLimit) {
            emit largeInsertRequested(text);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
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
    if (theme.name() != themeName_) {
        themeName_ = theme.name();
        // A shared document has the colours of the theme it was built for: shown again, it
        // is built again.
        if (shared_) {
            RenderedJson again;
            again.text = shown_;
            again.document = shared_;
            shown_.clear();
            showJson(again);
        }
    }
    using T = KSyntaxHighlighting::Theme;
    // Differences use the theme's "modified line" colour, softly; the current one stronger.
    markColour_ = QColor::fromRgba(theme.editorColor(T::ModifiedLines));
    currentColour_ = markColour_;
    markColour_.setAlpha(70);
    currentColour_.setAlpha(160);
    updateMarks();
}

bool JsonView::viewportEvent(QEvent* event)
{
    if (event->type() != QEvent::ToolTip || !hoverValues_)
        return QPlainTextEdit::viewportEvent(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QTextBlock block = cursorForPosition(help->pos()).block();
    if (block.isValid() && !block.text().trimmed().isEmpty())
        emit lineHovered(block.blockNumber(), help->globalPos(), viewport());
    else
        QToolTip::hideText();
    return true;
}

} // namespace studio
