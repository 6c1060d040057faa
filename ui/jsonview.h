#pragma once
// A JSON text view: highlighted by KSyntaxHighlighting's JSON definition, following the
// palette's theme, with whole lines marked (the preview's differences). Editable or not.
// Read-only views can show a document built off the UI thread (buildJsonDocument).

#include "jsontext.h"

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace studio {

class JsonView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit JsonView(QWidget* parent = nullptr);

    /// Replaces the text when it differs (keeps the scroll position otherwise). Very large
    /// texts are shown without highlighting, so that showing them stays quick.
    void setJsonText(const QString& text);
    /// Shows a rendered JSON text: its ready-made document when it has one (swapped in, not
    /// laid out or highlighted here), else as setJsonText. Nothing happens when the text is
    /// already shown. For read-only views.
    void showJson(const RenderedJson& rendered);
    /// The shared document shown, if any (null: the view's own).
    [[nodiscard]] const SharedTextDocument& sharedDocument() const { return shared_; }
    /// Marks line ranges (0-based, inclusive) with the "changed" colour, and one of them as current.
    void setMarkedLines(const QList<QPair<int, int>>& ranges, int current = -1);
    /// Scrolls a 0-based line into view.
    void showLine(int line);
    [[nodiscard]] const QList<QPair<int, int>>& markedLines() const { return marked_; }
    /// Hovering a line asks about its value (lineHovered) in place of a tooltip. Off by default.
    void setHoverValues(bool on) { hoverValues_ = on; }

signals:
    /// The mouse rests on line `line` (0-based, not blank): whoever knows about its value may
    /// show a tooltip at `globalPos` over `view`.
    void lineHovered(int line, const QPoint& globalPos, QWidget* view);
    /// Text pasted or dropped into an editable view that would make it larger than
    /// kLargeTextLimit: not inserted here (laying it out would block the window); whoever owns
    /// the view decides (the preview turns the sample input into a large, read-only one).
    void largeInsertRequested(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void insertFromMimeData(const QMimeData* source) override;
    bool viewportEvent(QEvent* event) override;

private:
    void applyTheme();
    void updateMarks();
    /// Back to a document of the view's own after a shared one (empty, highlighter attached).
    void useOwnDocument();

    KSyntaxHighlighting::SyntaxHighlighter* highlighter_ = nullptr;
    SharedTextDocument shared_;   ///< the shown document when it is a shared one
    QString themeName_;
    QString shown_;
    QList<QPair<int, int>> marked_;
    int current_ = -1;
    bool hoverValues_ = false;
    QColor markColour_;
    QColor currentColour_;
};

} // namespace studio
