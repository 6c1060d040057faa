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

ReproReplay replayRepro(const ReproBundle& bundle, const RunLimits& limits)
{
    RunOptions options;
    options.limits = limits;
    options.pinnedNowMs = bundle.nowMs;
    const PreparedMapping prepared = prepare(bundle.mappingText, bundle.route, bundle.flags);
    ReproReplay replay;
    replay.ours = dryRun(prepared, bundle.input, options);
    if (!bundle.production)
        return replay;
    const ReproProduction& production = *bundle.production;
    const Json ours = replay.ours.output.value_or(Json());
    const bool same = replay.ours.status == RunStatus::Ok && jsonEqual(production.output, ours);
    replay.verdict = same ? ReproVerdict::Reproduced : ReproVerdict::Differs;
    if (!same)
        replay.patch = jsonPatch(production.output, ours);
    replay.engineDiffers = (production.engine && *production.engine != replay.ours.engine)
        || (production.fallback != replay.ours.fallback && (production.fallback || production.engine.has_value()));
    return replay;
}

} // namespace mdsl
