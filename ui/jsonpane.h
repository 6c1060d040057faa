#pragma once
// A JSON text as the preview shows it: in a text view (selectable, highlighted, editable for
// the sample input) while it is small, in a LargeJsonView (only the lines in view are drawn)
// past kLargeTextLimit. The pane picks; the marks and the line to show go to whichever shows.

#include "jsontext.h"

#include <QStackedWidget>

#include <memory>

namespace studio {

class JsonView;
class LargeJsonView;
class LargeText;

class JsonPane : public QStackedWidget {
    Q_OBJECT

public:
    explicit JsonPane(QWidget* parent = nullptr);

    [[nodiscard]] JsonView* textView() const { return text_; }
    [[nodiscard]] LargeJsonView* largeView() const { return large_; }
    [[nodiscard]] bool showsLarge() const { return currentIndex() == 1; }

    /// A rendered output: its large text when it has one, else its document or text.
    void showJson(const RenderedJson& rendered);
    /// A small text in the text view (the large view lets go of its text).
    void setJsonText(const QString& text);
    /// A large text in the large view (the text view is emptied).
    void showLarge(std::shared_ptr<const LargeText> text);
    void setMarkedLines(const QList<QPair<int, int>>& ranges, int current = -1);
    [[nodiscard]] const QList<QPair<int, int>>& markedLines() const;
    void showLine(int line);
    /// Hovering a line of either view says so (lineHovered). Off by default.
    void setHoverValues(bool on);

signals:
    /// The mouse rests on a line of whichever view shows the text.
    void lineHovered(int line, const QPoint& globalPos, QWidget* view);

private:
    JsonView* text_;
    LargeJsonView* large_;
};

} // namespace studio
