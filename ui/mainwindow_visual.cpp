// The main window's visual mapping: the side tab, and the rules its drops write into the text
// (the engine computes the edit; the editor applies it as one undo step).

#include "mainwindow.h"

#include "analysisservice.h"
#include "codeeditor.h"
#include "previewpanel.h"
#include "visualmappingpanel.h"

#include "mdsl/edit.h"

#include <QStatusBar>
#include <QTextCursor>

namespace studio {

namespace {

/// The document position of a byte offset of the UTF-8 text.
int positionOf(const std::string& utf8, std::size_t offset)
{
    return int(QString::fromUtf8(utf8.data(), qsizetype(std::min(offset, utf8.size()))).size());
}

} // namespace

void MainWindow::setUpVisualMapping()
{
    visual_ = new VisualMappingPanel(this);
    addSideTab(visual_, [this] { return tr("Visual Mapping"); });
    visual_->setInputSource([this] { return preview_->inputText(); });
    connect(visual_, &VisualMappingPanel::lineageWanted, service_,
            [this](int delayMs) { service_->scheduleLineage(editor_->toPlainText(), settings_.flags, delayMs); });
    connect(service_, &AnalysisService::lineageReady, visual_,
            [this](const std::shared_ptr<const VisualLineage>& lineage) { visual_->showLineage(*lineage); });
    connect(editor_->document(), &QTextDocument::contentsChanged, visual_, [this] { visual_->refreshSoon(); });
    connect(preview_, &PreviewPanel::inputEdited, visual_, [this] { visual_->refreshSoon(); });
    connect(service_, &AnalysisService::previewReady, visual_, [this] { visual_->refreshSoon(); });
    connect(visual_, &VisualMappingPanel::fieldDropped, this, &MainWindow::mapField);
    connect(visual_, &VisualMappingPanel::ruleActivated, editor_, &CodeEditor::selectRange);
    connect(editor_, &QPlainTextEdit::cursorPositionChanged, visual_,
            [this] { visual_->setCursorPosition(editor_->textCursor().position()); });
    connect(visual_, &VisualMappingPanel::refreshed, visual_,
            [this] { visual_->setCursorPosition(editor_->textCursor().position()); });
}

bool MainWindow::mapField(const QString& sourcePath, const QString& targetPointer)
{
    const QString text = editor_->toPlainText();
    const std::string utf8 = text.toStdString();
    const mdsl::RuleCreation result =
        mdsl::createRule(utf8, sourcePath.toStdString(), targetPointer.toStdString(), settings_.flags);
    if (!result.ok) {
        QString reason;
        switch (result.problem) {
        case mdsl::RuleProblem::SyntaxErrors: reason = tr("the mapping has syntax errors; fix them first"); break;
        case mdsl::RuleProblem::NotAFieldPath: reason = tr("this is not a field of the sample input"); break;
        case mdsl::RuleProblem::NoField: reason = tr("choose a field, not the whole input"); break;
        case mdsl::RuleProblem::NotAContainer: reason = tr("this target holds a value, not an object"); break;
        case mdsl::RuleProblem::OuterElement:
            reason = tr("it belongs to the element of an enclosing array block; name that element with “each … as name”");
            break;
        case mdsl::RuleProblem::NeedsJsonPath:
        case mdsl::RuleProblem::None:
            reason = tr("reading this field from there needs JSONPath (version 2 and the JSONPath flag), "
                        "or drop it into an array block over its array");
            break;
        }
        statusBar()->showMessage(tr("Cannot map %1: %2.").arg(sourcePath, reason), 8000);
        return false;
    }
    const int start = positionOf(utf8, result.edit.range.start.offset);
    const int end = positionOf(utf8, result.edit.range.end.offset);
    QTextCursor cursor(editor_->document());
    cursor.beginEditBlock();
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(QString::fromStdString(result.edit.newText));
    cursor.endEditBlock();
    editor_->selectRange(positionOf(result.text, result.rule.begin), positionOf(result.text, result.rule.end));
    statusBar()->showMessage(result.replaced ? tr("%1 now reads %2.").arg(QString::fromStdString(result.target), sourcePath)
                                             : tr("Mapped %1 to %2.").arg(sourcePath, QString::fromStdString(result.target)),
                             6000);
    return true;
}

} // namespace studio
