// Diagnostics as JSON (the shape shared by validate and dry-run results) and as SARIF 2.1.0.

#include "mdsl/report.h"
#include "mdsl/version.h"

#include <map>

namespace mdsl {

Json positionToJson(const Position& position)
{
    return Json{{"line", position.line}, {"column", position.column}, {"offset", position.offset}};
}

Json rangeToJson(const Range& range)
{
    return Json{{"start", positionToJson(range.start)}, {"end", positionToJson(range.end)}};
}

Json diagnosticToJson(const Diagnostic& diagnostic)
{
    Json related = Json::array();
    for (const RelatedLocation& r : diagnostic.related)
        related.push_back(Json{{"range", rangeToJson(r.range)}, {"message", r.message}});
    Json fixes = Json::array();
    for (const Fix& fix : diagnostic.fixes) {
        Json edits = Json::array();
        for (const TextEdit& edit : fix.edits)
            edits.push_back(Json{{"range", rangeToJson(edit.range)}, {"newText", edit.newText}});
        fixes.push_back(Json{{"title", fix.title}, {"edits", std::move(edits)}});
    }
    Json json{{"severity", severityName(diagnostic.severity)},
              {"code", diagnostic.code},
              {"message", diagnostic.message},
              {"args", diagnostic.args},
              {"range", rangeToJson(diagnostic.range)},
              {"related", std::move(related)},
              {"fixes", std::move(fixes)}};
    if (!diagnostic.wording.empty())
        json["wording"] = diagnostic.wording;   // only then: the other shapes stay as they were
    return json;
}

Json diagnosticsToJson(const std::vector<Diagnostic>& diagnostics)
{
    Json list = Json::array();
    for (const Diagnostic& d : diagnostics)
        list.push_back(diagnosticToJson(d));
    return Json{{"diagnostics", std::move(list)}};
}

namespace {

// SARIF says "note" where the engine says "info".
std::string_view sarifLevel(Severity severity)
{
    return severity == Severity::Info ? "note" : severityName(severity);
}

Json sarifRegion(const Range& range)
{
    return Json{{"startLine", range.start.line},
                {"startColumn", range.start.column},
                {"endLine", range.end.line},
                {"endColumn", range.end.column},
                {"byteOffset", range.start.offset},
                {"byteLength", range.end.offset - range.start.offset}};
}

Json sarifLocation(std::string_view uri, const Range& range)
{
    return Json{{"physicalLocation",
                 {{"artifactLocation", {{"uri", uri}}}, {"region", sarifRegion(range)}}}};
}

} // namespace

Json diagnosticsToSarif(const std::vector<Diagnostic>& diagnostics, std::string_view fileUri)
{
    Json rules = Json::array();
    std::map<std::string, std::size_t, std::less<>> ruleIndex;
    auto addRule = [&](std::string_view id, std::string_view summary, Severity severity) {
        ruleIndex.emplace(std::string(id), rules.size());
        rules.push_back(Json{{"id", id},
                             {"shortDescription", {{"text", summary}}},
                             {"helpUri", "docs/diagnostics.md#" + std::string(id)},
                             {"defaultConfiguration", {{"level", sarifLevel(severity)}}}});
    };
    for (const DiagnosticCode& code : diagnosticCodes())
        addRule(code.code, code.summary, code.severity);

    Json results = Json::array();
    for (const Diagnostic& d : diagnostics) {
        // A code outside the table (a newer stage's) still gets a rule, so ruleIndex holds.
        if (!ruleIndex.contains(d.code))
            addRule(d.code, d.message, d.severity);
        Json result{{"ruleId", d.code},
                    {"ruleIndex", ruleIndex.find(d.code)->second},
                    {"level", sarifLevel(d.severity)},
                    {"message", {{"text", d.message}}},
                    {"locations", Json::array({sarifLocation(fileUri, d.range)})}};
        if (!d.related.empty()) {
            Json related = Json::array();
            for (std::size_t i = 0; i < d.related.size(); ++i) {
                Json location = sarifLocation(fileUri, d.related[i].range);
                location["id"] = i;
                location["message"] = {{"text", d.related[i].message}};
                related.push_back(std::move(location));
            }
            result["relatedLocations"] = std::move(related);
        }
        if (!d.fixes.empty()) {
            Json fixes = Json::array();
            for (const Fix& fix : d.fixes) {
                Json replacements = Json::array();
                for (const TextEdit& edit : fix.edits)
                    replacements.push_back(Json{{"deletedRegion", sarifRegion(edit.range)},
                                                {"insertedContent", {{"text", edit.newText}}}});
                fixes.push_back(Json{{"description", {{"text", fix.title}}},
                                     {"artifactChanges",
                                      Json::array({Json{{"artifactLocation", {{"uri", fileUri}}},
                                                        {"replacements", std::move(replacements)}}})}});
            }
            result["fixes"] = std::move(fixes);
        }
        results.push_back(std::move(result));
    }

    Json driver{{"name", "mapping-dsl"},
                {"version", engineVersion()},
                {"informationUri", "https://example.invalid/mapping-studio"},
                {"rules", std::move(rules)}};
    Json run{{"tool", {{"driver", std::move(driver)}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(results)}};
    return Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Json::array({std::move(run)})}};
}

} // namespace mdsl
