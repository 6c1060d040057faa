#include "previewwhy.h"

#include "diagnosticmessages.h"
#include "jsonlocate.h"
#include "largetextview.h"
#include "previewpanel.h"
#include "utf8text.h"

#include <QEvent>
#include <QFileInfo>
#include <QStringList>
#include <QToolTip>

#include <utility>

namespace studio {

namespace {

/// Fills a translated pattern with arguments, escaping both for rich text.
QString fill(const QString& pattern, const QStringList& args, bool html)
{
    QString out = html ? pattern.toHtmlEscaped() : pattern;
    for (const QString& arg : args)
        out = out.arg(html ? arg.toHtmlEscaped() : arg);
    return out;
}

/// How long a new preview's result must stay before the location asked about is asked again.
constexpr int kReaskDelayMs = 300;

/// A hovered line's answers are kept per side and line.
int hoverKey(bool right, int line)
{
    return right ? line + 1 : -line - 1;
}

QString quoted(const std::string& code)
{
    return QLatin1Char('`') + fromStd(code) + QLatin1Char('`');
}

} // namespace

QString PreviewWhy::whyText(const WhyAnswer& answer, bool html)
{
    if (answer.noInput)
        return fill(tr("the sample input is not JSON: nothing ran"), {}, html);
    const mdsl::Why& why = answer.why;
    const QString line = why.rule ? QString::number(why.rule->line) : QStringLiteral("?");
    const QString rule = why.rule ? quoted(why.rule->text) : QString();
    QString text;
    switch (why.kind) {
    case mdsl::WhyKind::Written:
        text = fill(tr("written by the rule at line %1: %2"), {line, rule}, html);
        break;
    case mdsl::WhyKind::WrittenInside:
        text = fill(tr("inside the value written at %1 by the rule at line %2: %3"), {fromStd(why.target), line, rule}, html);
        break;
    case mdsl::WhyKind::Element:
        text = fill(tr("element %1 of the array block at line %2"), {QString::number(why.index), line}, html);
        break;
    case mdsl::WhyKind::Contains:
        text = fill(tr("holds what rules wrote inside it, first at %1 by the rule at line %2"), {fromStd(why.target), line}, html);
        break;
    case mdsl::WhyKind::Missing:
        text = fill(tr("%1 is missing in the input (rule at line %2)"), {quoted(why.path), line}, html);
        break;
    case mdsl::WhyKind::NoValue:
        text = fill(tr("%1 gives no value (rule at line %2)"), {quoted(why.path), line}, html);
        break;
    case mdsl::WhyKind::Null:
        text = fill(tr("%1 is null in the input (array block at line %2)"), {quoted(why.path), line}, html);
        break;
    case mdsl::WhyKind::Failed: {
        QStringList args;
        for (const std::string& arg : why.args)
            args << fromStd(arg);
        const QString message = DiagnosticMessages::translate(fromStd(why.code), args, fromStd(why.message), fromStd(why.wording));
        text = message.isEmpty() ? fill(tr("error %1 in the rule at line %2"), {fromStd(why.code), line}, html)
                                 : fill(tr("error %1 in the rule at line %2: %3"), {fromStd(why.code), line, message}, html);
        break;
    }
    case mdsl::WhyKind::NotRun: {
        QStringList lines;
        for (const mdsl::WhyRule& candidate : why.candidates)
            lines << QString::number(candidate.line);
        text = lines.size() == 1 ? fill(tr("the rule at line %1 writes it but did not run"), lines, html)
                                 : fill(tr("the rules at lines %1 write it but none ran"), {lines.join(QStringLiteral(", "))}, html);
        break;
    }
    case mdsl::WhyKind::NotTargeted:
        text = fill(tr("no rule writes it"), {}, html);
        break;
    case mdsl::WhyKind::TraceCut:
        text = fill(tr("not known: the trace was cut before it was recorded"), {}, html);
        break;
    }
    const bool missed = why.kind == mdsl::WhyKind::Missing || why.kind == mdsl::WhyKind::NoValue
        || why.kind == mdsl::WhyKind::Null || why.kind == mdsl::WhyKind::Failed;
    // Arguments are escaped already: the frames below are plain patterns around them.
    if (missed && why.target != why.pointer)
        text = (html ? tr("%1 (at %2)").toHtmlEscaped() : tr("%1 (at %2)")).arg(text, html ? fromStd(why.target).toHtmlEscaped() : fromStd(why.target));
    if (why.fallback)
        text = (html ? tr("V1 answered as a fallback: %1").toHtmlEscaped() : tr("V1 answered as a fallback: %1")).arg(text);
    if (why.traceTruncated && why.kind != mdsl::WhyKind::TraceCut)
        text = (html ? tr("%1 (the trace was cut: later rules are not known)").toHtmlEscaped()
                     : tr("%1 (the trace was cut: later rules are not known)"))
                   .arg(text);
    return text;
}

PreviewWhy::PreviewWhy(PreviewPanel* panel, std::shared_ptr<MappingBackend> backend, std::function<QString()> editorText, QObject* parent)
    : QObject(parent)
    , panel_(panel)
    , editorText_(std::move(editorText))
{
    std::shared_ptr<MappingBackend> b = std::move(backend);
    auto work = [b](const Job& job, const std::atomic<bool>&) {
        Answers answers{job.result, job.pointer, std::nullopt, std::nullopt, job.line};
        if (job.line >= 0) {
            const std::shared_ptr<const LargeText> lines = job.large ? job.large : LargeText::make(job.text);
            const std::optional<QString> pointer = pointerAtLine(*lines, job.line);
            if (!pointer)
                return answers;   // no value on that line: nothing to say
            answers.pointer = *pointer;
        }
        const PreviewRequest& request = job.result->request;
        auto ask = [&](const QString& text, mdsl::EngineKind engine) {
            return b->why(WhyRequest{text, request.input, request.flags, request.pinnedNowMs, engine, answers.pointer});
        };
        if (job.left)
            answers.left = ask(request.leftText, mdsl::EngineKind::V1);
        if (job.right) {
            answers.right = ask(request.text, job.rightEngine);
            answers.right->why.fallback = job.fallback;
        }
        return answers;
    };
    differences_ = std::make_unique<BackgroundLane<Job, Answers>>(nullptr, work, [this](Answers&& answers, quint64) {
        if (current(answers))
            show(answers);
        else if (!shown_ || shown_->result != panel_->sharedResult())
            panel_->setWhy(QString(), QString());   // the question was about a text no longer there
    });
    hovers_ = std::make_unique<BackgroundLane<Job, Answers>>(nullptr, work, [this](Answers&& answers, quint64) {
        if (!current(answers))
            return;
        if (!answers.left && !answers.right)
            return;   // the line holds no value
        hoverCache_.insert(hoverKey(answers.right.has_value(), answers.line), answers);
        showHover(answers);
    });
    connect(panel_, &PreviewPanel::differenceChosen, this, &PreviewWhy::differenceChosen);
    connect(panel_, &PreviewPanel::outputHovered, this, &PreviewWhy::hovered);
    connect(panel_, &PreviewPanel::resultShown, this, &PreviewWhy::resultChanged);
    connect(panel_, &PreviewPanel::whyLinkActivated, this, [this](const QString& side) {
        if (!shown_ || !current(*shown_))
            return;
        const std::optional<WhyAnswer>& answer = side == QLatin1String("v1") ? shown_->left : shown_->right;
        if (answer && answer->ruleStart >= 0)
            emit jumpRequested(answer->ruleStart, answer->ruleEnd);
    });
}

PreviewWhy::~PreviewWhy() = default;

PreviewWhy::Job PreviewWhy::jobFor(const QString& pointer) const
{
    Job job;
    job.result = panel_->sharedResult();
    job.pointer = pointer;
    job.left = !panel_->showsProduction();
    if (panel_->showsProduction()) {
        // Our answer for production's route: the engine production would use, V1 on a fallback.
        job.rightEngine = job.result->production.answer.engine;
        job.fallback = job.result->production.answer.fallback;
    }
    return job;
}

bool PreviewWhy::current(const Answers& answers) const
{
    return answers.result == panel_->sharedResult() && answers.result->request.text == editorText_();
}

void PreviewWhy::explainDifference(const QString& pointer, bool select)
{
    const std::shared_ptr<const PreviewResult> result = panel_->sharedResult();
    if (!result || !result->inputError.isEmpty() || result->request.text != editorText_()) {
        panel_->setWhy(QString(), QString());
        return;
    }
    select_ = select;
    asked_ = pointer;
    const QString waiting = tr("Looking for why %1 differs…").arg(pointer);
    panel_->setWhy(waiting.toHtmlEscaped(), waiting);
    // Asked again after a new preview (the author typing): after a pause, so that the traced
    // runs of both sides do not compete with every keystroke's preview.
    differences_->schedule(jobFor(pointer), select ? 0 : kReaskDelayMs);
}

void PreviewWhy::show(const Answers& answers)
{
    shown_ = answers;
    QStringList html;
    QStringList plain;
    for (const bool right : {false, true}) {
        const std::optional<WhyAnswer>& answer = right ? answers.right : answers.left;
        if (!answer)
            continue;
        html << tr("%1: %2").toHtmlEscaped().arg(sideName(right, true), whyText(*answer, true));
        plain << tr("%1: %2").arg(sideName(right, false), whyText(*answer, false));
    }
    plain_ = plain.join(QLatin1Char('\n'));
    panel_->setWhy(html.join(QStringLiteral("<br>")), plain_);
    if (!std::exchange(select_, false))
        return;
    // The V2 side's rule, or when it has none the V1 side's in the same text.
    if (answers.right && answers.right->ruleStart >= 0)
        emit jumpRequested(answers.right->ruleStart, answers.right->ruleEnd);
    else if (answers.left && answers.left->ruleStart >= 0 && panel_->pinnedPath().isEmpty())
        emit jumpRequested(answers.left->ruleStart, answers.left->ruleEnd);
}

QString PreviewWhy::sideName(bool right, bool html) const
{
    QString name;
    if (right) {
        name = panel_->showsProduction()
                   ? tr("Ours (%1)").arg(panel_->sharedResult()->production.engine.toUpper())
                   : tr("V2");
    } else {
        name = panel_->pinnedPath().isEmpty() ? tr("V1") : tr("V1 (%1)").arg(QFileInfo(panel_->pinnedPath()).fileName());
    }
    if (!html)
        return name;
    // Only a side that ran the editor's text can select its rule there.
    const bool editorSide = right || panel_->pinnedPath().isEmpty();
    return editorSide ? QStringLiteral("<a href=\"%1\">%2</a>").arg(right ? QStringLiteral("v2") : QStringLiteral("v1"), name.toHtmlEscaped())
                      : name.toHtmlEscaped();
}

void PreviewWhy::differenceChosen(int index)
{
    const QList<PreviewDifferenceView>& differences = panel_->view().differences;
    if (index < 0 || index >= differences.size()) {
        asked_.clear();
        shown_.reset();
        plain_.clear();
        panel_->setWhy(QString(), QString());
        return;
    }
    explainDifference(differences.at(index).pointer, true);
}

void PreviewWhy::hovered(bool right, int line, const QPoint& globalPos, QWidget* view)
{
    const std::shared_ptr<const PreviewResult> result = panel_->sharedResult();
    const RenderedJson* output = panel_->shownOutput(right);
    if (!result || !output || (!right && panel_->showsProduction()) || result->request.text != editorText_())
        return;
    if (!hover_ || hover_->view != view)
        view->installEventFilter(this);   // once per view: installing again moves it first
    hover_ = Hover{globalPos, view, right, line};
    const auto cached = hoverCache_.constFind(hoverKey(right, line));
    if (cached != hoverCache_.constEnd()) {
        showHover(*cached);
        return;
    }
    Job job = jobFor(QString());
    job.left = !right;
    job.right = right;
    job.line = line;
    job.text = output->text;
    job.large = output->large;
    hovers_->schedule(job);
}

void PreviewWhy::showHover(const Answers& answers)
{
    const bool right = answers.right.has_value();
    if (!hover_ || hover_->right != right || answers.line != hover_->line || !hover_->view)
        return;   // the mouse went on meanwhile
    const WhyAnswer& answer = right ? *answers.right : *answers.left;
    hoverText_ = tr("%1: %2").arg(sideName(right, false), whyText(answer, false));
    QToolTip::showText(hover_->globalPos, hoverText_, hover_->view);
}

bool PreviewWhy::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Leave && hover_ && hover_->view.data() == watched)
        hover_.reset();
    return QObject::eventFilter(watched, event);
}

void PreviewWhy::resultChanged()
{
    hoverCache_.clear();
    hover_.reset();
    // The location asked about is asked about again, without moving the editor's selection.
    if (!asked_.isEmpty()) {
        explainDifference(asked_, false);
        return;
    }
    shown_.reset();
    plain_.clear();
    panel_->setWhy(QString(), QString());
}

void PreviewWhy::waitForIdle()
{
    differences_->waitForIdle();
    hovers_->waitForIdle();
}

void PreviewWhy::retranslate()
{
    if (shown_ && current(*shown_))
        show(*shown_);
}

} // namespace studio
