#include "jsonpane.h"

#include "jsonview.h"
#include "largetextview.h"

namespace studio {

JsonPane::JsonPane(QWidget* parent)
    : QStackedWidget(parent)
    , text_(new JsonView(this))
    , large_(new LargeJsonView(this))
{
    addWidget(text_);
    addWidget(large_);
    setCurrentWidget(text_);
    connect(text_, &JsonView::lineHovered, this, &JsonPane::lineHovered);
    connect(large_, &LargeJsonView::lineHovered, this, &JsonPane::lineHovered);
}

void JsonPane::setHoverValues(bool on)
{
    text_->setHoverValues(on);
    large_->setHoverValues(on);
}

void JsonPane::showJson(const RenderedJson& rendered)
{
    if (rendered.large) {
        showLarge(rendered.large);
        return;
    }
    large_->setText(nullptr);
    setCurrentWidget(text_);
    text_->showJson(rendered);
}

void JsonPane::setJsonText(const QString& text)
{
    large_->setText(nullptr);
    setCurrentWidget(text_);
    text_->setJsonText(text);
}

void JsonPane::showLarge(std::shared_ptr<const LargeText> text)
{
    if (large_->text() != text)
        large_->setText(std::move(text));
    if (!showsLarge()) {
        // The text view's document goes: a small one, freed at once.
        text_->setJsonText(QString());
        setCurrentWidget(large_);
    }
}

void JsonPane::setMarkedLines(const QList<QPair<int, int>>& ranges, int current)
{
    if (showsLarge())
        large_->setMarkedLines(ranges, current);
    else
        text_->setMarkedLines(ranges, current);
}

const QList<QPair<int, int>>& JsonPane::markedLines() const
{
    return showsLarge() ? large_->markedLines() : text_->markedLines();
}

void JsonPane::showLine(int line)
{
    if (showsLarge())
        large_->showLine(line);
    else
        text_->showLine(line);
}

} // namespace studio
