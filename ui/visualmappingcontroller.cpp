#include "visualmappingcontroller.h"

#include "analysisservice.h"
#include "codeeditor.h"
#include "previewcontroller.h"
#include "previewpanel.h"
#include "visualmappingpanel.h"
#include "windowcontext.h"

#include "mdsl/edit.h"

#include <QTextCursor>

namespace studio {

namespace {

/// The document position of a byte offset of the UTF-8 text.
int positionOf(const std::string& utf8, std::size_t offset)
{
    return int(QString::fromUtf8(utf8.data(), qsizetype(std::min(offset, utf8.size()))).size());
}

} // namespace

VisualMappingController::VisualMappingController(WindowContext& context, PreviewController& preview, QObject* parent)
    : QObject(parent)
    , context_(context)
    , panel_(new VisualMappingPanel(context.window()))
{
    CodeEditor* editor = context_.editor();
    AnalysisService* service = context_.service();
    context_.addSideTab(panel_, [] { return tr("Visual Mapping"); });
    connect(panel_, &VisualMappingPanel::lineageWanted, service, [this, editor, service, &preview](int delayMs) {
        service->scheduleLineage(editor->toPlainText(), context_.settings().flags, preview.sampleInput(), delayMs);
    });
    connect(service, &AnalysisService::lineageReady, panel_,
            [this](const std::shared_ptr<const VisualLineage>& lineage) { panel_->showLineage(*lineage); });
    connect(editor->document(), &QTextDocument::contentsChanged, panel_, [this] { panel_->refreshSoon(); });
    connect(preview.panel(), &PreviewPanel::inputEdited, panel_, [this] { panel_->refreshSoon(); });
    connect(service, &AnalysisService::previewReady, panel_, [this] { panel_->refreshSoon(); });
    connect(panel_, &VisualMappingPanel::fieldDropped, this, &VisualMappingController::mapField);
    connect(panel_, &VisualMappingPanel::ruleActivated, editor, &CodeEditor::selectRange);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, panel_,
            [this, editor] { panel_->setCursorPosition(editor->textCursor().position()); });
    connect(panel_, &VisualMappingPanel::refreshed, panel_,
            [this, editor] { panel_->setCursorPosition(editor->textCursor().position()); });
}

bool VisualMappingController::mapField(const QString& sourcePath, const QString& targetPointer)
{
    CodeEditor* editor = context_.editor();
    const QString text = editor->toPlainText();
    const std::string utf8 = text.toStdString();
    const mdsl::RuleCreation result =
        mdsl::createRule(utf8, sourcePath.toStdString(), targetPointer.toStdString(), context_.settings().flags);
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
        context_.showMessage(tr("Cannot map %1: %2.").arg(sourcePath, reason), 8000);
        return false;
    }
    const int start = positionOf(utf8, result.edit.range.start.offset);
    const int end = positionOf(utf8, result.edit.range.end.offset);
    QTextCursor cursor(editor->document());
    cursor.beginEditBlock();
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(QString::fromStdString(result.edit.newText));
    cursor.endEditBlock();
    editor->selectRange(positionOf(result.text, result.rule.begin), positionOf(result.text, result.rule.end));
    context_.showMessage(result.replaced ? tr("%1 now reads %2.").arg(QString::fromStdString(result.target), sourcePath)
                                             : tr("Mapped %1 to %2.").arg(sourcePath, QString::fromStdString(result.target)),
                             6000);
    return true;
}

} // namespace studio
