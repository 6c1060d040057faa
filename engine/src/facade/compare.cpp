// The comparison of the two engines on one input (docs/engines.md).

#include "mdsl/engine.h"
#include "mdsl/jsondiff.h"

#include <chrono>

namespace mdsl {

namespace {

using Clock = std::chrono::steady_clock;

RunResult timedRun(const CompiledMapping& mapping, const Json& input, const RunOptions& options,
                   std::int64_t& ns)
{
    const Clock::time_point start = Clock::now();
    RunResult result = run(mapping, input, options);
    ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
    return result;
}

} // namespace

Comparison compareEngines(const CompiledMapping& v1, const CompiledMapping& v2, const Json& input,
                          const RunOptions& options)
{
    Comparison c;
    c.v1 = timedRun(v1, input, options, c.v1Ns);
    c.v2 = timedRun(v2, input, options, c.v2Ns);
    const Json& from = c.v1.output ? *c.v1.output : Json();
    const Json& to = c.v2.output ? *c.v2.output : Json();
    c.patch = jsonPatch(from, to);
    c.identical = c.v1.status == c.v2.status && c.v1.output.has_value() == c.v2.output.has_value()
        && c.patch.empty();
    // A clock tick shorter than a run would divide by zero: count at least 1 ns.
    c.timeRatio = static_cast<double>(c.v2Ns > 0 ? c.v2Ns : 1) / static_cast<double>(c.v1Ns > 0 ? c.v1Ns : 1);
    return c;
}

Comparison compareEngines(std::string_view text, const Json& input, const Flags& flags,
                          const RunOptions& options)
{
    const CompiledMapping v1 = compile(text, EngineKind::V1, flags);
    const CompiledMapping v2 = compile(text, EngineKind::V2, flags);
    return compareEngines(v1, v2, input, options);
}

} // namespace mdsl
