#pragma once
// Large JSON texts, shown without laying them out: a sample input of 50 MB or an output of
// 100,000 lines would take a QPlainTextEdit seconds of UI-thread time to lay out, colour and
// free. LargeText indexes a text's lines (in any thread); LargeJsonView draws only the lines in
// view, coloured as the JSON views colour JSON, scrolls through millions of lines at once, marks
// lines (the preview's differences) and selects and copies whole lines. It is read-only.

#include <QAbstractScrollArea>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <vector>

namespace studio {

/// A text and where each of its lines starts. Immutable once made; shared between threads.
class LargeText {
public:
    /// Indexes `text` (any thread; linear, about 30 ms for 50 MB).
    static std::shared_ptr<const LargeText> make(QString text);

    [[nodiscard]] const QString& text() const { return text_; }
    [[nodiscard]] int lineCount() const { return int(starts_.size()); }
    /// Line `index` (0-based) without its '\n'.
    [[nodiscard]] QStringView line(int index) const;
    /// The length of the longest line, in characters.
    [[nodiscard]] qsizetype longestLine() const { return longest_; }

private:
    QString text_;
    std::vector<qsizetype> starts_;
    qsizetype longest_ = 0;
};

/// The marked ranges a JSON view draws, at most (the preview's list still names them all):
/// beyond a few hundred, marking would slow every paint down.
inline constexpr int kMaxMarkedRanges = 500;

/// Above this size a text is shown by a LargeJsonView rather than laid out in a text editor.
inline constexpr qsizetype kLargeTextLimit = 256 * 1024;

/// The kinds of token a JSON line is coloured by.
enum class JsonToken { Plain, Key, String, Number, Keyword };

/// The tokens of one line of JSON text, as (kind, start, length), in order. A line never splits
/// a JSON string (strings hold no raw line breaks), so a line is coloured without the others.
std::vector<std::tuple<JsonToken, qsizetype, qsizetype>> jsonLineTokens(QStringView line);

class LargeJsonView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit LargeJsonView(QWidget* parent = nullptr);

    void setText(std::shared_ptr<const LargeText> text);
    [[nodiscard]] const std::shared_ptr<const LargeText>& text() const { return text_; }
    /// Marks line ranges (0-based, inclusive), one of them as current, as JsonView does.
    void setMarkedLines(const QList<QPair<int, int>>& ranges, int current = -1);
    [[nodiscard]] const QList<QPair<int, int>>& markedLines() const { return marked_; }
    /// Scrolls a 0-based line to the middle of the view.
    void showLine(int line);
    /// The first line in view.
    [[nodiscard]] int firstVisibleLine() const;
    /// The selected lines' text ('\n' between them; empty without a selection).
    [[nodiscard]] QString selectedText() const;
    void selectAll();
    void copy() const;
    /// The colour a kind of token is drawn in, under the current theme.
    [[nodiscard]] QColor colourOf(JsonToken kind) const { return colours_[int(kind)]; }

    /// Hovering a line asks about its value (lineHovered), as JsonView. Off by default.
    void setHoverValues(bool on) { hoverValues_ = on; }

signals:
    /// The mouse rests on a line, as JsonView::lineHovered.
    void lineHovered(int line, const QPoint& globalPos, QWidget* view);
    /// Paste was pressed (the view does not edit; whoever shows an editable text in it may).
    void pasteRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;

private:
    void applyTheme();
    void updateScrollBars();
    [[nodiscard]] int lineHeight() const;
    [[nodiscard]] int lineAt(int y) const;
    void selectTo(int line, bool extend);

    std::shared_ptr<const LargeText> text_;
    QList<QPair<int, int>> marked_;
    int current_ = -1;
    int anchor_ = -1;   ///< first line of the selection (-1: none)
    int cursor_ = -1;   ///< last line of the selection
    bool hoverValues_ = false;
    QColor colours_[5];
    QColor markColour_;
    QColor currentColour_;
};

} // namespace studio
