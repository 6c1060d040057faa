// The repro bundle feature (docs/repro.md): exporting the current situation as a .mdslrepro
// file, opening one (menu, command line, drag and drop) to restore it with production's
// output beside ours, and loading production's output from a JSON file.
//
// What a bundle restores, as support staff expect it: the mapping as an unsaved, untitled
// document (it is a copy from production: saving asks where), the input, and the flags and
// clock of the bundle for this session only — the saved settings are not touched, a
// temporary "Repro bundle" flag profile says so, and closing the bundle gives them back.

#include "reprocontroller.h"
#include "utf8text.h"

#include "codeeditor.h"
#include "filedialogs.h"
#include "filescontroller.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "windowcontext.h"

#include "mdsl/repro.h"
#include "mdsl/version.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QTimeZone>

namespace studio {

namespace {

std::string toStd(const QString& text)
{
    return text.toUtf8().toStdString();
}

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

/// Reads a whole file of at most the bundle size limit as bytes.
std::optional<QByteArray> readLimited(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    if (quint64(file.size()) > mdsl::kMaxReproBytes) {
        *error = ReproController::tr("the file is larger than %1 MB").arg(mdsl::kMaxReproBytes >> 20);
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

ReproController::ReproController(WindowContext& context, FilesController& files, PreviewController& preview, QObject* parent)
    : QObject(parent)
    , context_(context)
    , files_(files)
    , preview_(preview)
    , exportAction_(new QAction(this))
    , loadProductionAction_(new QAction(this))
    , closeAction_(new QAction(this))
    , statusLabel_(new QLabel(context.window()))
{
    connect(exportAction_, &QAction::triggered, this, &ReproController::showExportDialog);
    connect(loadProductionAction_, &QAction::triggered, this, [this] {
        const QString path = chooseFileToOpen(context_.window(), tr("Load Production Output"), context_.documentPath(),
                                              tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            loadProductionOutput(path);
    });
    connect(closeAction_, &QAction::triggered, this, &ReproController::close);
    statusLabel_->setStyleSheet(QStringLiteral("color: #1f5fa8; font-weight: bold;"));
    context_.addStatusWidget(statusLabel_);
}

bool ReproController::isBundleFile(const QString& path)
{
    return path.endsWith(QLatin1String(".mdslrepro"), Qt::CaseInsensitive);
}

QList<QAction*> ReproController::actions() const
{
    return {exportAction_, loadProductionAction_, closeAction_};
}

QString ReproController::untitledName() const
{
    if (!bundlePath_.isEmpty() && !bundle_.mappingName.empty())
        return tr("%1 (from repro bundle)").arg(QFileInfo(fromStd(bundle_.mappingName)).fileName());
    return tr("Untitled");
}

StudioSettings ReproController::settingsToStore(const StudioSettings& settings)
{
    StudioSettings stored = settings;
    if (!overriding_)
        return stored;
    const bool bundleInForce = settings.flags == bundleFlags_ && settings.pinClock == bundlePinClock_
        && settings.pinnedClockMs == bundleClockMs_;
    if (!bundleInForce) {
        // The user chose other flags or another clock: theirs from now on, saved as usual.
        overriding_ = false;
        retranslate();
        return stored;
    }
    stored.flags = savedFlags_;
    stored.pinClock = savedPinClock_;
    stored.pinnedClockMs = savedClockMs_;
    return stored;
}

QList<FlagProfile> ReproController::profiles() const
{
    if (!overriding_)
        return {};
    return {FlagProfile{tr("Repro bundle (this session)"), bundleFlags_, false}};
}

bool ReproController::openBundle(const QString& path)
{
    // Everything is checked before anything changes: an invalid bundle leaves the window as it was.
    QString error;
    const std::optional<QByteArray> bytes = readLimited(path, &error);
    mdsl::ReproParse parsed;
    if (bytes) {
        parsed = mdsl::parseRepro(std::string_view(bytes->constData(), std::size_t(bytes->size())));
        if (!parsed.bundle)
            error = tr("This is not a valid repro bundle: %1").arg(fromStd(parsed.error));
    }
    if (!error.isEmpty()) {
        QMessageBox::warning(context_.window(), tr("Open Repro Bundle"), tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    if (!files_.maybeSave())
        return false;
    close();
    const mdsl::ReproBundle& b = *parsed.bundle;
    // The mapping is production's copy, not a file of ours: an unsaved, untitled document,
    // whose workspace is the bundle's input alone (no pin, no breakpoints of another document).
    files_.startUntitled(fromStd(b.mappingText), fromStd(mdsl::jsonText(b.input, 2)));

    bundlePath_ = QFileInfo(path).absoluteFilePath();
    bundle_ = b;
    production_ = b.production;

    // The bundle's flags and clock for this session; the saved settings stay the user's.
    savedFlags_ = context_.settings().flags;
    savedPinClock_ = context_.settings().pinClock;
    savedClockMs_ = context_.settings().pinnedClockMs;
    bundleFlags_ = b.flags;
    bundlePinClock_ = b.nowMs.has_value();
    bundleClockMs_ = b.nowMs.value_or(context_.settings().pinnedClockMs);
    overriding_ = true;
    StudioSettings next = context_.settings();
    next.flags = bundleFlags_;
    next.pinClock = bundlePinClock_;
    next.pinnedClockMs = bundleClockMs_;
    context_.applySettings(next);

    preview_.panel()->setProductionOutput(b.production ? std::make_shared<const mdsl::ReproProduction>(*b.production) : nullptr,
                                  b.route);
    context_.showSideTab(preview_.panel());
    files_.addRecent(bundlePath_);
    retranslate();
    context_.updateTitle();
    preview_.runPreview();
    context_.showMessage(tr("Opened repro bundle %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool ReproController::loadProductionOutput(const QString& path)
{
    QString error;
    std::optional<mdsl::Json> output;
    if (const std::optional<QByteArray> bytes = readLimited(path, &error)) {
        std::string detail;
        output = mdsl::parseUntrustedJson(std::string_view(bytes->constData(), std::size_t(bytes->size())), detail);
        if (!output)
            error = fromStd(detail);
    }
    if (!output) {
        QMessageBox::warning(context_.window(), tr("Load Production Output"),
                             tr("Cannot load %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    production_.emplace();
    production_->output = std::move(*output);
    productionFile_ = QFileInfo(path).fileName();
    preview_.panel()->setPinned(QString(), QString());
    preview_.panel()->setProductionOutput(std::make_shared<const mdsl::ReproProduction>(*production_), bundle_.route);
    context_.showSideTab(preview_.panel());
    retranslate();
    preview_.runPreview();
    return true;
}

void ReproController::close()
{
    if (!active())
        return;
    const bool giveBack = overriding_ && context_.settings().flags == bundleFlags_
        && context_.settings().pinClock == bundlePinClock_ && context_.settings().pinnedClockMs == bundleClockMs_;
    overriding_ = false;
    const bool wasBundle = !bundlePath_.isEmpty();
    bundlePath_.clear();
    productionFile_.clear();
    production_.reset();
    bundle_ = mdsl::ReproBundle();
    preview_.panel()->setProductionOutput(nullptr, mdsl::Route::V2Routed);
    if (giveBack) {
        StudioSettings next = context_.settings();
        next.flags = savedFlags_;
        next.pinClock = savedPinClock_;
        next.pinnedClockMs = savedClockMs_;
        context_.applySettings(next);
    }
    retranslate();
    context_.updateProfilesMenu();
    if (wasBundle)
        context_.updateTitle();
}

bool ReproController::exportBundle(const QString& path, const QString& notes)
{
    std::string error;
    const QByteArray input = preview_.sampleInput().toUtf8();
    const std::optional<mdsl::Json> parsedInput = mdsl::parseUntrustedJson(std::string_view(input.constData(), std::size_t(input.size())), error);
    if (!parsedInput) {
        QMessageBox::warning(context_.window(), tr("Export Repro Bundle"),
                             tr("The sample input must be JSON to go into a bundle:\n%1").arg(fromStd(error)));
        return false;
    }
    mdsl::ReproBundle b;
    b.createdAt = toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    b.engineVersion = std::string(mdsl::engineVersion());
    b.studioVersion = MDSL_PROJECT_VERSION;
    if (const QString documentPath = context_.documentPath(); !documentPath.isEmpty())
        b.mappingName = toStd(QFileInfo(documentPath).fileName());
    else if (!bundle_.mappingName.empty())
        b.mappingName = bundle_.mappingName;
    else
        b.mappingName = "untitled.mdsl";
    b.mappingText = toStd(context_.editor()->toPlainText());
    b.input = *parsedInput;
    b.flags = context_.settings().flags;
    b.route = bundle_.route;
    if (const std::optional<qint64> clock = context_.settings().previewClock())
        b.nowMs = *clock;
    b.production = production_;
    b.notes = toStd(notes);

    const QByteArray bytes = QByteArray::fromStdString(mdsl::writeRepro(b));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QMessageBox::warning(context_.window(), tr("Export Repro Bundle"),
                             tr("Cannot write %1:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    bundle_.notes = b.notes;
    context_.showMessage(tr("Repro bundle written to %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void ReproController::showExportDialog()
{
    const QString documentPath = context_.documentPath();
    const QString base = !documentPath.isEmpty()           ? QFileInfo(documentPath).completeBaseName()
                         : !bundlePath_.isEmpty() ? QFileInfo(bundlePath_).completeBaseName()
                                                         : QStringLiteral("untitled");
    QString path = chooseFileToSave(context_.window(), tr("Export Repro Bundle"), documentPath.isEmpty() ? bundlePath_ : documentPath,
                                    base + QStringLiteral(".mdslrepro"), tr("Repro bundles (*.mdslrepro);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!isBundleFile(path))
        path += QStringLiteral(".mdslrepro");
    bool ok = false;
    const QString notes = QInputDialog::getMultiLineText(
        context_.window(), tr("Export Repro Bundle"), tr("Notes for whoever opens the bundle (ticket, symptoms, what was tried):"),
        fromStd(bundle_.notes), &ok);
    if (ok)
        exportBundle(path, notes);
}

void ReproController::retranslate()
{
    exportAction_->setText(tr("E&xport Repro Bundle…"));
    exportAction_->setToolTip(tr("Write the mapping, input, flags, clock, versions and production's output to one file"));
    loadProductionAction_->setText(tr("Load &Production Output…"));
    closeAction_->setText(tr("&Close Repro Bundle"));
    closeAction_->setEnabled(active());
    statusLabel_->setText(overriding_ ? tr("Flags: repro bundle (not saved)") : QString());
    statusLabel_->setVisible(overriding_);
    showBanner();
    if (active())
        context_.updateProfilesMenu();
}

void ReproController::showBanner()
{
    QList<Phrase> parts;
    QString toolTip;
    if (!active()) {
        preview_.panel()->setBanner(parts);
        return;
    }
    if (!bundlePath_.isEmpty()) {
        const mdsl::ReproBundle& b = bundle_;
        parts << Phrase{tr("Repro bundle %1").arg(QFileInfo(bundlePath_).fileName()), tr("Repro bundle")};
        const QString by = b.studioVersion.empty() ? tr("another tool") : tr("studio %1").arg(fromStd(b.studioVersion));
        parts << Phrase{tr("written %1 by %2, engine %3").arg(fromStd(b.createdAt), by, fromStd(b.engineVersion))};
        if (b.engineVersion != mdsl::engineVersion())
            parts << Phrase{tr("this is engine %1").arg(fromStd(mdsl::engineVersion())), QString(), true};
        parts << Phrase{b.route == mdsl::Route::V1Only ? tr("route V1-only") : tr("route V2-routed")};
        parts << Phrase{b.nowMs ? tr("clock %1").arg(utcText(*b.nowMs)) : tr("system clock")};
        if (overriding_)
            parts << Phrase{tr("the bundle's flags apply to this session only")};
        if (!b.notes.empty()) {
            const QString notes = fromStd(b.notes);
            toolTip = notes;
            parts << Phrase{tr("notes: %1").arg(notes.size() > 160 ? notes.left(160) + QStringLiteral("…") : notes)};
        }
    } else {
        parts << Phrase{tr("Production output from %1").arg(productionFile_), tr("Production output")};
    }
    if (const auto& p = production_) {
        QString said = p->engine ? tr("production says %1 answered").arg(p->engine == mdsl::EngineKind::V1 ? QStringLiteral("V1")
                                                                                                         : QStringLiteral("V2"))
                                 : QString();
        if (p->fallback)
            said = tr("production says V1 answered by fallback");
        if (!said.isEmpty())
            parts << Phrase{said};
        if (!p->engineVersion.empty())
            parts << Phrase{tr("production engine %1").arg(fromStd(p->engineVersion))};
    } else {
        parts << Phrase{tr("no production output in the bundle")};
    }
    preview_.panel()->setBanner(parts, toolTip);
}

} // namespace studio
