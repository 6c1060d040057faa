#include "previewcontroller.h"

#include "analysisservice.h"
#include "codeeditor.h"
#include "filedialogs.h"
#include "filescontroller.h"
#include "previewpanel.h"
#include "previewwhy.h"
#include "problemspanel.h"
#include "servicecontroller.h"
#include "windowcontext.h"

#include <QLabel>
#include <QTextCursor>

#include <algorithm>

namespace studio {

PreviewController::PreviewController(WindowContext& context, PreviewPanel* panel, ProblemsPanel* problems, QObject* parent)
    : QObject(parent)
    , context_(context)
    , panel_(panel)
    , problems_(problems)
    , why_(new PreviewWhy(panel, context.service()->sharedBackend(), [&context] { return context.editor()->toPlainText(); }, this))
    , routeLabel_(new QLabel(context.window()))
    , problemsLabel_(new QLabel(context.window()))
{
    context_.addStatusWidget(routeLabel_);
    context_.addStatusWidget(problemsLabel_);
    CodeEditor* editor = context_.editor();
    AnalysisService* service = context_.service();
    connect(editor->document(), &QTextDocument::contentsChanged, this, [this] { scheduleAnalysis(); });
    connect(service, &AnalysisService::problemsReady, this, &PreviewController::showProblems);
    connect(service, &AnalysisService::previewReady, this, &PreviewController::showPreview);
    connect(problems_, &ProblemsPanel::jumpRequested, editor, &CodeEditor::selectRange);
    connect(problems_, &ProblemsPanel::fixRequested, this, &PreviewController::applyFix);
    connect(problems_, &ProblemsPanel::countsChanged, this, &PreviewController::updateStatus);
    connect(panel_, &PreviewPanel::jumpRequested, editor, &CodeEditor::selectRange);
    connect(why_, &PreviewWhy::jumpRequested, editor, &CodeEditor::selectRange);
    connect(panel_, &PreviewPanel::inputEdited, this, [this] {
        if (context_.settings().previewAutoRun)
            schedulePreview(context_.settings().previewDelayMs);
    });
    connect(panel_, &PreviewPanel::runRequested, this, &PreviewController::runPreview);
    connect(panel_, &PreviewPanel::pinRequested, this, &PreviewController::choosePin);
    new ServiceController(context_, panel_, this);   // "Ask the service" on the production line
}

const QString& PreviewController::sampleInput() const
{
    return panel_->inputText();
}

void PreviewController::setSampleInput(const QString& text, bool temporary)
{
    if (temporary && !panel_->inputTemporary())
        emit sampleAboutToBeCovered();   // the workspace keeps the sample's edits first
    panel_->setInputTemporary(temporary);
    panel_->setInputText(text);
}

void PreviewController::scheduleAnalysis(bool previewNow)
{
    const StudioSettings& settings = context_.settings();
    requestedRevision_ = context_.editor()->document()->revision();
    context_.service()->scheduleProblems(context_.editor()->toPlainText(), settings.flags);
    if (previewNow)
        schedulePreview(0);
    else if (settings.previewAutoRun)
        schedulePreview(settings.previewDelayMs);
}

void PreviewController::schedulePreview(int delayMs)
{
    const StudioSettings& settings = context_.settings();
    PreviewRequest request;
    request.text = context_.editor()->toPlainText();
    request.leftText = panel_->pinnedPath().isEmpty() ? request.text : panel_->pinnedText();
    request.input = panel_->inputText();
    request.flags = settings.flags;
    request.pinnedNowMs = settings.previewClock();
    request.production = panel_->production();
    request.productionRoute = panel_->productionRoute();
    panel_->showRunning();
    context_.service()->schedulePreview(std::move(request), delayMs);
}

void PreviewController::runPreview()
{
    schedulePreview(0);
}

void PreviewController::showProblems(const ProblemsResult& result)
{
    problemsRevision_ = requestedRevision_;
    problems_->setProblems(result.problems);
    context_.editor()->setProblems(result.problems);
    context_.editor()->setAnalysis(result.analysis);
    updateStatus();
}

void PreviewController::showPreview(const std::shared_ptr<const PreviewResult>& result)
{
    panel_->setResult(result);
    if (result->inputError.isEmpty())
        context_.editor()->setSourcePaths(result->sourcePaths);
}

bool PreviewController::applyFix(const TextFix& fix)
{
    CodeEditor* editor = context_.editor();
    // The fix's positions belong to the text that was validated; after an edit they may
    // point elsewhere, and the next validation offers the fix again.
    if (problemsRevision_ != editor->document()->revision()) {
        context_.showMessage(tr("The text changed since it was checked; try the fix again in a moment."), 4000);
        return false;
    }
    QTextCursor cursor(editor->document());
    cursor.beginEditBlock();
    QList<TextEdit> edits = fix.edits;
    std::sort(edits.begin(), edits.end(), [](const TextEdit& x, const TextEdit& y) { return x.start > y.start; });
    for (const TextEdit& edit : edits) {
        cursor.setPosition(edit.start);
        cursor.setPosition(edit.end, QTextCursor::KeepAnchor);
        cursor.insertText(edit.text);
    }
    cursor.endEditBlock();
    return true;
}

bool PreviewController::pinV1To(const QString& path)
{
    if (path.isEmpty()) {
        panel_->setPinned(QString(), QString());
        runPreview();
        return true;
    }
    const std::optional<QString> text =
        FilesController::readTextOrSay(context_.window(), path, tr("Pin V1 Side"), tr("Cannot open %1:\n%2"));
    if (!text)
        return false;
    panel_->setPinned(path, *text);
    runPreview();
    return true;
}

void PreviewController::choosePin()
{
    if (!panel_->pinnedPath().isEmpty()) {
        pinV1To(QString());
        return;
    }
    const QString path = chooseFileToOpen(context_.window(), tr("Pin V1 Side to File"), context_.documentPath(),
                                          tr("Mappings (*.mdsl);;All files (*)"));
    if (!path.isEmpty())
        pinV1To(path);
}

void PreviewController::settingsApplied(bool rerun)
{
    context_.service()->setPreviewDelay(context_.settings().previewDelayMs);
    updateStatus();
    if (rerun)
        scheduleAnalysis(true);
}

void PreviewController::retranslate()
{
    why_->retranslate();
    updateStatus();
}

void PreviewController::updateStatus()
{
    int errors = 0;
    int warnings = 0;
    for (const Problem& p : problems_->problems()) {
        errors += p.severity == ProblemSeverity::Error;
        warnings += p.severity == ProblemSeverity::Warning;
    }
    problemsLabel_->setText(problemsSummary(errors, warnings));
    routeLabel_->setText(tr("Dry-run: %1").arg(routedEngineSummary(context_.settings().flags)));
}

} // namespace studio
