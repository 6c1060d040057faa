#pragma once
// The studio's main window: the shell that builds the widgets (the mapping editor with its
// problems, the side tabs, menus and status bar), the settings (production flags), and one
// controller per feature over a WindowContext (docs/architecture.md, "The studio"): files and
// recovery, the preview, the debugger, the visual mapping, repro sessions. Its public API
// forwards to them.

#include "analysis.h"
#include "studiosettings.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace studio {

class AnalysisService;
class AutoSaver;
class CodeEditor;
class CorpusController;
class DebuggerController;
class DebuggerPanel;
class FilesController;
class WorkspaceController;
class FindBar;
class MappingBackend;
class PreviewController;
class PreviewPanel;
class ProblemsPanel;
class MigrateController;
class ReproController;
class SettingsDialog;
class VisualMappingController;
class VisualMappingPanel;
class WindowContext;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// A window over the engine, with the settings stored by QSettings.
    explicit MainWindow(QWidget* parent = nullptr);
    /// A window over another backend (same interface), for embedding and benchmarks.
    MainWindow(std::shared_ptr<MappingBackend> backend, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a mapping (.mdsl) in the editor, or a JSON file as the sample input. Shows the
    /// reason and returns false on failure. A mapping's sample input "<name>.input.json" next
    /// to it is loaded too.
    bool openFile(const QString& path);
    /// Opens the bundled example (the V2 order export).
    void openBundledExample();
    /// Opens one of the bundled examples by its file name ("order-export.mdsl").
    bool openExample(const QString& name);
    /// A new mapping from the template (its version follows mapping_dsl_v2_default).
    void newDocument();
    /// Saves to the current path (asks for one when untitled). Returns false on failure.
    bool save();
    /// Saves to `path` atomically and makes it the current path.
    bool saveAs(const QString& path);
    /// Loads the sample input from a JSON file.
    bool loadInput(const QString& path);
    /// Pins the preview's V1 side to a mapping file; an empty path unpins.
    bool pinV1To(const QString& path);

    [[nodiscard]] CodeEditor* editor() const { return editor_; }
    [[nodiscard]] ProblemsPanel* problemsPanel() const { return problems_; }
    [[nodiscard]] PreviewPanel* previewPanel() const { return preview_; }
    [[nodiscard]] FindBar* findBar() const { return findBar_; }
    [[nodiscard]] VisualMappingPanel* visualMappingPanel() const;
    [[nodiscard]] AutoSaver* autoSaver() const;
    /// The tabs right of the editor: Preview first, then one per feature (debugger, visual mapping).
    [[nodiscard]] QTabWidget* sideTabs() const { return sideTabs_; }
    /// The path of the open document; ":/examples/..." for a bundled example.
    [[nodiscard]] QString currentPath() const { return path_; }
    [[nodiscard]] const StudioSettings& settings() const { return settings_; }
    /// Applies settings as the settings dialog does (flags, theme, font, language, preview).
    void applySettings(const StudioSettings& settings);
    /// Opens the settings dialog (not modal; changes apply live). Returns it.
    SettingsDialog* showSettings();
    /// Imports a production flag file; says why and returns false when it has errors.
    bool importFlagFile(const QString& path);
    /// The recent files, newest first.
    [[nodiscard]] QStringList recentFiles() const;
    /// The recovery offer shown at start-up, if any (restore with restoreRecovered()).
    [[nodiscard]] QWidget* recoveryBar() const;
    void restoreRecovered();
    void discardRecovered();
    /// Runs the preview now (F5).
    void runPreview();
    /// Applies a problem's fix to the editor, if the text has not changed since.
    bool applyFix(const TextFix& fix);
    /// Formats the whole document with the engine's formatter (one undo step). A document
    /// with syntax errors is left as it is, with the reason in the status bar.
    bool formatDocument();
    /// Asks for a line number and goes there (Ctrl+G).
    void goToLine();

    /// The debugger (DebuggerController, docs/debugger.md): the Debugger tab.
    [[nodiscard]] DebuggerPanel* debuggerPanel() const;
    /// Records a run of the mapping on the sample input (V1 or V2 engine) and shows the
    /// Debugger tab; the recording is made off the UI thread.
    void recordDebugRun(bool v1);
    /// Toggles the breakpoint of the rule on a 1-based line (snapped to the rule's first line).
    /// False, with the reason in the status bar, when no rule is there.
    bool toggleBreakpoint(int line);
    /// Sets a breakpoint with a condition (empty: unconditional) on the rule of a line.
    bool setBreakpointCondition(int line, const QString& condition);

    /// Repro bundles (ReproController, docs/repro.md). Opens a .mdslrepro: the mapping as
    /// an unsaved untitled document, the input, the bundle's flags and clock for this session
    /// only (the saved settings are kept), production's output beside ours. An invalid bundle
    /// is refused with the reason and changes nothing.
    bool openReproBundle(const QString& path);
    /// Writes the current situation (mapping, input, flags, clock, versions, production's
    /// output if any, the notes) as a repro bundle, atomically.
    bool exportReproBundle(const QString& path, const QString& notes);
    /// Loads production's output from a JSON file and compares ours with it.
    bool loadProductionOutput(const QString& path);
    /// Back to the V1/V2 preview and to the saved flags and clock.
    void closeRepro();
    /// A repro bundle or a production output is open.
    [[nodiscard]] bool showsRepro() const;
    [[nodiscard]] static bool isReproBundleFile(const QString& path);
    /// Writes the rule mapping an input field ("$.customer.name") to a target (a JSON Pointer
    /// of the visual mapping's target tree), as one undo step, and selects it. Says why in the
    /// status bar and returns false when it cannot (VisualMappingController).
    bool mapField(const QString& sourcePath, const QString& targetPointer);

    /// The features' controllers, for tests and embedding.
    [[nodiscard]] FilesController* filesController() const { return files_; }
    [[nodiscard]] WorkspaceController* workspaceController() const { return workspace_; }
    /// The document's name as the title shows it ("orders.mdsl", "Untitled", a repro bundle's).
    [[nodiscard]] QString documentName() const;
    [[nodiscard]] PreviewController* previewController() const { return previewController_; }
    [[nodiscard]] DebuggerController* debuggerController() const { return debugger_; }
    [[nodiscard]] VisualMappingController* visualMappingController() const { return visualController_; }
    [[nodiscard]] ReproController* reproController() const { return repro_; }
    /// File > Migrate to V2… and the Migration tab (MigrateController, docs/migration.md).
    [[nodiscard]] MigrateController* migrateController() const { return migrate_; }
    [[nodiscard]] CorpusController* corpusController() const { return corpus_; }

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    friend class WindowContext;   // the features' view of the window forwards to it

    /// Adds a tab right of the editor; `title` is called again when the language changes.
    int addSideTab(QWidget* widget, std::function<QString()> title);
    void createActions();
    void createMenus();
    void retranslate();
    void updateTitle();
    void updateCursorPosition();
    void showAbout();
    void updateProfilesMenu();

    StudioSettings settings_;
    AnalysisService* service_ = nullptr;

    CodeEditor* editor_ = nullptr;
    FindBar* findBar_ = nullptr;
    ProblemsPanel* problems_ = nullptr;
    PreviewPanel* preview_ = nullptr;
    QSplitter* mainSplitter_ = nullptr;
    QTabWidget* sideTabs_ = nullptr;
    struct SideTab {
        QWidget* widget;
        std::function<QString()> title;
    };
    std::vector<SideTab> sideTabTitles_;
    QLabel* cursorLabel_ = nullptr;
    QString path_;
    QPointer<SettingsDialog> settingsDialog_;   ///< nulls itself when the dialog closes (WA_DeleteOnClose)

    std::unique_ptr<WindowContext> context_;
    // The features, child QObjects of the window.
    PreviewController* previewController_ = nullptr;
    FilesController* files_ = nullptr;
    WorkspaceController* workspace_ = nullptr;
    DebuggerController* debugger_ = nullptr;
    VisualMappingController* visualController_ = nullptr;
    ReproController* repro_ = nullptr;
    MigrateController* migrate_ = nullptr;
    CorpusController* corpus_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* previewMenu_ = nullptr;
    QMenu* settingsMenu_ = nullptr;
    QMenu* profilesMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QMenu* examplesMenu_ = nullptr;
    QMenu* debugMenu_ = nullptr;
    struct Actions;
    std::unique_ptr<Actions> actions_;
};

} // namespace studio
