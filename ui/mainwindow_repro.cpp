// The main window's repro bundles (docs/repro.md): exporting the current situation as a
// .mdslrepro file, opening one (menu, command line, drag and drop) to restore it with
// production's output beside ours, and loading production's output from a JSON file.
//
// What a bundle restores, as support staff expect it: the mapping as an unsaved, untitled
// document (it is a copy from production: saving asks where), the input, and the flags and
// clock of the bundle for this session only — the saved settings are not touched, a
// temporary "Repro bundle" flag profile says so, and closing the bundle gives them back.

#include "mainwindow.h"
#include "utf8text.h"

#include "codeeditor.h"
#include "previewpanel.h"
#include "recovery.h"

#include "mdsl/repro.h"
#include "mdsl/version.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimeZone>

namespace studio {

/// The repro state of one window; a child QObject, so the window owns it.
class ReproSession : public QObject {
public:
    using QObject::QObject;

    QAction* exportAction = nullptr;
    QAction* loadProductionAction = nullptr;
    QAction* closeAction = nullptr;
    QLabel* statusLabel = nullptr;

    QString bundlePath;                        ///< the open bundle; "" for none
    QString productionFile;                    ///< production's output loaded from a JSON file
    mdsl::ReproBundle bundle;                  ///< what was opened (production, notes, versions)
    std::optional<mdsl::ReproProduction> production;

    bool overriding = false;                   ///< the bundle's flags and clock are in force
    mdsl::Flags savedFlags;                    ///< the user's, given back when the bundle closes
    bool savedPinClock = true;
    qint64 savedClockMs = 0;
    mdsl::Flags bundleFlags;
    bool bundlePinClock = false;
    qint64 bundleClockMs = 0;

    [[nodiscard]] bool active() const { return !bundlePath.isEmpty() || production.has_value(); }
};

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
        *error = MainWindow::tr("the file is larger than %1 MB").arg(mdsl::kMaxReproBytes >> 20);
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

bool MainWindow::isReproBundleFile(const QString& path)
{
    return path.endsWith(QLatin1String(".mdslrepro"), Qt::CaseInsensitive);
}

void MainWindow::setUpRepro()
{
    repro_ = new ReproSession(this);
    repro_->exportAction = new QAction(this);
    connect(repro_->exportAction, &QAction::triggered, this, &MainWindow::showExportReproDialog);
    repro_->loadProductionAction = new QAction(this);
    connect(repro_->loadProductionAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load Production Output"), QString(),
                                                          tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            loadProductionOutput(path);
    });
    repro_->closeAction = new QAction(this);
    connect(repro_->closeAction, &QAction::triggered, this, &MainWindow::closeRepro);
    // In the File menu, before Quit and its separator.
    QAction* last = fileMenu_->actions().isEmpty() ? nullptr : fileMenu_->actions().constLast();
    QAction* before = fileMenu_->insertSeparator(last);
    fileMenu_->insertActions(before, {repro_->exportAction, repro_->loadProductionAction, repro_->closeAction});
    repro_->statusLabel = new QLabel(this);
    repro_->statusLabel->setStyleSheet(QStringLiteral("color: #1f5fa8; font-weight: bold;"));
    statusBar()->addPermanentWidget(repro_->statusLabel);
}

bool MainWindow::showsRepro() const
{
    return repro_ && repro_->active();
}

QString MainWindow::untitledName() const
{
    if (repro_ && !repro_->bundlePath.isEmpty() && !repro_->bundle.mappingName.empty())
        return tr("%1 (from repro bundle)").arg(QFileInfo(fromStd(repro_->bundle.mappingName)).fileName());
    return tr("Untitled");
}

StudioSettings MainWindow::settingsToStore()
{
    StudioSettings stored = settings_;
    if (!repro_ || !repro_->overriding)
        return stored;
    const bool bundleInForce = settings_.flags == repro_->bundleFlags && settings_.pinClock == repro_->bundlePinClock
        && settings_.pinnedClockMs == repro_->bundleClockMs;
    if (!bundleInForce) {
        // The user chose other flags or another clock: theirs from now on, saved as usual.
        repro_->overriding = false;
        retranslateRepro();
        return stored;
    }
    stored.flags = repro_->savedFlags;
    stored.pinClock = repro_->savedPinClock;
    stored.pinnedClockMs = repro_->savedClockMs;
    return stored;
}

QList<FlagProfile> MainWindow::reproProfiles() const
{
    if (!repro_ || !repro_->overriding)
        return {};
    return {FlagProfile{tr("Repro bundle (this session)"), repro_->bundleFlags, false}};
}

bool MainWindow::openReproBundle(const QString& path)
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
        QMessageBox::warning(this, tr("Open Repro Bundle"), tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    if (!maybeSave())
        return false;
    closeRepro();
    const mdsl::ReproBundle& b = *parsed.bundle;

    repro_->bundlePath = QFileInfo(path).absoluteFilePath();
    repro_->bundle = b;
    repro_->production = b.production;
    // The mapping is production's copy, not a file of ours: an unsaved, untitled document.
    path_.clear();
    preview_->setPinned(QString(), QString());
    editor_->setPlainText(fromStd(b.mappingText));
    editor_->document()->setModified(true);
    preview_->setInputText(fromStd(b.input.dump(2, ' ', false, mdsl::Json::error_handler_t::replace)));

    // The bundle's flags and clock for this session; the saved settings stay the user's.
    repro_->savedFlags = settings_.flags;
    repro_->savedPinClock = settings_.pinClock;
    repro_->savedClockMs = settings_.pinnedClockMs;
    repro_->bundleFlags = b.flags;
    repro_->bundlePinClock = b.nowMs.has_value();
    repro_->bundleClockMs = b.nowMs.value_or(settings_.pinnedClockMs);
    repro_->overriding = true;
    StudioSettings next = settings_;
    next.flags = repro_->bundleFlags;
    next.pinClock = repro_->bundlePinClock;
    next.pinnedClockMs = repro_->bundleClockMs;
    applySettings(next);

    preview_->setProductionOutput(b.production ? std::make_shared<const mdsl::ReproProduction>(*b.production) : nullptr,
                                  b.route);
    sideTabs_->setCurrentWidget(preview_);
    addRecent(repro_->bundlePath);
    retranslateRepro();
    updateTitle();
    runPreview();
    statusBar()->showMessage(tr("Opened repro bundle %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::loadProductionOutput(const QString& path)
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
        QMessageBox::warning(this, tr("Load Production Output"),
                             tr("Cannot load %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    repro_->production.emplace();
    repro_->production->output = std::move(*output);
    repro_->productionFile = QFileInfo(path).fileName();
    preview_->setPinned(QString(), QString());
    preview_->setProductionOutput(std::make_shared<const mdsl::ReproProduction>(*repro_->production), repro_->bundle.route);
    sideTabs_->setCurrentWidget(preview_);
    retranslateRepro();
    runPreview();
    return true;
}

void MainWindow::closeRepro()
{
    if (!repro_ || !repro_->active())
        return;
    const bool giveBack = repro_->overriding && settings_.flags == repro_->bundleFlags
        && settings_.pinClock == repro_->bundlePinClock && settings_.pinnedClockMs == repro_->bundleClockMs;
    repro_->overriding = false;
    const bool wasBundle = !repro_->bundlePath.isEmpty();
    repro_->bundlePath.clear();
    repro_->productionFile.clear();
    repro_->production.reset();
    repro_->bundle = mdsl::ReproBundle();
    preview_->setProductionOutput(nullptr, mdsl::Route::V2Routed);
    if (giveBack) {
        StudioSettings next = settings_;
        next.flags = repro_->savedFlags;
        next.pinClock = repro_->savedPinClock;
        next.pinnedClockMs = repro_->savedClockMs;
        applySettings(next);
    }
    retranslateRepro();
    updateProfilesMenu();
    if (wasBundle)
        updateTitle();
}

bool MainWindow::exportReproBundle(const QString& path, const QString& notes)
{
    std::string error;
    const QByteArray input = preview_->inputText().toUtf8();
    const std::optional<mdsl::Json> parsedInput = mdsl::parseUntrustedJson(std::string_view(input.constData(), std::size_t(input.size())), error);
    if (!parsedInput) {
        QMessageBox::warning(this, tr("Export Repro Bundle"),
                             tr("The sample input must be JSON to go into a bundle:\n%1").arg(fromStd(error)));
        return false;
    }
    mdsl::ReproBundle b;
    b.createdAt = toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    b.engineVersion = std::string(mdsl::engineVersion());
    b.studioVersion = MDSL_PROJECT_VERSION;
    if (!path_.isEmpty())
        b.mappingName = toStd(QFileInfo(path_).fileName());
    else if (!repro_->bundle.mappingName.empty())
        b.mappingName = repro_->bundle.mappingName;
    else
        b.mappingName = "untitled.mdsl";
    b.mappingText = toStd(editor_->toPlainText());
    b.input = *parsedInput;
    b.flags = settings_.flags;
    b.route = repro_->bundle.route;
    if (const std::optional<qint64> clock = settings_.previewClock())
        b.nowMs = *clock;
    b.production = repro_->production;
    b.notes = toStd(notes);

    const QByteArray bytes = QByteArray::fromStdString(mdsl::writeRepro(b));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QMessageBox::warning(this, tr("Export Repro Bundle"),
                             tr("Cannot write %1:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    repro_->bundle.notes = b.notes;
    statusBar()->showMessage(tr("Repro bundle written to %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void MainWindow::showExportReproDialog()
{
    const QString base = !path_.isEmpty()                  ? QFileInfo(path_).completeBaseName()
                         : !repro_->bundlePath.isEmpty() ? QFileInfo(repro_->bundlePath).completeBaseName()
                                                         : QStringLiteral("untitled");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Repro Bundle"),
                                                QDir::home().filePath(base + QStringLiteral(".mdslrepro")),
                                                tr("Repro bundles (*.mdslrepro);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!isReproBundleFile(path))
        path += QStringLiteral(".mdslrepro");
    bool ok = false;
    const QString notes = QInputDialog::getMultiLineText(
        this, tr("Export Repro Bundle"), tr("Notes for whoever opens the bundle (ticket, symptoms, what was tried):"),
        fromStd(repro_->bundle.notes), &ok);
    if (ok)
        exportReproBundle(path, notes);
}

void MainWindow::retranslateRepro()
{
    if (!repro_)
        return;
    repro_->exportAction->setText(tr("E&xport Repro Bundle…"));
    repro_->exportAction->setToolTip(tr("Write the mapping, input, flags, clock, versions and production's output to one file"));
    repro_->loadProductionAction->setText(tr("Load &Production Output…"));
    repro_->closeAction->setText(tr("&Close Repro Bundle"));
    repro_->closeAction->setEnabled(repro_->active());
    repro_->statusLabel->setText(repro_->overriding ? tr("Flags: repro bundle (not saved)") : QString());
    repro_->statusLabel->setVisible(repro_->overriding);

    if (!repro_->active()) {
        preview_->setBanner(QString());
        return;
    }
    QStringList parts;
    QString toolTip;
    if (!repro_->bundlePath.isEmpty()) {
        const mdsl::ReproBundle& b = repro_->bundle;
        parts << tr("<b>Repro bundle</b> %1").arg(QFileInfo(repro_->bundlePath).fileName().toHtmlEscaped());
        const QString by = b.studioVersion.empty() ? tr("another tool") : tr("studio %1").arg(fromStd(b.studioVersion).toHtmlEscaped());
        parts << tr("written %1 by %2, engine %3")
                     .arg(fromStd(b.createdAt).toHtmlEscaped(), by, fromStd(b.engineVersion).toHtmlEscaped());
        if (b.engineVersion != mdsl::engineVersion())
            parts << QStringLiteral("<span style='color:#b3261e'>%1</span>")
                         .arg(tr("this is engine %1").arg(fromStd(mdsl::engineVersion())));
        parts << (b.route == mdsl::Route::V1Only ? tr("route V1-only") : tr("route V2-routed"));
        parts << (b.nowMs ? tr("clock %1").arg(utcText(*b.nowMs)) : tr("system clock"));
        if (repro_->overriding)
            parts << tr("the bundle's flags apply to this session only");
        if (!b.notes.empty()) {
            const QString notes = fromStd(b.notes);
            toolTip = notes;
            parts << tr("notes: %1").arg((notes.size() > 160 ? notes.left(160) + QStringLiteral("…") : notes).toHtmlEscaped());
        }
    } else {
        parts << tr("<b>Production output</b> from %1").arg(repro_->productionFile.toHtmlEscaped());
    }
    if (const auto& p = repro_->production) {
        QString said = p->engine ? tr("production says %1 answered").arg(p->engine == mdsl::EngineKind::V1 ? QStringLiteral("V1")
                                                                                                          : QStringLiteral("V2"))
                                 : QString();
        if (p->fallback)
            said = tr("production says V1 answered by fallback");
        if (!said.isEmpty())
            parts << said;
        if (!p->engineVersion.empty())
            parts << tr("production engine %1").arg(fromStd(p->engineVersion).toHtmlEscaped());
    } else {
        parts << tr("no production output in the bundle");
    }
    preview_->setBanner(parts.join(QStringLiteral(" · ")), toolTip);
    updateProfilesMenu();
}

} // namespace studio
