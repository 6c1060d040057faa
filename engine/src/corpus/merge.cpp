// Reading compare reports back and merging the reports of shards into one.

#include "mdsl/corpus.h"

#include "corpus/groups.h"

#include <algorithm>

namespace mdsl {

namespace {

// A strict reader: every field merge needs, of the right type, or a message naming it.
struct ReportReader {
    std::string error;

    const Json* field(const Json& object, const char* name, const std::string& where)
    {
        if (!error.empty())
            return nullptr;
        const auto it = object.is_object() ? object.find(name) : object.end();
        if (it == object.end()) {
            error = where + ": no \"" + name + "\"";
            return nullptr;
        }
        return &*it;
    }

    std::uint64_t count(const Json& object, const char* name, const std::string& where)
    {
        const Json* value = field(object, name, where);
        if (value != nullptr && !value->is_number_unsigned())
            error = where + ": \"" + name + "\" is not a count";
        return value != nullptr && error.empty() ? value->get<std::uint64_t>() : 0;
    }

    double number(const Json& object, const char* name, const std::string& where)
    {
        const Json* value = field(object, name, where);
        if (value != nullptr && !value->is_number())
            error = where + ": \"" + name + "\" is not a number";
        return value != nullptr && error.empty() ? value->get<double>() : 0.0;
    }

    std::string text(const Json& object, const char* name, const std::string& where)
    {
        const Json* value = field(object, name, where);
        if (value != nullptr && !value->is_string())
            error = where + ": \"" + name + "\" is not a string";
        return value != nullptr && error.empty() ? value->get<std::string>() : std::string();
    }

    bool flag(const Json& object, const char* name, const std::string& where)
    {
        const Json* value = field(object, name, where);
        if (value != nullptr && !value->is_boolean())
            error = where + ": \"" + name + "\" is not true or false";
        return value != nullptr && error.empty() && value->get<bool>();
    }

    const Json& array(const Json& object, const char* name, const std::string& where)
    {
        static const Json empty = Json::array();
        const Json* value = field(object, name, where);
        if (value != nullptr && !value->is_array())
            error = where + ": \"" + name + "\" is not an array";
        return value != nullptr && error.empty() ? *value : empty;
    }
};

RunStatus statusNamed(const std::string& name)
{
    return name == "ok" ? RunStatus::Ok : name == "failed" ? RunStatus::Failed : RunStatus::Invalid;
}

void readSideJson(ReportReader& r, const Json& json, SideFigures& f, const std::string& where)
{
    const std::string kind = r.text(json, "kind", where);
    f.kind = kind == "outputs" ? SideKind::RecordedOutputs : kind == "pairs" ? SideKind::PairOutputs : SideKind::Mapping;
    f.name = r.text(json, "name", where);
    f.label = r.text(json, "label", where);
    f.runs = r.flag(json, "runs", where);
    f.mappingDiagnosticsJson = r.array(json, "mapping_diagnostics", where);
    for (const Json& d : f.mappingDiagnosticsJson) {
        Diagnostic diagnostic;
        diagnostic.severity = d.value("severity", "error") == "error" ? Severity::Error : Severity::Warning;
        diagnostic.code = d.value("code", "");
        diagnostic.message = d.value("message", "");
        f.mappingDiagnostics.push_back(std::move(diagnostic));
    }
    f.ok = r.count(json, "ok", where);
    f.failed = r.count(json, "failed", where);
    f.invalid = r.count(json, "invalid", where);
    f.fallbacks = r.count(json, "fallbacks", where);
    if (f.kind == SideKind::Mapping) {
        const std::string engine = r.text(json, "engine", where);
        f.engine = engine == "v1" ? SideEngine::V1 : engine == "v2" ? SideEngine::V2 : SideEngine::Routed;
        f.totalNs = r.count(json, "total_ns", where);
        const Json* histogram = r.field(json, "histogram", where);
        if (histogram != nullptr) {
            if (auto times = TimeHistogram::fromJson(*histogram))
                f.times = std::move(*times);
            else
                r.error = where + ": \"histogram\" is not a list of [bucket, count]";
        }
    }
}

bool sameSide(const SideFigures& a, const SideFigures& b)
{
    return a.kind == b.kind && a.name == b.name && a.label == b.label && a.engine == b.engine && a.runs == b.runs;
}

bool sameThresholds(const Thresholds& a, const Thresholds& b)
{
    return a.maxErrorRatePercent == b.maxErrorRatePercent && a.objectiveErrorRatePercent == b.objectiveErrorRatePercent
           && a.maxTimeRatio == b.maxTimeRatio && a.maxDifferentPercent == b.maxDifferentPercent
           && a.maxInvalidInputPercent == b.maxInvalidInputPercent;
}

void addSide(SideFigures& into, const SideFigures& from)
{
    into.ok += from.ok;
    into.failed += from.failed;
    into.invalid += from.invalid;
    into.fallbacks += from.fallbacks;
    into.totalNs += from.totalNs;
    into.times.merge(from.times);
}

} // namespace

std::optional<CorpusReport> corpusReportFromJson(const Json& json, std::string& error)
{
    ReportReader r;
    const std::string top = "the report";
    if (!json.is_object() || json.value("report", "") != "mapping-dsl compare") {
        error = "not a report of mapping-dsl compare --report json";
        return std::nullopt;
    }
    if (json.contains("input_error")) {
        error = "the report stopped on bad input: " + json.value("input_error", "");
        return std::nullopt;
    }
    if (json.value("cancelled", false)) {
        error = "the report's run was cancelled: its figures cover part of its shard only";
        return std::nullopt;
    }
    CorpusReport report;
    if (const Json* lines = r.field(json, "lines", top)) {
        report.firstLine = r.count(*lines, "first", "\"lines\"");
        report.lastLine = r.count(*lines, "last", "\"lines\"");
    }
    report.records = r.count(json, "records", top);
    report.blankLines = r.count(json, "blank_lines", top);
    report.invalidInput = r.count(json, "invalid_input", top);
    report.compared = r.count(json, "compared", top);
    report.identical = r.count(json, "identical", top);
    report.pairs = r.flag(json, "pairs", top);
    if (const Json* left = r.field(json, "left", top))
        readSideJson(r, *left, report.left, "\"left\"");
    if (const Json* right = r.field(json, "right", top))
        readSideJson(r, *right, report.right, "\"right\"");
    if (const Json* t = r.field(json, "thresholds", top)) {
        const std::string where = "\"thresholds\"";
        report.thresholds.maxErrorRatePercent = r.number(*t, "max_error_rate_percent", where);
        report.thresholds.objectiveErrorRatePercent = r.number(*t, "objective_error_rate_percent", where);
        report.thresholds.maxTimeRatio = r.number(*t, "max_time_ratio", where);
        report.thresholds.maxDifferentPercent = r.number(*t, "max_different_percent", where);
        report.thresholds.maxInvalidInputPercent = r.number(*t, "max_invalid_input_percent", where);
    }
    for (const Json& g : r.array(json, "differences", top)) {
        DifferenceGroup group;
        const std::string where = "a difference group";
        group.pointer = r.text(g, "pointer", where);
        const std::string kind = r.text(g, "kind", where);
        bool known = false;
        for (int k = 0; k <= static_cast<int>(DifferenceKind::ArrayLength); ++k) {
            if (differenceKindName(static_cast<DifferenceKind>(k)) == kind) {
                group.kind = static_cast<DifferenceKind>(k);
                known = true;
            }
        }
        if (!known && r.error.empty())
            r.error = where + ": unknown kind \"" + kind + "\"";
        group.records = r.count(g, "records", where);
        group.firstLine = r.count(g, "first_line", where);
        for (const Json& e : r.array(g, "examples", where))
            group.examples.push_back({r.count(e, "line", "an example"), r.text(e, "left", "an example"),
                                      r.text(e, "right", "an example")});
        report.differences.push_back(std::move(group));
    }
    for (const Json& g : r.array(json, "failures", top)) {
        FailureGroup group;
        const std::string where = "a failure group";
        group.side = r.text(g, "side", where);
        group.status = statusNamed(r.text(g, "status", where));
        group.code = r.text(g, "code", where);
        group.rule = r.text(g, "rule", where);
        group.message = r.text(g, "message", where);
        group.records = r.count(g, "records", where);
        group.firstLine = r.count(g, "first_line", where);
        for (const Json& line : r.array(g, "lines", where)) {
            if (!line.is_number_unsigned() && r.error.empty())
                r.error = where + ": a line is not a number";
            else if (r.error.empty())
                group.lines.push_back(line.get<std::uint64_t>());
        }
        report.failures.push_back(std::move(group));
    }
    report.ungroupedRecords = r.count(json, "ungrouped_records", top);
    if (r.error.empty() && (report.compared + report.invalidInput != report.records || report.identical > report.compared))
        r.error = "its counts do not add up (records, invalid_input, compared, identical)";
    if (!r.error.empty()) {
        error = r.error;
        return std::nullopt;
    }
    detail::finishFigures(report);
    return report;
}

std::optional<CorpusReport> mergeCorpusReports(std::vector<CorpusReport> reports, std::size_t examplesPerGroup,
                                               std::size_t maxGroups, std::string& error)
{
    if (reports.empty()) {
        error = "no report to merge";
        return std::nullopt;
    }
    for (std::size_t i = 1; i < reports.size(); ++i) {
        const std::string which = "report " + std::to_string(i + 1);
        if (!sameSide(reports[i].left, reports[0].left) || !sameSide(reports[i].right, reports[0].right)
            || reports[i].pairs != reports[0].pairs) {
            error = which + " compares other sides (" + reports[i].left.label + " vs " + reports[i].right.label
                    + ") than report 1 (" + reports[0].left.label + " vs " + reports[0].right.label + ")";
            return std::nullopt;
        }
        if (!sameThresholds(reports[i].thresholds, reports[0].thresholds)) {
            error = which + " was judged with other thresholds than report 1";
            return std::nullopt;
        }
    }
    std::vector<std::size_t> order(reports.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return reports[a].firstLine < reports[b].firstLine; });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const CorpusReport& before = reports[order[k - 1]];
        const CorpusReport& after = reports[order[k]];
        if (before.lastLine != 0 && after.firstLine != 0 && after.firstLine <= before.lastLine) {
            error = "report " + std::to_string(order[k] + 1) + " (lines " + std::to_string(after.firstLine) + "-"
                    + std::to_string(after.lastLine) + ") overlaps report " + std::to_string(order[k - 1] + 1)
                    + " (lines " + std::to_string(before.firstLine) + "-" + std::to_string(before.lastLine)
                    + "): was each shard run with --first-line?";
            return std::nullopt;
        }
    }
    CorpusReport merged;
    merged.left = reports[0].left;
    merged.right = reports[0].right;
    for (SideFigures* f : {&merged.left, &merged.right}) {
        f->ok = f->failed = f->invalid = f->fallbacks = f->totalNs = 0;
        f->times = TimeHistogram();
    }
    merged.pairs = reports[0].pairs;
    merged.thresholds = reports[0].thresholds;
    detail::GroupTable groups(examplesPerGroup, maxGroups);
    for (const std::size_t i : order) {
        const CorpusReport& r = reports[i];
        if (r.firstLine != 0 && merged.firstLine == 0)
            merged.firstLine = r.firstLine;
        merged.lastLine = std::max(merged.lastLine, r.lastLine);
        merged.records += r.records;
        merged.blankLines += r.blankLines;
        merged.invalidInput += r.invalidInput;
        merged.compared += r.compared;
        merged.identical += r.identical;
        addSide(merged.left, r.left);
        addSide(merged.right, r.right);
        for (const DifferenceGroup& g : r.differences)
            groups.merge(g);
        for (const FailureGroup& g : r.failures)
            groups.merge(g);
        groups.ungrouped += r.ungroupedRecords;
    }
    groups.finish(merged);
    detail::finishFigures(merged);
    return merged;
}

} // namespace mdsl
