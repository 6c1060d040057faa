// The main window's public API for the features: forwarded to their controllers. And the
// window's events that belong to the files feature (closing, dropped files).

#include "mainwindow.h"

#include "corpus/corpuscontroller.h"
#include "corpus/corpusrun.h"
#include "debuggercontroller.h"
#include "filescontroller.h"
#include "previewcontroller.h"
#include "reprocontroller.h"
#include "visualmappingcontroller.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>

namespace studio {

bool MainWindow::openFile(const QString& path)
{
    if (FilesController::isSampleInput(path))
        return files_->loadInput(path);
    if (ReproController::isBundleFile(path))
        return repro_->openBundle(path);
    return files_->openMapping(path);
}

void MainWindow::openBundledExample()
{
    openExample(QStringLiteral("order-export.mdsl"));
}

bool MainWindow::openExample(const QString& name)
{
    return files_->openExample(name);
}

void MainWindow::newDocument()
{
    files_->newDocument();
}

bool MainWindow::save()
{
    return files_->save();
}

bool MainWindow::saveAs(const QString& path)
{
    return files_->saveAs(path);
}

bool MainWindow::loadInput(const QString& path)
{
    return files_->loadInput(path);
}

bool MainWindow::pinV1To(const QString& path)
{
    return previewController_->pinV1To(path);
}

DebuggerPanel* MainWindow::debuggerPanel() const
{
    return debugger_->panel();
}

void MainWindow::recordDebugRun(bool v1)
{
    debugger_->record(v1);
}

bool MainWindow::toggleBreakpoint(int line)
{
    return debugger_->toggleBreakpoint(line);
}

bool MainWindow::setBreakpointCondition(int line, const QString& condition)
{
    return debugger_->setBreakpointCondition(line, condition);
}

VisualMappingPanel* MainWindow::visualMappingPanel() const
{
    return visualController_->panel();
}

AutoSaver* MainWindow::autoSaver() const
{
    return files_->autoSaver();
}

QWidget* MainWindow::recoveryBar() const
{
    return files_->recoveryBar();
}

QStringList MainWindow::recentFiles() const
{
    return files_->recentFiles();
}

void MainWindow::restoreRecovered()
{
    files_->restoreRecovered();
}

void MainWindow::discardRecovered()
{
    files_->discardRecovered();
}

bool MainWindow::openReproBundle(const QString& path)
{
    return repro_->openBundle(path);
}

bool MainWindow::exportReproBundle(const QString& path, const QString& notes)
{
    return repro_->exportBundle(path, notes);
}

bool MainWindow::loadProductionOutput(const QString& path)
{
    return repro_->loadProductionOutput(path);
}

void MainWindow::closeRepro()
{
    repro_->close();
}

bool MainWindow::showsRepro() const
{
    return repro_->active();
}

bool MainWindow::isReproBundleFile(const QString& path)
{
    return ReproController::isBundleFile(path);
}

bool MainWindow::mapField(const QString& sourcePath, const QString& targetPointer)
{
    return visualController_->mapField(sourcePath, targetPointer);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!files_->maybeSave()) {
        event->ignore();
        return;
    }
    files_->autoSaver()->clear();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        if (FilesController::canOpen(url.toLocalFile()) || isCorpusPath(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls()) {
        if (const QString path = url.toLocalFile(); FilesController::canOpen(path))
            openFile(path);
        else if (isCorpusPath(path))
            corpus_->setCorpus(path);   // a corpus: an NDJSON file or a folder of JSON files
    }
    event->acceptProposedAction();
}

} // namespace studio
