// The result object of a dry-run as JSON (language design section 10).

#include "mdsl/engine.h"
#include "mdsl/report.h"

namespace mdsl {

namespace {

Json traceEventJson(const TraceEvent& event)
{
    Json out = {{"kind", traceKindName(event.kind)}, {"span", {{"begin", event.span.begin}, {"end", event.span.end}}}};
    switch (event.kind) {
    case TraceKind::Value:
        if (event.value)
            out["value"] = *event.value;
        else
            out["missing"] = true;
        break;
    case TraceKind::Write:
        out["target"] = event.target;
        out["value"] = event.value ? *event.value : Json();
        break;
    case TraceKind::Skip:
        out["target"] = event.target;
        out["reason"] = event.reason;
        break;
    case TraceKind::Error: out["code"] = event.reason; break;
    case TraceKind::ElementEntered:
    case TraceKind::ElementLeft: out["index"] = event.index; break;
    case TraceKind::RuleEntered: break;
    }
    return out;
}

} // namespace

Json toJson(const RunResult& result)
{
    Json out = Json::object();
    out["engine"] = engineName(result.engine);
    out["route"] = routeName(result.route);
    out["fallback"] = result.fallback;
    out["status"] = statusName(result.status);
    out["output"] = result.output ? *result.output : Json();
    Json diagnostics = Json::array();
    for (const Diagnostic& diagnostic : result.diagnostics)
        diagnostics.push_back(diagnosticToJson(diagnostic));
    out["diagnostics"] = std::move(diagnostics);
    Json trace = Json::array();
    for (const TraceEvent& event : result.trace)
        trace.push_back(traceEventJson(event));
    out["trace"] = std::move(trace);
    out["stats"] = {{"rules", result.stats.rules},
                    {"writes", result.stats.writes},
                    {"skipped", result.stats.skipped},
                    {"elapsed_us", result.stats.elapsedUs}};
    if (result.v2Failure)
        out["v2_failure"] = toJson(*result.v2Failure);
    return out;
}

} // namespace mdsl
