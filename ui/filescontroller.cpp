// The files feature: new, open, save (atomic), recent files, sample inputs, autosave and
// crash recovery.

#include "filescontroller.h"

#include "codeeditor.h"
#include "largetextview.h"
#include "filedialogs.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "reprocontroller.h"
#include "windowcontext.h"

#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/validate.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

constexpr int kMaxRecent = 10;
constexpr qint64 kMaxFileSize = 256ll << 20;   // a mapping or a sample input larger than this is a mistake

} // namespace

FilesController::FilesController(WindowContext& context, PreviewController& preview, QObject* parent)
    : QObject(parent)
    , context_(context)
    , preview_(preview)
    , autoSaver_(new AutoSaver([this] { return snapshot(); }, this))
    , recoveryBar_(new QWidget(context.window()))
    , recoveryLabel_(new QLabel(recoveryBar_))
    , restoreButton_(new QPushButton(recoveryBar_))
    , discardButton_(new QPushButton(recoveryBar_))
{
    recoveryLabel_->setWordWrap(true);
    auto* barLayout = new QHBoxLayout(recoveryBar_);
    barLayout->addWidget(recoveryLabel_, 1);
    barLayout->addWidget(restoreButton_);
    barLayout->addWidget(discardButton_);
    recoveryBar_->setAutoFillBackground(true);
    recoveryBar_->setStyleSheet(QStringLiteral("background: #fff3c4; color: #3a3000;"));
    recoveryBar_->hide();
    connect(restoreButton_, &QPushButton::clicked, this, &FilesController::restoreRecovered);
    connect(discardButton_, &QPushButton::clicked, this, &FilesController::discardRecovered);
    connect(context_.editor()->document(), &QTextDocument::contentsChanged, autoSaver_, &AutoSaver::documentChanged);
    connect(context_.editor()->document(), &QTextDocument::contentsChanged, this, [this] {
        QTextDocument* document = context_.editor()->document();
        // The length first: most edits change it, and then the text is not compared.
        if (document->isModified() && savedText_ && savedPath_ == context_.documentPath()
            && document->characterCount() == savedText_->size() + 1 && document->toPlainText() == *savedText_)
            document->setModified(false);
    });
    connect(preview_.panel(), &PreviewPanel::inputEdited, autoSaver_, &AutoSaver::documentChanged);
}

bool FilesController::isSampleInput(const QString& path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

bool FilesController::canOpen(const QString& path)
{
    return path.endsWith(QLatin1String(".mdsl"), Qt::CaseInsensitive) || isSampleInput(path)
        || ReproController::isBundleFile(path);
}

QString FilesController::readText(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    if (file.size() > kMaxFileSize) {
        *error = tr("the file is larger than %1 MB").arg(kMaxFileSize >> 20);
        return {};
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error = tr("the file is not UTF-8 text");
        return {};
    }
    // The editor works with '\n'; saving writes '\n' too.
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    error->clear();
    return text;
}

std::optional<QString> FilesController::readTextOrSay(QWidget* parent, const QString& path, const QString& title,
                                                     const QString& failure)
{
    QString error;
    QString text = readText(path, &error);
    if (error.isEmpty())
        return text;
    QMessageBox::warning(parent, title, failure.arg(QDir::toNativeSeparators(path), error));
    return std::nullopt;
}

bool FilesController::writeFile(const QString& path, const QString& text, QString* error)
{
    // QSaveFile writes a temporary file and renames it over the target: a crash or a full
    // disk during the save leaves the previous version intact.
    QSaveFile file(path);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void FilesController::setDocument(const QString& path, const QString& text)
{
    emit documentReplaced();   // another mapping: e.g. production's output no longer applies
    context_.setDocumentPath(path);
    context_.editor()->setPlainText(text);
    context_.editor()->document()->setModified(false);
    savedText_ = context_.editor()->toPlainText();
    savedPath_ = context_.documentPath();
    autoSaver_->clear();
}

bool FilesController::openMapping(const QString& path)
{
    if (!maybeSave())
        return false;
    const std::optional<QString> text = readTextOrSay(context_.window(), path, tr("Open"), tr("Cannot open %1:\n%2"));
    if (!text)
        return false;
    setDocument(path, *text);
    emit documentOpened(path);   // its sample inputs, pin and breakpoints (WorkspaceController)
    if (!path.startsWith(QLatin1Char(':')))
        addRecent(QFileInfo(path).absoluteFilePath());
    context_.showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 3000);
    return true;
}

bool FilesController::openExample(const QString& name)
{
    return openMapping(QStringLiteral(":/examples/") + name);
}

void FilesController::newDocument()
{
    // New mappings get the version production's V2-routed operations give documents without one.
    mdsl::ValidateOptions options;
    const mdsl::Flags& flags = context_.settings().flags;
    options.flags = flags;
    options.engine = mdsl::routedEngine(mdsl::Route::V2Routed, flags);
    const int version = mdsl::defaultVersion(options);
    setDocument(QString(), QStringLiteral("mapping \"untitled\" version %1\n\n").arg(version)
                               + tr("# target <- source, e.g.:") + QStringLiteral("\n# order.id <- .id\n"));
    context_.editor()->moveCursor(QTextCursor::End);
    emit documentCreated(QString());
}

void FilesController::startUntitled(const QString& text, const QString& input)
{
    setDocument(QString(), text);
    // Production's copy, not a file of ours: unsaved until the user saves it.
    context_.editor()->document()->setModified(true);
    savedText_.reset();
    emit documentCreated(input);
}

bool FilesController::save()
{
    const QString path = context_.documentPath();
    // Bundled examples are read-only resources: saving one asks where to put the copy.
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return saveAs(QString());
    return saveAs(path);
}

bool FilesController::saveAs(const QString& target)
{
    const QString current = context_.documentPath();
    QString path = target;
    if (path.isEmpty()) {
        const QString suggested = current.isEmpty() ? QStringLiteral("untitled.mdsl") : QFileInfo(current).fileName();
        path = chooseFileToSave(context_.window(), tr("Save Mapping"), current, suggested, tr("Mappings (*.mdsl);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    QString error;
    if (!writeFile(path, context_.editor()->toPlainText(), &error)) {
        QMessageBox::warning(context_.window(), tr("Save"), tr("Cannot save %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    context_.editor()->document()->setModified(false);
    context_.setDocumentPath(path);
    savedText_ = context_.editor()->toPlainText();
    savedPath_ = context_.documentPath();
    autoSaver_->clear();
    addRecent(QFileInfo(path).absoluteFilePath());
    emit documentSaved(path);
    context_.showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 3000);
    return true;
}

bool FilesController::loadInput(const QString& target)
{
    QString path = target;
    if (path.isEmpty()) {
        path = chooseFileToOpen(context_.window(), tr("Load Sample Input"), context_.documentPath(),
                                tr("JSON files (*.json);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    ++inputLoads_;
    preview_.panel()->setInputTemporary(false);   // a file loaded is the mapping's sample again
    if (QFileInfo(path).size() > kLargeTextLimit) {
        loadLargeInput(path);
        return true;
    }
    const std::optional<QString> text = readTextOrSay(context_.window(), path, tr("Load Sample Input"), tr("Cannot load %1:\n%2"));
    if (!text)
        return false;
    // Not parsed here: a broken sample is shown as it is, and the preview says what is wrong.
    preview_.setSampleInput(*text);
    emit sampleLoaded(path);
    return true;
}

void FilesController::loadLargeInput(const QString& path)
{
    // Reading, decoding and indexing 50 MB takes longer than a frame: in a worker, the panel
    // saying what it waits for. A later load (or document) wins over this one.
    PreviewPanel* panel = preview_.panel();
    panel->setInputLoading(tr("Loading %1 (%2)…").arg(QFileInfo(path).fileName(), QLocale().formattedDataSize(QFileInfo(path).size())));
    struct Loaded {
        std::shared_ptr<const LargeText> text;
        QString error;
    };
    const quint64 load = inputLoads_;
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, load, path, panel] {
        watcher->deleteLater();
        if (load != inputLoads_)
            return;
        const Loaded loaded = watcher->result();
        if (!loaded.error.isEmpty()) {
            panel->setInputLoading(QString());
            QMessageBox::warning(context_.window(), tr("Load Sample Input"),
                                 tr("Cannot load %1:\n%2").arg(QDir::toNativeSeparators(path), loaded.error));
            return;
        }
        panel->setLargeInput(loaded.text);
        emit sampleLoaded(path);
    });
    watcher->setFuture(QtConcurrent::run([path] {
        Loaded loaded;
        QString text = readText(path, &loaded.error);
        if (loaded.error.isEmpty())
            loaded.text = LargeText::make(std::move(text));
        return loaded;
    }));
}

void FilesController::showOpenDialog()
{
    const QString path = chooseFileToOpen(context_.window(), tr("Open Mapping"), context_.documentPath(),
                                          tr("Mappings (*.mdsl);;JSON sample inputs (*.json);;Repro bundles (*.mdslrepro);;All files (*)"));
    if (!path.isEmpty())
        context_.openFile(path);
}

bool FilesController::maybeSave()
{
    if (!context_.editor()->document()->isModified())
        return true;
    // Named as the title names it (a repro bundle's mapping is not "Untitled").
    const auto answer = QMessageBox::warning(
        context_.window(), tr("Unsaved Changes"), tr("“%1” has unsaved changes. Save them?").arg(context_.documentName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

QStringList FilesController::recentFiles() const
{
    return QSettings().value(QStringLiteral("files/recent")).toStringList();
}

void FilesController::addRecent(const QString& path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), recent);
    updateRecentMenu();
}

void FilesController::setMenus(QMenu* recent, QMenu* examples)
{
    recentMenu_ = recent;
    examplesMenu_ = examples;
    updateRecentMenu();
    updateExamplesMenu();
}

void FilesController::updateRecentMenu()
{
    if (!recentMenu_)
        return;
    recentMenu_->clear();
    const QStringList recent = recentFiles();
    for (const QString& path : recent) {
        QAction* action = recentMenu_->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { context_.openFile(path); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void FilesController::updateExamplesMenu()
{
    if (!examplesMenu_)
        return;
    examplesMenu_->clear();
    const QStringList examples = QDir(QStringLiteral(":/examples")).entryList({QStringLiteral("*.mdsl")}, QDir::Files, QDir::Name);
    for (const QString& name : examples) {
        QAction* action = examplesMenu_->addAction(QFileInfo(name).completeBaseName());
        connect(action, &QAction::triggered, this, [this, name] {
            if (maybeSave())
                openExample(name);
        });
    }
}

RecoveredDocument FilesController::snapshot() const
{
    RecoveredDocument doc;
    doc.path = context_.documentPath();
    doc.text = context_.editor()->toPlainText();
    // A large sample is kept by the workspace (its file); copying it into the recovery file a
    // second after each edit would stall the window.
    if (preview_.sampleInput().size() <= kLargeTextLimit)
        doc.input = preview_.sampleInput();
    return doc;
}

void FilesController::checkForRecovery()
{
    QList<RecoveredDocument> found = AutoSaver::orphans();
    if (found.isEmpty())
        return;
    recovered_ = std::move(found);
    recoveryBar_->show();
    retranslate();
}

void FilesController::restoreRecovered()
{
    if (recovered_.isEmpty())
        return;
    const RecoveredDocument doc = recovered_.takeFirst();
    context_.setDocumentPath(doc.path);
    context_.editor()->setPlainText(doc.text);
    // The restored text is not on disk: it stays modified until saved.
    context_.editor()->document()->setModified(true);
    savedText_.reset();
    if (!doc.input.isEmpty())
        preview_.setSampleInput(doc.input);
    AutoSaver::discard(doc);
    autoSaver_->saveNow();
    recoveryBar_->setVisible(!recovered_.isEmpty());
    retranslate();
}

void FilesController::discardRecovered()
{
    if (recovered_.isEmpty())
        return;
    AutoSaver::discard(recovered_.takeFirst());
    recoveryBar_->setVisible(!recovered_.isEmpty());
    retranslate();
}

void FilesController::retranslate()
{
    if (recovered_.isEmpty()) {
        recoveryLabel_->clear();
    } else {
        const RecoveredDocument& first = recovered_.first();
        recoveryLabel_->setText(
            tr("Mapping Studio was closed without saving “%1” (autosaved %2). Restore the unsaved text?")
                .arg(first.path.isEmpty() ? tr("Untitled") : QFileInfo(first.path).fileName(),
                     QLocale().toString(first.savedAt.toLocalTime(), QLocale::ShortFormat)));
    }
    restoreButton_->setText(tr("Restore"));
    discardButton_->setText(tr("Discard"));
    updateRecentMenu();
}

} // namespace studio
