// The preview's view-model, computed from a PreviewResult. Its words belong to the panel that
// shows them: they are translated in the PreviewPanel context.

#include "previewviewmodel.h"

#include "jsontext.h"
#include "mappingbackend.h"
#include "previewpanel.h"

#include <QFileInfo>
#include <QLocale>

namespace studio {

namespace {

QString runStateName(RunState state)
{
    switch (state) {
    case RunState::Ok:
        return PreviewPanel::tr("ok");
    case RunState::Failed:
        return PreviewPanel::tr("failed");
    case RunState::Invalid:
        return PreviewPanel::tr("invalid");
    case RunState::NotRun:
        break;
    }
    return PreviewPanel::tr("not run");
}

/// The differences the patch lists (the engine's: V1/V2, or production's against ours).
QList<PreviewDifferenceView> differencesOf(const PreviewViewInput& in)
{
    const mdsl::Json* patch = &in.result->patch;
    static const mdsl::Json kNoPatch = mdsl::Json::array();
    if (in.recorded) {
        // The engine judged our answer against production's, off the UI thread (judgeRepro);
        // nothing ran yet, or the sample input is not JSON: nothing to compare.
        patch = in.result->repro ? &in.result->repro->patch : &kNoPatch;
    }
    QList<PreviewDifferenceView> out;
    if (!patch->is_array())
        return out;
    const EngineRun& left = leftRunOf(in);
    const EngineRun& right = rightRunOf(in);
    const mdsl::Json* v1 = left.output ? &*left.output : nullptr;
    const mdsl::Json* v2 = right.output ? &*right.output : nullptr;
    for (const mdsl::Json& op : *patch) {
        if (!op.is_object() || !op.contains("path") || !op["path"].is_string())
            continue;
        const QString pointer = QString::fromStdString(op["path"].get<std::string>());
        bool inV1 = false;
        bool inV2 = false;
        const QString a = describeAt(v1, pointer, &inV1);
        const QString b = describeAt(v2, pointer, &inV2);
        // Missing (key absent) and null are different things: say which.
        const QString where = pointer.isEmpty() ? QStringLiteral("/") : pointer;
        const QString shownLeft = inV1 ? a : PreviewPanel::tr("missing");
        const QString shownRight = inV2 ? b : PreviewPanel::tr("missing");
        out.append({pointer, in.recorded ? PreviewPanel::tr("%1 — Production: %2 · Ours: %3").arg(where, shownLeft, shownRight)
                                         : PreviewPanel::tr("%1 — V1: %2 · V2: %3").arg(where, shownLeft, shownRight)});
    }
    return out;
}

PreviewSideView sideOf(const PreviewViewInput& in, const EngineRun& run, bool recorded)
{
    PreviewSideView side;
    side.recorded = recorded;
    side.state = run.state;
    if (recorded) {
        side.stateName = PreviewPanel::tr("recorded");
    } else if (!in.haveResult || run.state == RunState::NotRun) {
        side.note = in.running ? PreviewPanel::tr("running…") : QString();
    } else {
        side.stateName = runStateName(run.state);
        side.time = formatDuration(run.elapsedUs);
        if (in.running)
            side.note = PreviewPanel::tr("updating…");
    }
    if (in.haveResult && !run.output)
        side.placeholder = run.state == RunState::Invalid ? PreviewPanel::tr("No output: the mapping is invalid for this engine.") : PreviewPanel::tr("No output.");
    for (const Problem& p : run.problems) {
        if (p.severity != ProblemSeverity::Error)
            continue;
        // An error with no place in the text (an empty range at its start) happened before
        // any rule ran: a sample nested too deep (E403) is the input's, not line 1's.
        const bool placeless = p.start == 0 && p.end == 0;
        QString text;
        if (placeless && p.code == QLatin1String("E403"))
            text = PreviewPanel::tr("Sample input: %1 %2").arg(p.code, p.message());
        else if (placeless)
            text = PreviewPanel::tr("%1 %2").arg(p.code, p.message());
        else
            text = PreviewPanel::tr("%1:%2 %3 %4").arg(p.line).arg(p.column).arg(p.code, p.message());
        side.errors.append({text, p.start, p.end});
    }
    return side;
}

QString comparisonOf(const PreviewViewInput& in, const PreviewViewModel& view)
{
    const bool recorded = in.recorded != nullptr;
    const int count = int(view.differences.size());
    if (!in.haveResult)
        return {};
    if (recorded && !in.result->repro)
        return PreviewPanel::tr("No comparison: one side has no output");
    if (recorded && in.result->repro->verdict == mdsl::ReproVerdict::Reproduced)
        return PreviewPanel::tr("Reproduced: same output as production");
    if (recorded && count == 0)
        // The same output, but our run did not end ok: production's answer is not reproduced.
        return PreviewPanel::tr("Not reproduced: our run is %1").arg(runStateName(rightRunOf(in).state));
    if (recorded)
        return PreviewPanel::tr("Differences from production: %1").arg(count);
    if (!leftRunOf(in).output || !rightRunOf(in).output)
        return PreviewPanel::tr("No comparison: one side has no output");
    if (count == 0)
        return PreviewPanel::tr("Outputs identical");
    return PreviewPanel::tr("Differences: %1").arg(count);
}

} // namespace

QString PreviewSideView::status() const
{
    QStringList parts;
    for (const QString& part : {stateName, time, note}) {
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QStringLiteral(" · "));
}

QString PreviewSideView::statusLine() const
{
    return title.text + QStringLiteral(" · ") + status();
}

QString PreviewViewModel::productionLine() const
{
    return productionStateName.isEmpty() ? production.text : production.text + QStringLiteral(" — ") + productionStateName;
}

QString PreviewViewModel::bannerText() const
{
    QStringList parts;
    for (const Phrase& phrase : banner)
        parts << phrase.text;
    return parts.join(QStringLiteral(" · "));
}

QStringList PreviewViewModel::differenceTexts() const
{
    QStringList out;
    for (const PreviewDifferenceView& d : differences)
        out << d.text;
    return out;
}

const EngineRun& leftRunOf(const PreviewViewInput& in)
{
    return in.recorded ? *in.recorded : in.result->v1;
}

const EngineRun& rightRunOf(const PreviewViewInput& in)
{
    if (!in.recorded)
        return in.result->v2;
    // Our answer as production would give it, as the engine routed it for production's route.
    return in.result->production.answer.engine == mdsl::EngineKind::V1 ? in.result->v1 : in.result->v2;
}

PreviewViewModel makePreviewViewModel(const PreviewViewInput& in)
{
    const PreviewResult& result = *in.result;
    PreviewViewModel view;
    view.left = sideOf(in, leftRunOf(in), in.recorded != nullptr);
    view.right = sideOf(in, rightRunOf(in), false);
    if (in.recorded) {
        view.left.title = {PreviewPanel::tr("Production (recorded)"), PreviewPanel::tr("Production")};
        view.right.title = &rightRunOf(in) == &result.v1 ? Phrase{PreviewPanel::tr("Ours: V1 engine"), PreviewPanel::tr("Ours")}
                                                         : Phrase{PreviewPanel::tr("Ours: V2 engine"), PreviewPanel::tr("Ours")};
    } else {
        view.left.title = in.pinnedPath.isEmpty()
            ? Phrase{PreviewPanel::tr("V1 engine"), PreviewPanel::tr("V1 engine")}
            : Phrase{PreviewPanel::tr("V1 engine on %1").arg(QFileInfo(in.pinnedPath).fileName()), PreviewPanel::tr("V1 engine")};
        view.right.title = {PreviewPanel::tr("V2 engine"), PreviewPanel::tr("V2 engine")};
    }

    if (in.haveResult && !result.inputError.isEmpty())
        view.inputError = inputErrorText(result);

    if (in.haveResult && result.inputError.isEmpty() && !result.production.engine.isEmpty()) {
        if (result.production.fallback) {
            view.production = {PreviewPanel::tr("Production serves V1 by fallback (V2 failed)"), PreviewPanel::tr("V1 by fallback")};
        } else {
            const QString engine = result.production.engine.toUpper();
            view.production = {PreviewPanel::tr("Production serves %1").arg(engine), engine};
        }
        view.productionState = result.production.state;
        view.productionStateName = runStateName(result.production.state);
    } else if (in.running) {
        view.production = {PreviewPanel::tr("Running…"), QString()};
    }

    view.differences = differencesOf(in);
    view.comparison = comparisonOf(in, view);
    if (in.recorded && in.haveResult && result.repro)
        view.verdict = result.repro->verdict;
    return view;
}

QString formatDuration(qint64 us)
{
    if (us < 10000)
        return PreviewPanel::tr("%1 ms").arg(QLocale().toString(double(us) / 1000.0, 'f', 1));
    if (us < 1000000)
        return PreviewPanel::tr("%1 ms").arg(QLocale().toString(us / 1000));
    return PreviewPanel::tr("%1 s").arg(QLocale().toString(double(us) / 1e6, 'f', 1));
}

} // namespace studio
