#include "codeeditor.h"

#include "signaturehelp.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractItemView>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QApplication>
#include <QFocusEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTreeView>

#include <climits>

namespace studio {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

class LineNumberArea : public QWidget {
public:
    explicit LineNumberArea(CodeEditor* editor)
        : QWidget(editor)
        , editor_(editor)
    {
    }

    QSize sizeHint() const override { return {editor_->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintGutter(event); }
    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton)
            emit editor_->gutterClicked(editor_->lineAt(event->position().toPoint()));
    }
    void contextMenuEvent(QContextMenuEvent* event) override
    {
        emit editor_->gutterMenuRequested(editor_->lineAt(event->pos()), event->globalPos());
    }

private:
    CodeEditor* editor_;
};

CodeEditor::CodeEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , highlighter_(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , gutter_(new LineNumberArea(this))
    , completer_(new QCompleter(this))
    , completionModel_(new QStandardItemModel(this))
    , completionPopup_(new QTreeView)
    , signatureHelp_(new SignatureHelp(this))
{
    setEditorFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    highlighter_->setDefinition(mappingDslDefinition());
    applyTheme();

    completer_->setWidget(this);
    // Two columns: the name, and what it is (a function's signature and summary, what a name
    // holds, a keyword); the completer owns the view.
    completionPopup_->setHeaderHidden(true);
    completionPopup_->setRootIsDecorated(false);
    completionPopup_->setUniformRowHeights(true);
    completionPopup_->setTextElideMode(Qt::ElideRight);
    completer_->setPopup(completionPopup_);
    completer_->setModel(completionModel_);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    completer_->setCaseSensitivity(Qt::CaseSensitive);
    completer_->setModelSorting(QCompleter::UnsortedModel);
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this, &CodeEditor::insertCompletion);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateExtraSelections);
    // Signature help follows the cursor while it is shown: the next argument, or gone after ')'.
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (signatureHelp_->isVisible())
            showSignatureHelp();
    });
    updateGutterWidth();
    updateExtraSelections();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setEditorFont(const QFont& font)
{
    setFont(font);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    updateGutterWidth();
}

int CodeEditor::gutterWidth() const
{
    int digits = 1;
    for (int count = qMax(1, blockCount()); count >= 10; count /= 10)
        ++digits;
    digits = qMax(digits, 3);
    return kMarkerWidth + 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + 8;
}

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeEditor::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void CodeEditor::applyTheme()
{
    const KSyntaxHighlighting::Theme theme = applyEditorTheme(this, highlighter_);
    if (!theme.isValid())
        return;
    using T = KSyntaxHighlighting::Theme;
    gutterBackground_ = QColor::fromRgba(theme.editorColor(T::IconBorder));
    gutterForeground_ = QColor::fromRgba(theme.editorColor(T::LineNumbers));
    currentLineNumber_ = QColor::fromRgba(theme.editorColor(T::CurrentLineNumber));
    currentLineBackground_ = QColor::fromRgba(theme.editorColor(T::CurrentLine));
    errorColor_ = QColor::fromRgba(theme.textColor(T::Error));
    warningColor_ = QColor::fromRgba(theme.textColor(T::Warning));
    infoColor_ = QColor::fromRgba(theme.textColor(T::Information));
    bracketBackground_ = QColor::fromRgba(theme.editorColor(T::BracketMatching));
    searchBackground_ = QColor::fromRgba(theme.editorColor(T::SearchHighlight));
    updateExtraSelections();
    gutter_->update();
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEditor::updateGutter(const QRect& rect, int dy)
{
    if (dy != 0)
        gutter_->scroll(0, dy);
    else
        gutter_->update(0, rect.y(), gutter_->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeEditor::setProblems(const QList<Problem>& problems)
{
    underlines_.clear();
    underlines_.reserve(problems.size());
    const int length = document()->characterCount() - 1;
    for (const Problem& p : problems) {
        QTextCursor cursor(document());
        const int start = qBound(0, p.start, length);
        int end = qBound(0, p.end, length);
        // An empty range (e.g. "expected '}' at end of file") still gets one visible character.
        if (end <= start) {
            end = qMin(start + 1, length);
            if (end == start && start > 0)
                cursor.setPosition(start - 1);
            else
                cursor.setPosition(start);
        } else {
            cursor.setPosition(start);
        }
        cursor.setPosition(qMax(end, cursor.position()), QTextCursor::KeepAnchor);
        underlines_.append({cursor, p});
    }
    updateExtraSelections();
}

QList<QPair<int, int>> CodeEditor::underlinedRanges() const
{
    QList<QPair<int, int>> ranges;
    for (const Underline& u : underlines_)
        ranges.append({u.cursor.selectionStart(), u.cursor.selectionEnd()});
    return ranges;
}

void CodeEditor::setSearchMatches(const QList<QPair<int, int>>& matches)
{
    searchMatches_.clear();
    for (const auto& [start, end] : matches) {
        QTextCursor cursor(document());
        cursor.setPosition(start);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        searchMatches_.append(cursor);
    }
    updateExtraSelections();
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    line.format.setBackground(currentLineBackground_);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections.append(line);

    for (const QTextCursor& match : searchMatches_) {
        QTextEdit::ExtraSelection s;
        s.format.setBackground(searchBackground_);
        s.cursor = match;
        selections.append(s);
    }
    for (const Underline& u : underlines_) {
        QTextEdit::ExtraSelection s;
        const QColor colour = u.problem.severity == ProblemSeverity::Error     ? errorColor_
                              : u.problem.severity == ProblemSeverity::Warning ? warningColor_
                                                                               : infoColor_;
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(colour);
        s.cursor = u.cursor;
        selections.append(s);
    }
    selections.append(bracketSelections());
    selections.append(executionSelections());
    setExtraSelections(selections);
    gutter_->update();
}

QList<QTextEdit::ExtraSelection> CodeEditor::bracketSelections() const
{
    static const QString open = QStringLiteral("([{");
    static const QString close = QStringLiteral(")]}");
    const QTextCursor cursor = textCursor();
    const QTextDocument* doc = document();
    const int pos = cursor.position();
    // The bracket after the cursor wins, then the one before it.
    int at = -1;
    for (int candidate : {pos, pos - 1}) {
        if (candidate >= 0 && candidate < doc->characterCount() - 1) {
            const QChar c = doc->characterAt(candidate);
            if (open.contains(c) || close.contains(c)) {
                at = candidate;
                break;
            }
        }
    }
    if (at < 0)
        return {};
    const QChar c = doc->characterAt(at);
    const bool forward = open.contains(c);
    const QChar self = c;
    const QChar partner = forward ? close.at(open.indexOf(c)) : open.at(close.indexOf(c));
    // Bounded scan: matching must stay instant on long documents.
    constexpr int kMaxScan = 200000;
    int depth = 0;
    int match = -1;
    const int step = forward ? 1 : -1;
    const int last = doc->characterCount() - 1;
    for (int i = at, n = 0; i >= 0 && i < last && n < kMaxScan; i += step, ++n) {
        const QChar ch = doc->characterAt(i);
        if (ch == self)
            ++depth;
        else if (ch == partner && --depth == 0) {
            match = i;
            break;
        }
    }
    QList<QTextEdit::ExtraSelection> out;
    for (int p : {at, match}) {
        if (p < 0)
            continue;
        QTextEdit::ExtraSelection s;
        s.format.setBackground(match >= 0 ? bracketBackground_ : errorColor_.lighter(170));
        s.cursor = QTextCursor(document());
        s.cursor.setPosition(p);
        s.cursor.setPosition(p + 1, QTextCursor::KeepAnchor);
        out.append(s);
    }
    return out;
}

void CodeEditor::selectRange(int start, int end)
{
    QTextCursor cursor(document());
    const int length = document()->characterCount() - 1;
    cursor.setPosition(qBound(0, start, length));
    cursor.setPosition(qBound(0, end, length), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

void CodeEditor::replaceAllText(const QString& text)
{
    // The cursor's token, found again by its place among the non-blank characters: reformatting
    // only changes blanks around them.
    const QString old = toPlainText();
    const int position = textCursor().position();
    int nonBlank = 0;
    for (int i = 0; i < position && i < old.size(); ++i)
        nonBlank += !old.at(i).isSpace();
    const bool afterBlank = position == 0 || (position <= old.size() && old.at(position - 1).isSpace());
    const int scroll = verticalScrollBar()->value();
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);   // one edit: one undo step
    int at = 0;
    for (int seen = 0; at < text.size() && seen < nonBlank; ++at)
        seen += !text.at(at).isSpace();
    // A cursor in blanks goes to the start of the next token, not to the end of the previous one.
    while (afterBlank && at < text.size() && text.at(at).isSpace())
        ++at;
    cursor.setPosition(at);
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scroll);
    ensureCursorVisible();
}

void CodeEditor::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(1, line, blockCount()) - 1);
    QTextCursor cursor(block);
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

void CodeEditor::toggleComment()
{
    QTextCursor cursor = textCursor();
    QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    // A selection ending at the start of a line does not include that line.
    if (cursor.hasSelection() && last.position() == cursor.selectionEnd() && last != first)
        last = last.previous();

    bool allCommented = true;
    int indent = INT_MAX;
    for (QTextBlock b = first;; b = b.next()) {
        const QString t = b.text();
        const qsizetype firstNonSpace = t.indexOf(QRegularExpression(QStringLiteral("\\S")));
        if (firstNonSpace >= 0) {
            indent = qMin(indent, int(firstNonSpace));
            if (t.at(firstNonSpace) != QLatin1Char('#'))
                allCommented = false;
        }
        if (b == last)
            break;
    }
    if (indent == INT_MAX)
        return;

    cursor.beginEditBlock();
    for (QTextBlock b = first;; b = b.next()) {
        const QString t = b.text();
        const qsizetype firstNonSpace = t.indexOf(QRegularExpression(QStringLiteral("\\S")));
        if (firstNonSpace >= 0) {
            QTextCursor c(b);
            if (allCommented) {
                c.setPosition(b.position() + int(firstNonSpace));
                const bool space = firstNonSpace + 1 < t.size() && t.at(firstNonSpace + 1) == QLatin1Char(' ');
                c.setPosition(b.position() + int(firstNonSpace) + (space ? 2 : 1), QTextCursor::KeepAnchor);
                c.removeSelectedText();
            } else {
                c.setPosition(b.position() + indent);
                c.insertText(QStringLiteral("# "));
            }
        }
        if (b == last)
            break;
    }
    cursor.endEditBlock();
}

bool CodeEditor::handleReturn()
{
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    const QString before = line.left(cursor.positionInBlock());
    QString indent;
    for (const QChar c : line) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('\t'))
            break;
        indent += c;
    }
    // Strip a trailing comment to see whether the line opens a block.
    QString code = before;
    if (const qsizetype hash = code.indexOf(QLatin1Char('#')); hash >= 0 && !code.left(hash).contains(QLatin1Char('"')))
        code.truncate(hash);
    code = code.trimmed();
    const bool opens = code.endsWith(QLatin1Char('{')) || code.endsWith(QLatin1Char('('))
                       || code.endsWith(QLatin1Char('['));
    const QString after = line.mid(cursor.positionInBlock()).trimmed();
    cursor.beginEditBlock();
    if (opens) {
        cursor.insertText(QLatin1Char('\n') + indent + QStringLiteral("  "));
        // Between a pair, the closer goes on its own line, back at the block's indentation.
        if (after.startsWith(QLatin1Char('}')) || after.startsWith(QLatin1Char(')')) || after.startsWith(QLatin1Char(']'))) {
            const int keep = cursor.position();
            cursor.insertText(QLatin1Char('\n') + indent);
            cursor.setPosition(keep);
        }
    } else {
        cursor.insertText(QLatin1Char('\n') + indent);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    return true;
}

bool CodeEditor::handleClosingBrace()
{
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    if (!before.trimmed().isEmpty() || before.size() < 2)
        return false;
    // A '}' alone on its line goes back one level.
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, before.endsWith(QLatin1Char('\t')) ? 1 : 2);
    cursor.removeSelectedText();
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.insertText(QStringLiteral("}"));
    cursor.endEditBlock();
    setTextCursor(cursor);
    return true;
}

void CodeEditor::keyPressEvent(QKeyEvent* event)
{
    if (completer_->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;   // the completer handles them
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Escape && signatureHelp_->isVisible()) {
        signatureHelp_->hide();
        return;
    }
    const bool ctrlSpace = event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
    if (ctrlSpace && (event->modifiers() & Qt::ShiftModifier)) {
        showSignatureHelp();
        return;
    }
    if (ctrlSpace) {
        complete();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier
        && handleReturn())
        return;
    if (event->text() == QLatin1String("}") && handleClosingBrace())
        return;

    QPlainTextEdit::keyPressEvent(event);

    const QString typed = event->text();
    if (typed == QLatin1String("(") || typed == QLatin1String(","))
        showSignatureHelp();
    // Completion follows typing after two word characters or a '.' that starts a path.
    bool afterDot = false;
    const QString word = wordBeforeCursor(&afterDot);
    const bool wordTyped = !typed.isEmpty() && (isWordChar(typed.at(0)) || typed == QLatin1String("."));
    if (wordTyped && ((afterDot && !sourcePaths_.isEmpty()) || word.size() >= 2))
        complete();
    else if (completer_->popup()->isVisible() && !wordTyped)
        completer_->popup()->hide();
}

void CodeEditor::focusOutEvent(QFocusEvent* event)
{
    // Signature help belongs to the typing: it goes when the focus leaves for another widget
    // (the completion list, shown while typing, keeps it).
    if (!completer_->popup()->isVisible() && event->reason() != Qt::PopupFocusReason)
        signatureHelp_->hide();
    QPlainTextEdit::focusOutEvent(event);
}

void CodeEditor::paintGutter(QPaintEvent* event)
{
    QPainter painter(gutter_);
    painter.fillRect(event->rect(), gutterBackground_);

    QTextBlock block = firstVisibleBlock();
    int blockNumber = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int current = textCursor().blockNumber();
    const int width = gutter_->width() - 8;
    // Lines with a problem get a mark in the gutter, in the severity's colour.
    QHash<int, QColor> marks;
    for (const Underline& u : underlines_) {
        const int line = u.cursor.block().blockNumber();
        const QColor colour = u.problem.severity == ProblemSeverity::Error ? errorColor_ : warningColor_;
        if (!marks.contains(line) || u.problem.severity == ProblemSeverity::Error)
            marks.insert(line, colour);
    }
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool isCurrent = blockNumber == current;
            if (const auto it = marks.constFind(blockNumber); it != marks.constEnd())
                painter.fillRect(0, top, 3, bottom - top, it.value());
            paintDebugMarks(painter, blockNumber, top, bottom - top);
            if (const auto heat = heatMarks_.constFind(blockNumber + 1); heat != heatMarks_.constEnd())
                painter.fillRect(gutter_->width() - 4, top, 4, bottom - top,
                                 QColor(230, 90, 20, 60 + int(195 * qBound(0.0, heat.value(), 1.0))));
            QFont f = font();
            f.setBold(isCurrent);
            painter.setFont(f);
            painter.setPen(isCurrent ? currentLineNumber_ : gutterForeground_);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(blockNumber + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++blockNumber;
    }
}

} // namespace studio
