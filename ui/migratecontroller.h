#pragma once
// File > Migrate to V2… (docs/migration.md): a version 1 mapping rewritten as version 2 by
// the engine (mdsl/migrate.h), opened as a new unsaved document with the preview's V1 side
// pinned to the original file, the changes listed in the Migration tab, and the corpus check
// (the original on V1 against the editor's text on V2 over an NDJSON corpus) run off the UI
// thread from there.

#include "mdsl/migrate.h"

#include <QObject>
#include <QString>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QWidget;

namespace studio {

template <typename Request, typename Result> class BackgroundLane;
class FilesController;
class PreviewController;
class WindowContext;
struct MigrationCorpusRequest;

class MigrateController : public QObject {
    Q_OBJECT

public:
    MigrateController(WindowContext& context, FilesController& files, PreviewController& preview, QObject* parent);
    ~MigrateController() override;

    /// File > Migrate to V2…: asks for a mapping (the open one first) and migrates it.
    [[nodiscard]] QAction* action() const { return action_; }
    /// The Migration tab: the changes and the corpus check.
    [[nodiscard]] QWidget* panel() const { return panel_; }

    /// Migrates a version 1 mapping file under the settings' flags and opens the result, V1
    /// side pinned to `path`. A version 2 file, errors or flags that forbid version 2 are said
    /// in a message box and change nothing.
    bool migrateFile(const QString& path);
    /// Runs the corpus check over an NDJSON file (asks for one when `path` is empty), off the
    /// UI thread; the verdict shows in the Migration tab.
    void checkCorpus(const QString& path);
    /// Waits for a corpus check to end and shows its verdict (tests).
    void waitForCorpusCheck();

    /// The changes as listed, one line each (tests).
    [[nodiscard]] QStringList changeLines() const;
    /// The corpus check's verdict as shown ("" before any).
    [[nodiscard]] QString verdictText() const;
    void retranslate();

private:
    void chooseAndMigrate();
    void showChanges();
    void showVerdict(const mdsl::MigrationCorpusCheck& check);

    WindowContext& context_;
    FilesController& files_;
    PreviewController& preview_;
    QAction* action_;
    QWidget* panel_;
    QLabel* heading_;
    QListWidget* changes_;
    QPushButton* corpusButton_;
    QLabel* verdict_;
    std::unique_ptr<BackgroundLane<MigrationCorpusRequest, mdsl::MigrationCorpusCheck>> corpusLane_;

    QString originalPath_;             ///< the migrated file; "" before any migration
    std::string originalText_;         ///< its text as migrated
    mdsl::MigrationResult result_;
    QString corpusPath_;               ///< the corpus of the last check
    std::unique_ptr<mdsl::MigrationCorpusCheck> lastCheck_;   ///< shown, again in a new language
    bool tabAdded_ = false;
};

} // namespace studio
