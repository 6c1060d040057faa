// Replaying a repro bundle through the facade, as production would have run it, and the
// verdict against production's output.

#include "mdsl/jsondiff.h"
#include "mdsl/repro.h"

namespace mdsl {

std::string_view reproVerdictName(ReproVerdict verdict) noexcept
{
    switch (verdict) {
    case ReproVerdict::Reproduced: return "reproduced";
    case ReproVerdict::Differs: return "differs";
    case ReproVerdict::NoProductionOutput: break;
    }
    return "no-production-output";
}

ReproJudgement judgeRepro(const ReproProduction* production, RunStatus status, const std::optional<Json>& output,
                          RoutedAnswer ours)
{
    ReproJudgement judgement;
    if (!production)
        return judgement;
    // A missing output of ours (invalid mapping) counts as null in the patch.
    static const Json kNull;
    const Json& answer = output ? *output : kNull;
    // Reproduced only when our run is ok: a failed run that happens to give the same partial
    // output has not reproduced production's answer.
    const bool same = status == RunStatus::Ok && jsonEqual(production->output, answer);
    judgement.verdict = same ? ReproVerdict::Reproduced : ReproVerdict::Differs;
    if (!same)
        judgement.patch = jsonPatch(production->output, answer);
    judgement.engineDiffers = (production->engine && *production->engine != ours.engine)
        || (production->fallback != ours.fallback && (production->fallback || production->engine.has_value()));
    return judgement;
}

ReproReplay replayRepro(const ReproBundle& bundle, const RunLimits& limits)
{
    RunOptions options;
    options.limits = limits;
    options.pinnedNowMs = bundle.nowMs;
    const PreparedMapping prepared = prepare(bundle.mappingText, bundle.route, bundle.flags);
    ReproReplay replay;
    replay.ours = dryRun(prepared, bundle.input, options);
    ReproJudgement judgement = judgeRepro(bundle.production ? &*bundle.production : nullptr, replay.ours.status,
                                          replay.ours.output, {replay.ours.engine, replay.ours.fallback});
    replay.verdict = judgement.verdict;
    replay.patch = std::move(judgement.patch);
    replay.engineDiffers = judgement.engineDiffers;
    return replay;
}

} // namespace mdsl
