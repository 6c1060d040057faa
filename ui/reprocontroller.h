#pragma once
// The repro bundle feature of the main window (docs/repro.md): exporting the current situation
// as a .mdslrepro file, opening one to restore it with production's output beside ours, and
// loading production's output from a JSON file.

#include "studiosettings.h"

#include "mdsl/repro.h"

#include <QList>
#include <QObject>

#include <optional>

class QAction;
class QLabel;

namespace studio {

class FilesController;
class PreviewController;
class WindowContext;

class ReproController : public QObject {
    Q_OBJECT

public:
    ReproController(WindowContext& context, FilesController& files, PreviewController& preview, QObject* parent);

    [[nodiscard]] static bool isBundleFile(const QString& path);
    /// Opens a .mdslrepro: the mapping as an unsaved untitled document, the input, the bundle's
    /// flags and clock for this session only, production's output beside ours. An invalid
    /// bundle is refused with the reason and changes nothing.
    bool openBundle(const QString& path);
    /// Writes the current situation as a repro bundle, atomically.
    bool exportBundle(const QString& path, const QString& notes);
    /// Loads production's output from a JSON file and compares ours with it.
    bool loadProductionOutput(const QString& path);
    /// Back to the V1/V2 preview and to the saved flags and clock.
    void close();
    /// A repro bundle or a production output is open.
    [[nodiscard]] bool active() const { return !bundlePath_.isEmpty() || production_.has_value(); }

    /// The File menu's actions: export, load production output, close.
    [[nodiscard]] QList<QAction*> actions() const;
    /// "Untitled", or the bundle's mapping name for a mapping restored from a bundle.
    [[nodiscard]] QString untitledName() const;
    /// The settings to persist: the user's flags and clock while a bundle's are in force.
    [[nodiscard]] StudioSettings settingsToStore(const StudioSettings& settings);
    /// The temporary "Repro bundle" flag profile while a bundle's flags are in force.
    [[nodiscard]] QList<FlagProfile> profiles() const;
    void retranslate();

private:
    void showExportDialog();
    void showBanner();

    WindowContext& context_;
    FilesController& files_;
    PreviewController& preview_;
    QAction* exportAction_;
    QAction* loadProductionAction_;
    QAction* closeAction_;
    QLabel* statusLabel_;

    QString bundlePath_;                       ///< the open bundle; "" for none
    QString productionFile_;                   ///< production's output loaded from a JSON file
    mdsl::ReproBundle bundle_;                 ///< what was opened (production, notes, versions)
    std::optional<mdsl::ReproProduction> production_;

    bool overriding_ = false;                  ///< the bundle's flags and clock are in force
    mdsl::Flags savedFlags_;                   ///< the user's, given back when the bundle closes
    bool savedPinClock_ = true;
    qint64 savedClockMs_ = 0;
    mdsl::Flags bundleFlags_;
    bool bundlePinClock_ = false;
    qint64 bundleClockMs_ = 0;
};

} // namespace studio
