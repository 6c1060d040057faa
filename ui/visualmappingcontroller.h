#pragma once
// The visual mapping feature of the main window: its side tab, kept in step with the text,
// the sample input and the editor's cursor, and the rules its drops write into the text (the
// engine computes the edit; the editor applies it as one undo step).

#include <QObject>

namespace studio {

class PreviewController;
class VisualMappingPanel;
class WindowContext;

class VisualMappingController : public QObject {
    Q_OBJECT

public:
    VisualMappingController(WindowContext& context, PreviewController& preview, QObject* parent);

    [[nodiscard]] VisualMappingPanel* panel() const { return panel_; }
    /// Writes the rule mapping an input field ("$.customer.name") to a target (a JSON Pointer
    /// of the target tree), as one undo step, and selects it. Says why in the status bar and
    /// returns false when it cannot.
    bool mapField(const QString& sourcePath, const QString& targetPointer);

private:
    WindowContext& context_;
    VisualMappingPanel* panel_;
};

} // namespace studio
