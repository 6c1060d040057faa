#pragma once
// The files feature of the main window: new, open, save (atomic), recent files and examples,
// sample inputs, autosave and crash recovery (the offer above the editor).

#include "recovery.h"

#include <QList>
#include <QObject>

#include <optional>

class QLabel;
class QMenu;
class QPushButton;

namespace studio {

class PreviewController;
class WindowContext;

class FilesController : public QObject {
    Q_OBJECT

public:
    FilesController(WindowContext& context, PreviewController& preview, QObject* parent);

    /// A text file as UTF-8 with '\n' line ends; "" and the reason in `error` when it cannot be read.
    [[nodiscard]] static QString readText(const QString& path, QString* error);
    /// readText(), or a message box titled `title` saying `failure` with the path (%1) and the
    /// reason (%2), and nullopt.
    [[nodiscard]] static std::optional<QString> readTextOrSay(QWidget* parent, const QString& path, const QString& title,
                                                              const QString& failure);
    /// A JSON file: opened as the sample input.
    [[nodiscard]] static bool isSampleInput(const QString& path);
    /// A file the window opens when it is dropped on it: a mapping, a sample input, a repro bundle.
    [[nodiscard]] static bool canOpen(const QString& path);

    /// Opens a mapping, with its sample input "<name>.input.json" next to it if there is one.
    bool openMapping(const QString& path);
    /// Opens one of the bundled examples by its file name ("order-export.mdsl").
    bool openExample(const QString& name);
    /// A new mapping from the template (its version follows mapping_dsl_v2_default).
    void newDocument();
    bool save();
    /// Saves to `path` (asks for one when empty) atomically and makes it the current path.
    bool saveAs(const QString& path);
    /// Loads the sample input from a JSON file (asks for one when `path` is empty).
    bool loadInput(const QString& path);
    void showOpenDialog();
    /// Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();

    [[nodiscard]] QStringList recentFiles() const;
    void addRecent(const QString& path);
    /// The menus this feature fills: Open Recent and Examples.
    void setMenus(QMenu* recent, QMenu* examples);

    [[nodiscard]] AutoSaver* autoSaver() const { return autoSaver_; }
    /// The recovery offer shown at start-up, if any.
    [[nodiscard]] QWidget* recoveryBar() const { return recoveryBar_; }
    void checkForRecovery();
    void restoreRecovered();
    void discardRecovered();
    void retranslate();

    /// Starts an untitled document with this text and sample input (a repro bundle's mapping).
    void startUntitled(const QString& text, const QString& input);

signals:
    /// Another document is about to replace the editor's: what belonged to this one ends.
    void documentReplaced();
    /// A mapping file is now the document (its workspace follows it).
    void documentOpened(const QString& path);
    /// A document with no file of its own is now the document, with this sample input.
    void documentCreated(const QString& input);
    /// The document was saved to `path`.
    void documentSaved(const QString& path);
    /// A file is now the sample input's content.
    void sampleLoaded(const QString& path);

private:
    void setDocument(const QString& path, const QString& text);
    /// Loads a sample input past kLargeTextLimit off the UI thread.
    void loadLargeInput(const QString& path);
    static bool writeFile(const QString& path, const QString& text, QString* error);
    void updateRecentMenu();
    void updateExamplesMenu();
    [[nodiscard]] RecoveredDocument snapshot() const;

    WindowContext& context_;
    PreviewController& preview_;
    AutoSaver* autoSaver_;
    QWidget* recoveryBar_;
    QLabel* recoveryLabel_;
    QPushButton* restoreButton_;
    QPushButton* discardButton_;
    QList<RecoveredDocument> recovered_;
    /// The text as last opened or saved, and the path it was for: an edit that brings the
    /// text back to it makes the document unmodified again (typing a letter and deleting it).
    std::optional<QString> savedText_;
    QString savedPath_;
    quint64 inputLoads_ = 0;   ///< sample inputs asked for: a slow load finishing after a newer one is dropped
    QMenu* recentMenu_ = nullptr;
    QMenu* examplesMenu_ = nullptr;
};

} // namespace studio
