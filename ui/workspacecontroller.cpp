#include "workspacecontroller.h"

#include "debuggerpanel.h"

#include "codeeditor.h"
#include "filescontroller.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "windowcontext.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <utility>

namespace studio {

namespace {

constexpr int kWriteDelayMs = 1000;   ///< changes are written this long after the last one

} // namespace

WorkspaceController::WorkspaceController(WindowContext& context, PreviewController& preview, FilesController& files,
                                         QObject* parent)
    : QObject(parent)
    , context_(context)
    , preview_(preview)
    , files_(files)
    , writeTimer_(new QTimer(this))
{
    writeTimer_->setSingleShot(true);
    writeTimer_->setInterval(kWriteDelayMs);
    connect(writeTimer_, &QTimer::timeout, this, [this] { writeNow(); });
    PreviewPanel* panel = preview_.panel();
    connect(panel, &PreviewPanel::inputEdited, this, [this] {
        if (!applying_ && !preview_.panel()->inputTemporary()) {
            inputChanged_ = true;
            changed();
        }
    });
    connect(&preview_, &PreviewController::sampleAboutToBeCovered, this, &WorkspaceController::takeShownSample);
    connect(panel, &PreviewPanel::pinChanged, this, [this] {
        if (!applying_)
            changed();
    });
    connect(context_.editor(), &CodeEditor::breakpointsChanged, this, [this] {
        if (!applying_)
            changed();
    });
    // The document that goes keeps what was changed in its last second.
    connect(&files_, &FilesController::documentReplaced, this, [this] {
        if (writeTimer_->isActive())
            writeNow();
    });
    connect(&files_, &FilesController::documentOpened, this, &WorkspaceController::documentOpened);
    connect(&files_, &FilesController::documentCreated, this, &WorkspaceController::documentCreated);
    connect(&files_, &FilesController::documentSaved, this, &WorkspaceController::documentSaved);
    // A file loaded as the sample input (by the user, or for the workspace): the sample is that
    // file's content until it is edited.
    connect(&files_, &FilesController::sampleLoaded, this, [this](const QString& path) {
        SampleInput& shown = workspace_.samples[workspace_.current];
        shownText_ = preview_.sampleInput();
        shown.file = path.startsWith(QLatin1Char(':')) ? QString() : QFileInfo(path).absoluteFilePath();
        shown.loaded = shown.file.isEmpty();
        if (shown.loaded)
            shown.text = preview_.sampleInput();
        inputChanged_ = false;
        // The workspace's own sample, loaded when shown, is no change; a file the user loaded is.
        if (!applying_ && std::exchange(loadingSample_, QString()) != path)
            changed();
    });
    connect(panel, &PreviewPanel::sampleChosen, this, &WorkspaceController::switchSample);
    connect(panel, &PreviewPanel::sampleAddRequested, this,
            [this](bool copy) { addSample(nameForNewSample(), copy); });
    connect(panel, &PreviewPanel::sampleRenamed, this, &WorkspaceController::renameSample);
    connect(panel, &PreviewPanel::sampleRemoveRequested, this, &WorkspaceController::removeSample);
    apply(Workspace{{SampleInput{tr("Sample 1"), {}, {}, true}}, 0, {}, {}, {}});
}

void WorkspaceController::setDebuggerPanel(DebuggerPanel* panel)
{
    debugger_ = panel;
    debugger_->setWatches(workspace_.watches);
    connect(debugger_, &DebuggerPanel::watchesChanged, this, [this](const QStringList& watches) {
        workspace_.watches = watches;
        if (!applying_)
            changed();
    });
}

bool WorkspaceController::hasFile() const
{
    const QString path = context_.documentPath();
    return !path.isEmpty() && !path.startsWith(QLatin1Char(':'));
}

QString WorkspaceController::nameForNewSample() const
{
    for (int n = int(workspace_.samples.size()) + 1;; ++n) {
        const QString name = tr("Sample %1").arg(n);
        if (std::none_of(workspace_.samples.cbegin(), workspace_.samples.cend(), [&](const SampleInput& s) { return s.name == name; }))
            return name;
    }
}

void WorkspaceController::documentOpened(const QString& path)
{
    writeTimer_->stop();
    QString error;
    std::optional<Workspace> restored = path.startsWith(QLatin1Char(':')) ? std::nullopt : readWorkspace(path, &error);
    if (!error.isEmpty())
        context_.showMessage(tr("The workspace of %1 cannot be used (%2): starting afresh").arg(QFileInfo(path).fileName(), error), 8000);
    if (restored && !restored->samples.isEmpty()) {
        apply(std::move(*restored));
        return;
    }
    Workspace fresh;
    if (restored) {   // a workspace with no samples keeps its pin, breakpoints and watches
        fresh.pinnedV1 = restored->pinnedV1;
        fresh.breakpoints = restored->breakpoints;
        fresh.watches = restored->watches;
    }
    const QString input = inputPathFor(path);
    fresh.samples.append(QFile::exists(input) ? SampleInput{QFileInfo(input).completeBaseName().section(QLatin1Char('.'), 0, 0), input, {}, false}
                                              : SampleInput{tr("Sample 1"), {}, {}, true});
    apply(std::move(fresh));
}

void WorkspaceController::documentCreated(const QString& input)
{
    writeTimer_->stop();
    apply(Workspace{{SampleInput{tr("Sample 1"), {}, input, true}}, 0, {}, {}, {}});
}

void WorkspaceController::documentSaved(const QString& path)
{
    Q_UNUSED(path);
    // The document's path is already the new one: the workspace is written beside it.
    writeNow();
}

void WorkspaceController::apply(Workspace workspace)
{
    applying_ = true;
    workspace_ = std::move(workspace);
    // Nothing of the previous document stays: breakpoints, watches, pin and sample are all replaced.
    context_.editor()->setBreakpoints(workspace_.breakpoints);
    if (debugger_)
        debugger_->setWatches(workspace_.watches);
    if (!workspace_.pinnedV1.isEmpty() && QFile::exists(workspace_.pinnedV1))
        preview_.pinV1To(workspace_.pinnedV1);
    else
        preview_.pinV1To(QString());
    showCurrentSample();
    updateSelector();
    applying_ = false;
}

void WorkspaceController::takeShownSample()
{
    if (workspace_.samples.isEmpty())
        return;
    SampleInput& shown = workspace_.samples[workspace_.current];
    if (!inputChanged_ || preview_.panel()->inputTemporary())
        return;   // still what was loaded (a file sample stays that file's content), or a record shown
    // Judged by the text, not by the signals: the input view also reports re-highlighting.
    const QString& now = preview_.sampleInput();
    if (now.size() == shownText_.size() && (now.constData() == shownText_.constData() || now == shownText_)) {
        inputChanged_ = false;
        return;
    }
    shown.text = preview_.sampleInput();
    shown.loaded = true;
    shown.file.clear();   // edited: kept inline (or in a file of its own when large)
    shownText_ = shown.text;
    inputChanged_ = false;
}

void WorkspaceController::showCurrentSample()
{
    const bool wasApplying = std::exchange(applying_, true);
    const SampleInput& sample = workspace_.samples.at(workspace_.current);
    if (!sample.loaded && !sample.file.isEmpty()) {
        loadingSample_ = sample.file;   // a large one arrives later (FilesController::sampleLoaded)
        if (!files_.loadInput(sample.file))
            preview_.setSampleInput(QString());
    } else {
        preview_.setSampleInput(sample.text);
    }
    shownText_ = preview_.sampleInput();
    inputChanged_ = false;
    applying_ = wasApplying;
}

void WorkspaceController::switchSample(int index)
{
    if (index < 0 || index >= workspace_.samples.size() || index == workspace_.current)
        return;
    takeShownSample();
    workspace_.current = index;
    showCurrentSample();
    updateSelector();
    changed();
}

void WorkspaceController::addSample(const QString& name, bool copyCurrent)
{
    takeShownSample();
    SampleInput sample{name, {}, {}, true};
    if (copyCurrent)
        sample.text = preview_.sampleInput();
    workspace_.samples.append(sample);
    workspace_.current = int(workspace_.samples.size()) - 1;
    showCurrentSample();
    updateSelector();
    changed();
}

void WorkspaceController::renameSample(int index, const QString& name)
{
    if (index < 0 || index >= workspace_.samples.size() || name.trimmed().isEmpty())
        return;
    workspace_.samples[index].name = name.trimmed();
    updateSelector();
    changed();
}

void WorkspaceController::removeSample(int index)
{
    if (index < 0 || index >= workspace_.samples.size() || workspace_.samples.size() == 1)
        return;   // a mapping always has a sample, if an empty one
    takeShownSample();
    workspace_.samples.removeAt(index);
    const bool shown = index == workspace_.current;
    if (index < workspace_.current || workspace_.current >= workspace_.samples.size())
        --workspace_.current;
    workspace_.current = std::max(0, workspace_.current);
    if (shown)
        showCurrentSample();
    updateSelector();
    changed();
}

void WorkspaceController::updateSelector()
{
    QStringList names;
    for (const SampleInput& sample : workspace_.samples)
        names << sample.name;
    preview_.panel()->setSamples(names, workspace_.current);
}

void WorkspaceController::changed()
{
    if (hasFile())
        writeTimer_->start();
}

bool WorkspaceController::writeNow()
{
    writeTimer_->stop();
    if (!hasFile())
        return false;
    takeShownSample();
    const QString pinned = preview_.panel()->pinnedPath();
    workspace_.pinnedV1 = pinned.startsWith(QLatin1Char(':')) ? QString() : pinned;
    workspace_.breakpoints = context_.editor()->breakpoints();
    if (debugger_)
        workspace_.watches = debugger_->watches();
    // A workspace that says nothing beyond what the mapping opens with anyway (its input file,
    // or no sample; no pin, no breakpoint, no watch) is not written: opening a mapping leaves no file.
    const bool nothingToKeep = workspace_.samples.size() == 1 && workspace_.pinnedV1.isEmpty() && workspace_.breakpoints.isEmpty()
        && workspace_.watches.isEmpty()
        && (workspace_.samples.first().file == QFileInfo(inputPathFor(context_.documentPath())).absoluteFilePath()
            || (workspace_.samples.first().file.isEmpty() && workspace_.samples.first().text.isEmpty()));
    if (nothingToKeep && !QFile::exists(workspacePathFor(context_.documentPath())))
        return true;
    QString error;
    if (!writeWorkspace(context_.documentPath(), workspace_, &error)) {
        // Said once per document: a mapping in a read-only folder would say it after each change.
        if (std::exchange(unwritable_, context_.documentPath()) != context_.documentPath())
            context_.showMessage(tr("The workspace was not saved: %1").arg(error), 8000);
        return false;
    }
    return true;
}

} // namespace studio
