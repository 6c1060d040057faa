#pragma once
// The mapping's workspace in the window (workspace.h): when a document comes, its samples, V1
// pin, breakpoints and the debugger's watches come with it and nothing of the previous document stays; while it is
// worked on, they are written beside it (shortly after each change, and on save); the preview's
// sample selector switches, adds, renames and removes samples.

#include "workspace.h"

#include <QObject>

class QTimer;

namespace studio {

class DebuggerPanel;
class FilesController;
class PreviewController;
class WindowContext;

class WorkspaceController : public QObject {
    Q_OBJECT

public:
    WorkspaceController(WindowContext& context, PreviewController& preview, FilesController& files, QObject* parent);

    /// A mapping file was opened (a bundled example too): its workspace, or else its
    /// "NAME.input.json" as its one sample, no pin, no breakpoints.
    void documentOpened(const QString& path);
    /// A document with no file of its own (new, a repro bundle's mapping): one sample, `input`.
    void documentCreated(const QString& input = QString());
    /// The document was saved to `path` (Save As included): the workspace goes with it.
    void documentSaved(const QString& path);

    [[nodiscard]] const Workspace& workspace() const { return workspace_; }
    /// The debugger whose watches belong to the document (made after this controller).
    void setDebuggerPanel(DebuggerPanel* panel);
    /// Shows another sample; the one shown keeps its edits.
    void switchSample(int index);
    /// Adds a sample (empty, or a copy of the one shown) and shows it.
    void addSample(const QString& name, bool copyCurrent);
    void renameSample(int index, const QString& name);
    void removeSample(int index);
    /// Writes the workspace now, if the document has a file (tests; the window's close).
    bool writeNow();

private:
    /// The sample shown, with the panel's text (unless it is a file's content, unchanged).
    void takeShownSample();
    void showCurrentSample();
    void apply(Workspace workspace);
    void changed();
    void updateSelector();
    [[nodiscard]] bool hasFile() const;
    [[nodiscard]] QString nameForNewSample() const;

    WindowContext& context_;
    PreviewController& preview_;
    FilesController& files_;
    DebuggerPanel* debugger_ = nullptr;
    Workspace workspace_;
    QTimer* writeTimer_;
    bool applying_ = false;     ///< the controller itself sets the input, pin, breakpoints or watches
    bool inputChanged_ = false; ///< the shown sample was edited since it was shown
    QString shownText_;         ///< the shown sample's text as loaded or last kept (edits are judged against it)
    QString loadingSample_;     ///< the sample file being loaded for the workspace itself
    QString unwritable_;        ///< the document whose workspace could not be written (said once)
};

} // namespace studio
