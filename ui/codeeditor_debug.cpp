// The editor's debugger marks: breakpoints in the gutter (their lines follow edits), the
// current rule highlighted with an arrow, and the values of its sub-expressions drawn after
// the end of their lines.

#include "codeeditor.h"

#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>

namespace studio {

namespace {

const QColor kBreakpointColour(0xd3, 0x2f, 0x2f);
const QColor kConditionalColour(0xef, 0x8a, 0x00);
const QColor kExecutionColour(0x2e, 0x7d, 0x32);

} // namespace

QList<DebugBreakpoint> CodeEditor::breakpoints() const
{
    QList<DebugBreakpoint> out;
    for (const BreakpointMark& mark : breakpoints_) {
        const int line = mark.cursor.blockNumber() + 1;
        // Deleting lines can bring two marks onto one line: it keeps one breakpoint.
        if (std::none_of(out.cbegin(), out.cend(), [line](const DebugBreakpoint& b) { return b.line == line; }))
            out.append({line, mark.condition});
    }
    std::sort(out.begin(), out.end(),
              [](const DebugBreakpoint& a, const DebugBreakpoint& b) { return a.line < b.line; });
    return out;
}

bool CodeEditor::hasBreakpoint(int line) const
{
    return std::any_of(breakpoints_.cbegin(), breakpoints_.cend(),
                       [line](const BreakpointMark& m) { return m.cursor.blockNumber() + 1 == line; });
}

void CodeEditor::setBreakpoint(int line, const QString& condition)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    removeBreakpoint(line);
    breakpoints_.append({QTextCursor(block), condition.trimmed()});
    gutter_->update();
    emit breakpointsChanged();
}

void CodeEditor::setBreakpoints(const QList<DebugBreakpoint>& breakpoints)
{
    breakpoints_.clear();
    for (const DebugBreakpoint& b : breakpoints) {
        const QTextBlock block = document()->findBlockByNumber(b.line - 1);
        if (block.isValid() && !hasBreakpoint(b.line))
            breakpoints_.append({QTextCursor(block), b.condition.trimmed()});
    }
    gutter_->update();
    emit breakpointsChanged();
}

void CodeEditor::removeBreakpoint(int line)
{
    const auto removed = std::remove_if(breakpoints_.begin(), breakpoints_.end(),
                                        [line](const BreakpointMark& m) { return m.cursor.blockNumber() + 1 == line; });
    if (removed == breakpoints_.end())
        return;
    breakpoints_.erase(removed, breakpoints_.end());
    gutter_->update();
    emit breakpointsChanged();
}

void CodeEditor::setExecutionRange(int start, int end)
{
    if (start < 0) {
        execution_ = QTextCursor();
    } else {
        const int length = document()->characterCount() - 1;
        execution_ = QTextCursor(document());
        execution_.setPosition(qBound(0, start, length));
        execution_.setPosition(qBound(0, qMax(start, end), length), QTextCursor::KeepAnchor);
        // Scroll the rule into view without moving the author's cursor.
        const QRect rect = cursorRect(QTextCursor(document()->findBlock(execution_.selectionStart())));
        if (!viewport()->rect().contains(rect))
            verticalScrollBar()->setValue(
                qMax(0, document()->findBlock(execution_.selectionStart()).blockNumber() - 5));
    }
    updateExtraSelections();
}

QPair<int, int> CodeEditor::executionRange() const
{
    if (execution_.isNull())
        return {-1, -1};
    return {execution_.selectionStart(), execution_.selectionEnd()};
}

void CodeEditor::setInlineValues(const QMap<int, QString>& values)
{
    if (values == inlineValues_)
        return;
    inlineValues_ = values;
    viewport()->update();
}

void CodeEditor::setHeatMarks(const QMap<int, double>& shares)
{
    if (shares == heatMarks_)
        return;
    heatMarks_ = shares;
    gutter_->update();
}

QList<QTextEdit::ExtraSelection> CodeEditor::executionSelections() const
{
    QList<QTextEdit::ExtraSelection> out;
    if (execution_.isNull())
        return out;
    QColor background = kExecutionColour;
    background.setAlpha(palette().base().color().lightness() > 128 ? 45 : 80);
    const QTextBlock last = document()->findBlock(qMax(execution_.selectionStart(), execution_.selectionEnd() - 1));
    for (QTextBlock b = document()->findBlock(execution_.selectionStart()); b.isValid(); b = b.next()) {
        QTextEdit::ExtraSelection s;
        s.format.setBackground(background);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(b);
        out.append(s);
        if (b == last)
            break;
    }
    return out;
}

int CodeEditor::lineAt(const QPoint& gutterPos) const
{
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (gutterPos.y() < bottom)
            return block.blockNumber() + 1;
        block = block.next();
        top = bottom;
    }
    return blockCount();
}

void CodeEditor::paintDebugMarks(QPainter& painter, int blockNumber, int top, int height)
{
    const int line = blockNumber + 1;
    const int size = qMin(kMarkerWidth - 4, height - 4);
    const QRect box(4, top + (height - size) / 2, size, size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    bool dot = false;
    for (const BreakpointMark& mark : std::as_const(breakpoints_)) {
        if (mark.cursor.blockNumber() + 1 != line)
            continue;
        painter.setPen(Qt::NoPen);
        painter.setBrush(mark.condition.isEmpty() ? kBreakpointColour : kConditionalColour);
        painter.drawEllipse(box);
        dot = true;
        break;
    }
    if (!execution_.isNull() && document()->findBlock(execution_.selectionStart()).blockNumber() == blockNumber) {
        // On a breakpoint the arrow sits inside the dot, in the background colour: both show.
        const QRect at = dot ? box.adjusted(3, 2, -2, -2) : box;
        QPainterPath arrow;
        arrow.moveTo(at.left(), at.top() + (dot ? 0 : 2));
        arrow.lineTo(at.right(), at.center().y());
        arrow.lineTo(at.left(), at.bottom() - (dot ? 0 : 2));
        arrow.closeSubpath();
        painter.setPen(dot ? Qt::NoPen : QPen(palette().base().color(), 1));
        painter.setBrush(dot ? palette().base().color() : kExecutionColour);
        painter.drawPath(arrow);
    }
    painter.restore();
}

void CodeEditor::paintEvent(QPaintEvent* event)
{
    QPlainTextEdit::paintEvent(event);
    if (inlineValues_.isEmpty())
        return;
    QPainter painter(viewport());
    QFont f = font();
    f.setItalic(true);
    painter.setFont(f);
    QColor colour = kExecutionColour;
    if (palette().base().color().lightness() <= 128)
        colour = colour.lighter(170);
    painter.setPen(colour);
    const QPointF offset = contentOffset();
    for (auto it = inlineValues_.cbegin(); it != inlineValues_.cend(); ++it) {
        const QTextBlock block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid() || !block.isVisible() || !block.layout() || block.layout()->lineCount() == 0)
            continue;
        const QRectF rect = blockBoundingGeometry(block).translated(offset);
        if (rect.bottom() < 0 || rect.top() > viewport()->height())
            continue;
        const QTextLine last = block.layout()->lineAt(block.layout()->lineCount() - 1);
        const qreal x = rect.left() + last.naturalTextWidth() + document()->documentMargin()
            + fontMetrics().horizontalAdvance(QStringLiteral("    "));
        painter.drawText(QPointF(x, rect.top() + last.y() + last.ascent()), it.value());
    }
}

} // namespace studio
