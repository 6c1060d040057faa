#include "largetextview.h"

#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QToolTip>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <climits>

namespace studio {

namespace {

/// Lines longer than this are drawn plain: colouring from a line's start would cost as much
/// as the line is long on every paint (a 50 MB sample may be a single line).
constexpr qsizetype kColouredLineLimit = 20000;

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == u'-' || c == u'+' || c == u'.' || c == u'e' || c == u'E';
}

} // namespace

std::shared_ptr<const LargeText> LargeText::make(QString text)
{
    auto made = std::make_shared<LargeText>();
    made->text_ = std::move(text);
    const QString& t = made->text_;
    made->starts_.reserve(std::size_t(t.size() / 40 + 1));
    made->starts_.push_back(0);
    const QChar* data = t.constData();
    for (qsizetype i = 0, n = t.size(); i < n; ++i) {
        if (data[i] == u'\n') {
            made->longest_ = std::max(made->longest_, i - made->starts_.back());
            made->starts_.push_back(i + 1);
        }
    }
    made->longest_ = std::max(made->longest_, t.size() - made->starts_.back());
    return made;
}

QStringView LargeText::line(int index) const
{
    if (index < 0 || index >= lineCount())
        return {};
    const qsizetype start = starts_[std::size_t(index)];
    qsizetype end = std::size_t(index) + 1 < starts_.size() ? starts_[std::size_t(index) + 1] - 1 : text_.size();
    if (end > start && text_.at(end - 1) == u'\r')
        --end;
    return QStringView(text_).mid(start, end - start);
}

std::vector<std::tuple<JsonToken, qsizetype, qsizetype>> jsonLineTokens(QStringView line)
{
    std::vector<std::tuple<JsonToken, qsizetype, qsizetype>> tokens;
    const qsizetype n = line.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = line[i];
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < n && line[end] != u'"')
                end += line[end] == u'\\' ? 2 : 1;
            end = std::min(end + 1, n);
            qsizetype after = end;
            while (after < n && line[after].isSpace())
                ++after;
            tokens.emplace_back(after < n && line[after] == u':' ? JsonToken::Key : JsonToken::String, i, end - i);
            i = end;
        } else if (c.isDigit() || c == u'-') {
            qsizetype end = i + 1;
            while (end < n && isNumberChar(line[end]))
                ++end;
            tokens.emplace_back(JsonToken::Number, i, end - i);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < n && line[end].isLetter())
                ++end;
            tokens.emplace_back(JsonToken::Keyword, i, end - i);
            i = end;
        } else {
            qsizetype end = i + 1;
            while (end < n && line[end] != u'"' && !line[end].isDigit() && line[end] != u'-' && !line[end].isLetter())
                ++end;
            tokens.emplace_back(JsonToken::Plain, i, end - i);
            i = end;
        }
    }
    return tokens;
}

LargeJsonView::LargeJsonView(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    horizontalScrollBar()->setSingleStep(20);
    applyTheme();
}

void LargeJsonView::setText(std::shared_ptr<const LargeText> text)
{
    const int first = firstVisibleLine();
    text_ = std::move(text);
    anchor_ = cursor_ = -1;
    updateScrollBars();
    verticalScrollBar()->setValue(first);   // as a text view keeps its place when its text changes
    viewport()->update();
}

void LargeJsonView::setMarkedLines(const QList<QPair<int, int>>& ranges, int current)
{
    marked_ = ranges;
    current_ = current;
    viewport()->update();
}

void LargeJsonView::showLine(int line)
{
    const int rows = std::max(1, viewport()->height() / lineHeight());
    verticalScrollBar()->setValue(std::max(0, line - rows / 2));
    anchor_ = cursor_ = line;
    viewport()->update();
}

int LargeJsonView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

QString LargeJsonView::selectedText() const
{
    if (!text_ || anchor_ < 0)
        return {};
    const int from = std::min(anchor_, cursor_);
    const int to = std::min(std::max(anchor_, cursor_), text_->lineCount() - 1);
    QString out;
    for (int i = from; i <= to; ++i) {
        out += text_->line(i);
        if (i < to)
            out += u'\n';
    }
    return out;
}

void LargeJsonView::selectAll()
{
    if (!text_)
        return;
    anchor_ = 0;
    cursor_ = text_->lineCount() - 1;
    viewport()->update();
}

void LargeJsonView::copy() const
{
    if (anchor_ >= 0)
        QApplication::clipboard()->setText(anchor_ == 0 && text_ && cursor_ == text_->lineCount() - 1 ? text_->text() : selectedText());
}

int LargeJsonView::lineHeight() const
{
    return std::max(1, fontMetrics().lineSpacing());
}

int LargeJsonView::lineAt(int y) const
{
    const int line = firstVisibleLine() + std::max(0, y) / lineHeight();
    return text_ ? std::min(line, text_->lineCount() - 1) : -1;
}

void LargeJsonView::updateScrollBars()
{
    const int rows = std::max(1, viewport()->height() / lineHeight());
    const int lines = text_ ? text_->lineCount() : 0;
    verticalScrollBar()->setRange(0, std::max(0, lines - rows));
    verticalScrollBar()->setPageStep(rows);
    const qint64 width = text_ ? qint64(text_->longestLine() + 2) * fontMetrics().horizontalAdvance(u'0') : 0;
    horizontalScrollBar()->setRange(0, int(std::clamp<qint64>(width - viewport()->width(), 0, INT_MAX / 2)));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void LargeJsonView::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    if (!text_)
        return;
    painter.setFont(font());
    const int lh = lineHeight();
    const int cw = std::max(1, fontMetrics().horizontalAdvance(u'0'));
    const int ascent = fontMetrics().ascent();
    const int scrollX = horizontalScrollBar()->value();
    const int first = firstVisibleLine();
    const int last = std::min(text_->lineCount() - 1, first + viewport()->height() / lh + 1);
    const qsizetype firstColumn = scrollX / cw;
    const qsizetype columns = viewport()->width() / cw + 2;
    const int selFrom = anchor_ < 0 ? -1 : std::min(anchor_, cursor_);
    const int selTo = anchor_ < 0 ? -1 : std::max(anchor_, cursor_);
    for (int line = first; line <= last; ++line) {
        const int y = (line - first) * lh;
        const QRect row(0, y, viewport()->width(), lh);
        // Marks are few (capped, as in the text view): a linear look is cheaper than an index.
        for (int m = 0; m < marked_.size() && m < kMaxMarkedRanges; ++m) {
            if (line >= marked_.at(m).first && line <= marked_.at(m).second)
                painter.fillRect(row, m == current_ ? currentColour_ : markColour_);
        }
        if (line >= selFrom && line <= selTo)
            painter.fillRect(row, palette().color(QPalette::Highlight));
        const QStringView text = text_->line(line);
        if (text.size() <= firstColumn)
            continue;
        const qsizetype visibleEnd = std::min(text.size(), firstColumn + columns);
        auto draw = [&](JsonToken kind, qsizetype start, qsizetype length) {
            const qsizetype from = std::max(start, firstColumn);
            const qsizetype to = std::min(start + length, visibleEnd);
            if (from >= to)
                return;
            painter.setPen(colours_[int(kind)]);
            painter.drawText(int(from * cw - scrollX), y + ascent, text.mid(from, to - from).toString());
        };
        if (text.size() > kColouredLineLimit) {
            draw(JsonToken::Plain, 0, text.size());
            continue;
        }
        for (const auto& [kind, start, length] : jsonLineTokens(text)) {
            if (start >= visibleEnd)
                break;
            draw(kind, start, length);
        }
    }
}

void LargeJsonView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LargeJsonView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void LargeJsonView::selectTo(int line, bool extend)
{
    if (!text_ || line < 0)
        return;
    line = std::clamp(line, 0, text_->lineCount() - 1);
    if (!extend || anchor_ < 0)
        anchor_ = line;
    cursor_ = line;
    const int rows = std::max(1, viewport()->height() / lineHeight());
    if (line < firstVisibleLine())
        verticalScrollBar()->setValue(line);
    else if (line >= firstVisibleLine() + rows)
        verticalScrollBar()->setValue(line - rows + 1);
    viewport()->update();
}

void LargeJsonView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        emit pasteRequested();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const int at = cursor_ < 0 ? firstVisibleLine() : cursor_;
    const int page = std::max(1, viewport()->height() / lineHeight() - 1);
    switch (event->key()) {
    case Qt::Key_Up: selectTo(at - 1, extend); return;
    case Qt::Key_Down: selectTo(at + 1, extend); return;
    case Qt::Key_PageUp: selectTo(at - page, extend); return;
    case Qt::Key_PageDown: selectTo(at + page, extend); return;
    case Qt::Key_Home:
        if (event->modifiers() & Qt::ControlModifier)
            selectTo(0, extend);
        else
            horizontalScrollBar()->setValue(0);
        return;
    case Qt::Key_End:
        if (event->modifiers() & Qt::ControlModifier && text_)
            selectTo(text_->lineCount() - 1, extend);
        return;
    case Qt::Key_Left: horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub); return;
    case Qt::Key_Right: horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd); return;
    default: break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LargeJsonView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        selectTo(lineAt(event->position().toPoint().y()), event->modifiers() & Qt::ShiftModifier);
}

void LargeJsonView::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        selectTo(lineAt(event->position().toPoint().y()), true);
}

void LargeJsonView::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    if (event->type() == QEvent::FontChange)
        updateScrollBars();
}

void LargeJsonView::applyTheme()
{
    using T = KSyntaxHighlighting::Theme;
    const T theme = themeForPalette(QApplication::palette());
    if (!theme.isValid())
        return;
    // The default styles KSyntaxHighlighting's JSON definition gives these tokens (a test
    // compares them with the colours of a document its highlighter coloured).
    colours_[int(JsonToken::Plain)] = QColor::fromRgba(theme.textColor(T::Normal));
    colours_[int(JsonToken::Key)] = QColor::fromRgba(theme.textColor(T::DataType));
    colours_[int(JsonToken::String)] = QColor::fromRgba(theme.textColor(T::String));
    colours_[int(JsonToken::Number)] = QColor::fromRgba(theme.textColor(T::DecVal));
    colours_[int(JsonToken::Keyword)] = QColor::fromRgba(theme.textColor(T::Keyword));
    markColour_ = QColor::fromRgba(theme.editorColor(T::ModifiedLines));
    currentColour_ = markColour_;
    markColour_.setAlpha(70);
    currentColour_.setAlpha(160);
    QPalette pal = palette();
    pal.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(T::BackgroundColor)));
    QColor selection = QColor::fromRgba(theme.editorColor(T::TextSelection));
    pal.setColor(QPalette::Highlight, selection);
    if (pal != palette())
        setPalette(pal);
    viewport()->update();
}

bool LargeJsonView::viewportEvent(QEvent* event)
{
    if (event->type() != QEvent::ToolTip || !hoverValues_ || !text_)
        return QAbstractScrollArea::viewportEvent(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const int line = lineAt(help->pos().y());
    if (line >= 0 && !text_->line(line).trimmed().isEmpty())
        emit lineHovered(line, help->globalPos(), viewport());
    else
        QToolTip::hideText();
    return true;
}

} // namespace studio
