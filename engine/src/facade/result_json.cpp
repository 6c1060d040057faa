// The result object of a dry-run as JSON (docs/engines.md, "Request and result bodies").

#include "mdsl/engine.h"
#include "mdsl/report.h"

#include <charconv>

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
    if (result.profile)
        out["profile"] = profileToJson(*result.profile);
    return out;
}

void appendResultJson(std::string& out, const RunResult& result)
{
    // The members of toJson() in its order; the names and enumerations need no escaping.
    const auto name = [&out](std::string_view key, std::string_view value) {
        out += key;
        out += '"';
        out += value;
        out += '"';
    };
    const auto number = [&out](std::string_view key, auto value) {
        out += key;
        char buffer[24];
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
    };
    name("{\"engine\":", engineName(result.engine));
    name(",\"route\":", routeName(result.route));
    out += result.fallback ? ",\"fallback\":true" : ",\"fallback\":false";
    name(",\"status\":", statusName(result.status));
    out += ",\"output\":";
    if (result.output)
        appendJson(out, *result.output);
    else
        out += "null";
    out += ",\"diagnostics\":[";
    for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
        if (i != 0)
            out += ',';
        appendJson(out, diagnosticToJson(result.diagnostics[i]));
    }
    out += "],\"trace\":[";
    for (std::size_t i = 0; i < result.trace.size(); ++i) {
        if (i != 0)
            out += ',';
        appendJson(out, traceEventJson(result.trace[i]));
    }
    number("],\"stats\":{\"rules\":", result.stats.rules);
    number(",\"writes\":", result.stats.writes);
    number(",\"skipped\":", result.stats.skipped);
    number(",\"elapsed_us\":", result.stats.elapsedUs);
    out += '}';
    if (result.v2Failure) {
        out += ",\"v2_failure\":";
        appendResultJson(out, *result.v2Failure);
    }
    if (result.profile) {
        out += ",\"profile\":";
        appendJson(out, profileToJson(*result.profile));
    }
    out += '}';
}

} // namespace mdsl
