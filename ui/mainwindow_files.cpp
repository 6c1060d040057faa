// The main window's files: new, open, save (atomic), recent files, sample inputs, drag and
// drop, the pinned V1 file, autosave and crash recovery.

#include "mainwindow.h"

#include "codeeditor.h"
#include "previewpanel.h"
#include "recovery.h"

#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/validate.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QStringDecoder>

namespace studio {

namespace {

constexpr int kMaxRecent = 10;
constexpr qint64 kMaxFileSize = 256ll << 20;   // a mapping or a sample input larger than this is a mistake

bool isJsonFile(const QString& path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

/// The sample input that goes with a mapping: "orders.mdsl" -> "orders.input.json".
QString inputFileFor(const QString& mappingPath)
{
    const QFileInfo info(mappingPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".input.json"));
}

} // namespace

QString MainWindow::readText(const QString& path, QString* error)
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

bool MainWindow::writeFile(const QString& path, const QString& text, QString* error)
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

void MainWindow::setDocument(const QString& path, const QString& text)
{
    closeRepro();   // another mapping: production's output no longer applies
    path_ = path;
    editor_->setPlainText(text);
    editor_->document()->setModified(false);
    autoSaver_->clear();
    updateTitle();
}

bool MainWindow::openFile(const QString& path)
{
    if (isJsonFile(path))
        return loadInput(path);
    if (isReproBundleFile(path))
        return openReproBundle(path);
    if (!maybeSave())
        return false;
    QString error;
    const QString text = readText(path, &error);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Open"), tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    setDocument(path, text);
    if (QFile::exists(inputFileFor(path)))
        loadInput(inputFileFor(path));
    if (!path.startsWith(QLatin1Char(':')))
        addRecent(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 3000);
    return true;
}

void MainWindow::openBundledExample()
{
    openExample(QStringLiteral("order-export.mdsl"));
}

bool MainWindow::openExample(const QString& name)
{
    return openFile(QStringLiteral(":/examples/") + name);
}

void MainWindow::newDocument()
{
    // New mappings get the version production's V2-routed operations give documents without one.
    mdsl::ValidateOptions options;
    options.flags = settings_.flags;
    options.engine = mdsl::routedEngine(mdsl::Route::V2Routed, settings_.flags);
    const int version = mdsl::defaultVersion(options);
    setDocument(QString(), QStringLiteral("mapping \"untitled\" version %1\n\n").arg(version)
                               + tr("# target <- source, e.g.:") + QStringLiteral("\n# order.id <- .id\n"));
    editor_->moveCursor(QTextCursor::End);
}

bool MainWindow::save()
{
    // Bundled examples are read-only resources: saving one asks where to put the copy.
    if (path_.isEmpty() || path_.startsWith(QLatin1Char(':')))
        return saveAs(QString());
    return saveAs(path_);
}

bool MainWindow::saveAs(const QString& target)
{
    QString path = target;
    if (path.isEmpty()) {
        const QString suggested = path_.isEmpty() || path_.startsWith(QLatin1Char(':'))
                                      ? QDir::home().filePath(path_.isEmpty() ? QStringLiteral("untitled.mdsl") : QFileInfo(path_).fileName())
                                      : path_;
        path = QFileDialog::getSaveFileName(this, tr("Save Mapping"), suggested, tr("Mappings (*.mdsl);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    QString error;
    if (!writeFile(path, editor_->toPlainText(), &error)) {
        QMessageBox::warning(this, tr("Save"), tr("Cannot save %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    path_ = path;
    editor_->document()->setModified(false);
    autoSaver_->clear();
    addRecent(QFileInfo(path).absoluteFilePath());
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 3000);
    return true;
}

bool MainWindow::loadInput(const QString& target)
{
    QString path = target;
    if (path.isEmpty()) {
        path = QFileDialog::getOpenFileName(this, tr("Load Sample Input"), QString(), tr("JSON files (*.json);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    QString error;
    const QString text = readText(path, &error);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Load Sample Input"), tr("Cannot load %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    // Not parsed here: a broken sample is shown as it is, and the preview says what is wrong.
    preview_->setInputText(text);
    return true;
}

bool MainWindow::pinV1To(const QString& path)
{
    if (path.isEmpty()) {
        preview_->setPinned(QString(), QString());
        runPreview();
        return true;
    }
    QString error;
    const QString text = readText(path, &error);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Pin V1 Side"), tr("Cannot open %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    preview_->setPinned(path, text);
    runPreview();
    return true;
}

void MainWindow::choosePin()
{
    if (!preview_->pinnedPath().isEmpty()) {
        pinV1To(QString());
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Pin V1 Side to File"), QString(),
                                                      tr("Mappings (*.mdsl);;All files (*)"));
    if (!path.isEmpty())
        pinV1To(path);
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Mapping"), QString(),
                                                      tr("Mappings (*.mdsl);;JSON sample inputs (*.json);;Repro bundles (*.mdslrepro);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::maybeSave()
{
    if (!editor_->document()->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("“%1” has unsaved changes. Save them?").arg(path_.isEmpty() ? tr("Untitled") : QFileInfo(path_).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    autoSaver_->clear();
    event->accept();
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("files/recent")).toStringList();
}

void MainWindow::addRecent(const QString& path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!recentMenu_)
        return;
    recentMenu_->clear();
    const QStringList recent = recentFiles();
    for (const QString& path : recent) {
        QAction* action = recentMenu_->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::updateExamplesMenu()
{
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".mdsl"), Qt::CaseInsensitive) || isJsonFile(path) || isReproBundleFile(path)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".mdsl"), Qt::CaseInsensitive) || isJsonFile(path) || isReproBundleFile(path))
            openFile(path);
    }
    event->acceptProposedAction();
}

RecoveredDocument MainWindow::snapshot() const
{
    RecoveredDocument doc;
    doc.path = path_;
    doc.text = editor_->toPlainText();
    doc.input = preview_->inputText();
    return doc;
}

void MainWindow::checkForRecovery()
{
    QList<RecoveredDocument> found = AutoSaver::orphans();
    if (found.isEmpty())
        return;
    delete recovered_;
    recovered_ = new QList<RecoveredDocument>(std::move(found));
    recoveryBar_->show();
    retranslate();
}

void MainWindow::restoreRecovered()
{
    if (!recovered_ || recovered_->isEmpty())
        return;
    const RecoveredDocument doc = recovered_->takeFirst();
    path_ = doc.path;
    editor_->setPlainText(doc.text);
    // The restored text is not on disk: it stays modified until saved.
    editor_->document()->setModified(true);
    if (!doc.input.isEmpty())
        preview_->setInputText(doc.input);
    AutoSaver::discard(doc);
    autoSaver_->saveNow();
    updateTitle();
    recoveryBar_->setVisible(!recovered_->isEmpty());
    retranslate();
}

void MainWindow::discardRecovered()
{
    if (!recovered_ || recovered_->isEmpty())
        return;
    AutoSaver::discard(recovered_->takeFirst());
    recoveryBar_->setVisible(!recovered_->isEmpty());
    retranslate();
}

} // namespace studio
