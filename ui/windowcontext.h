#pragma once
// What a feature of the main window gets from it: the editor, the analysis service, the
// settings, the status bar, the side tabs, the document's path and title, and the window as
// the parent of its dialogs — not the window itself. KDE Kate's KTextEditor::MainWindow
// (apps/lib) is the model: a narrow interface the shell implements by forwarding, so a
// feature's controller depends on what it uses and features do not reach into each other
// through the window (docs/architecture.md, "The studio").

#include "studiosettings.h"

#include <QString>

#include <functional>

class QWidget;

namespace studio {

class AnalysisService;
class CodeEditor;
class MainWindow;

class WindowContext {
public:
    explicit WindowContext(MainWindow& window);

    /// The window: the parent of dialogs, message boxes and the features' widgets.
    [[nodiscard]] QWidget* window() const;
    [[nodiscard]] CodeEditor* editor() const;
    [[nodiscard]] AnalysisService* service() const;

    /// The settings in force (production flags, clock, preview, theme, language).
    [[nodiscard]] const StudioSettings& settings() const;
    /// Applies settings as the settings dialog does; the features see them applied.
    void applySettings(const StudioSettings& settings);
    /// The Flag Profile menu lists the flags in force: says they or the profiles changed.
    void updateProfilesMenu();

    /// A message in the status bar for `timeoutMs`.
    void showMessage(const QString& text, int timeoutMs);
    /// A widget at the right of the status bar, after those added before.
    void addStatusWidget(QWidget* widget);
    /// Adds a tab right of the editor; `title` is called again when the language changes.
    int addSideTab(QWidget* widget, std::function<QString()> title);
    void showSideTab(QWidget* widget);

    /// The open document's path ("" for an untitled text, ":/examples/..." for an example).
    [[nodiscard]] QString documentPath() const;
    /// Makes `path` the document's path, and says so in the title.
    void setDocumentPath(const QString& path);
    /// The document's name as the title shows it ("orders.mdsl", "Untitled", a repro bundle's).
    [[nodiscard]] QString documentName() const;
    /// The title again (the document's name may have changed, e.g. a repro bundle closed).
    void updateTitle();
    /// Opens a file by its kind: a mapping, a sample input or a repro bundle.
    bool openFile(const QString& path);

private:
    MainWindow& window_;
};

} // namespace studio
