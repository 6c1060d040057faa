// Corpus comparison reports: JSON for tools (and merge), JUnit XML for CI, text for people.

#include "mdsl/corpus.h"

#include "corpus/decimal.h"
#include "mdsl/report.h"

#include <sstream>

namespace mdsl {

using detail::fixedDecimals;

namespace {

double share(std::uint64_t part, std::uint64_t whole)
{
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

Json sideJson(const SideFigures& f)
{
    Json out = {{"kind", sideKindName(f.kind)},
                {"name", f.name},
                {"label", f.label},
                {"runs", f.runs},
                {"mapping_diagnostics", f.mappingDiagnosticsJson.is_array()
                                            ? f.mappingDiagnosticsJson
                                            : diagnosticsToJson(f.mappingDiagnostics)["diagnostics"]},
                {"ok", f.ok},
                {"failed", f.failed},
                {"invalid", f.invalid},
                {"fallbacks", f.fallbacks},
                {"error_rate_percent", f.errorRatePercent}};
    if (f.kind == SideKind::Mapping) {
        out["engine"] = sideEngineName(f.engine);
        out["p50_us"] = f.times.percentileUs(50);
        out["p95_us"] = f.times.percentileUs(95);
        out["total_us"] = static_cast<double>(f.totalNs) / 1000.0;
        out["total_ns"] = f.totalNs;
        out["histogram"] = f.times.toJson();
    }
    if (f.profile)
        out["profile"] = profileToJson(*f.profile);
    return out;
}

Json verdictJson(const Verdict& verdict)
{
    Json checks = Json::array();
    Json reasons = Json::array();
    for (const VerdictCheck& c : verdict.checks) {
        checks.push_back({{"name", c.name}, {"applicable", c.applicable}, {"passed", c.passed}, {"reason", c.reason}});
        if (!c.passed)
            reasons.push_back(c.reason);
    }
    return {{"decision", verdictName(verdict)}, {"go", verdict.go}, {"reasons", reasons}, {"checks", checks}};
}

// XML 1.0 text and attribute values: the five markup characters escaped, and the control
// characters XML 1.0 cannot carry at all (everything below U+0020 but tab, LF, CR) replaced
// by U+FFFD, so that a hostile string in an output never breaks the report.
std::string xmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\t':
        case '\n':
        case '\r': out += c; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\xEF\xBF\xBD";
            else
                out += c;
        }
    }
    return out;
}

std::string lineList(const std::vector<std::uint64_t>& lines, std::uint64_t records)
{
    std::string out;
    for (const std::uint64_t line : lines)
        out += (out.empty() ? "" : ", ") + std::to_string(line);
    if (records > lines.size())
        out += " and " + std::to_string(records - lines.size()) + " more";
    return out;
}

std::vector<std::uint64_t> linesOf(const DifferenceGroup& g)
{
    std::vector<std::uint64_t> lines;
    for (const GroupExample& e : g.examples)
        lines.push_back(e.line);
    return lines;
}

std::string sideLabel(const CorpusReport& report, const std::string& side)
{
    return side == "left" ? report.left.label : side == "right" ? report.right.label : std::string("input");
}

// ", 12 records (3.00 %)".
std::string countText(std::uint64_t records, std::uint64_t whole)
{
    return ", " + std::to_string(records) + " records (" + fixedDecimals(share(records, whole), 2) + " %)";
}

// "/lines/*/total: value change": what stays the same from run to run (JUnit's test name).
std::string differenceName(const DifferenceGroup& g)
{
    return (g.pointer.empty() ? std::string("(whole output)") : g.pointer) + ": " + std::string(differenceKindName(g.kind));
}

std::string failureName(const CorpusReport& report, const FailureGroup& g)
{
    std::string name = sideLabel(report, g.side) + " " + std::string(statusName(g.status));
    if (!g.code.empty())
        name += " " + g.code;
    if (!g.rule.empty())
        name += " at rule " + g.rule;
    return name;
}

std::string differenceTitle(const CorpusReport& report, const DifferenceGroup& g)
{
    return differenceName(g) + countText(g.records, report.compared);
}

std::string failureTitle(const CorpusReport& report, const FailureGroup& g)
{
    return failureName(report, g) + countText(g.records, g.side == "input" ? report.records : report.compared);
}

std::string differenceDetail(const DifferenceGroup& g)
{
    std::string out = "lines: " + lineList(linesOf(g), g.records) + "\n";
    for (const GroupExample& e : g.examples)
        out += "  line " + std::to_string(e.line) + ": left " + e.left + ", right " + e.right + "\n";
    return out;
}

std::string failureDetail(const FailureGroup& g)
{
    return "lines: " + lineList(g.lines, g.records) + "\n" + (g.message.empty() ? "" : "  " + g.message + "\n");
}

} // namespace

Json corpusReportJson(const CorpusReport& report)
{
    Json differences = Json::array();
    for (const DifferenceGroup& g : report.differences) {
        Json examples = Json::array();
        for (const GroupExample& e : g.examples)
            examples.push_back({{"line", e.line}, {"left", e.left}, {"right", e.right}});
        differences.push_back({{"pointer", g.pointer},
                               {"kind", differenceKindName(g.kind)},
                               {"records", g.records},
                               {"share_percent", share(g.records, report.compared)},
                               {"first_line", g.firstLine},
                               {"examples", examples}});
    }
    Json failures = Json::array();
    for (const FailureGroup& g : report.failures) {
        failures.push_back({{"side", g.side},
                            {"status", statusName(g.status)},
                            {"code", g.code},
                            {"rule", g.rule},
                            {"message", g.message},
                            {"records", g.records},
                            {"share_percent", share(g.records, g.side == "input" ? report.records : report.compared)},
                            {"first_line", g.firstLine},
                            {"lines", g.lines}});
    }
    Json out = Json::object();
    out["report"] = "mapping-dsl compare";
    out["lines"] = {{"first", report.firstLine}, {"last", report.lastLine}};
    out["records"] = report.records;
    out["blank_lines"] = report.blankLines;
    out["invalid_input"] = report.invalidInput;
    out["compared"] = report.compared;
    out["identical"] = report.identical;
    out["identical_percent"] = report.identicalPercent();
    out["different_percent"] = report.differentPercent();
    out["pairs"] = report.pairs;
    out["left"] = sideJson(report.left);
    out["right"] = sideJson(report.right);
    out["time_ratio"] = report.timeRatio();
    out["thresholds"] = {{"max_error_rate_percent", report.thresholds.maxErrorRatePercent},
                         {"objective_error_rate_percent", report.thresholds.objectiveErrorRatePercent},
                         {"max_time_ratio", report.thresholds.maxTimeRatio},
                         {"max_different_percent", report.thresholds.maxDifferentPercent},
                         {"max_invalid_input_percent", report.thresholds.maxInvalidInputPercent}};
    out["verdict"] = verdictJson(report.verdict);
    out["differences"] = std::move(differences);
    out["failures"] = std::move(failures);
    out["ungrouped_records"] = report.ungroupedRecords;
    if (!report.inputError.empty())
        out["input_error"] = report.inputError;
    if (report.cancelled)
        out["cancelled"] = true;
    return out;
}

std::string corpusReportJUnit(const CorpusReport& report, std::string_view suiteName)
{
    const std::size_t tests = report.differences.size() + report.failures.size() + 1;
    const std::size_t failures = tests - (report.verdict.go ? 1 : 0);
    const std::string suite = xmlEscape(suiteName);
    const std::string seconds = fixedDecimals(static_cast<double>(report.left.totalNs + report.right.totalNs) / 1e9, 6);
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"mapping-dsl compare\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" time=\"" << seconds << "\">\n"
      << "  <testsuite name=\"" << suite << "\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"0\" time=\"" << seconds << "\">\n"
      << "    <properties>\n";
    const auto property = [&](const char* name, const std::string& value) {
        x << "      <property name=\"" << name << "\" value=\"" << xmlEscape(value) << "\"/>\n";
    };
    property("left", report.left.label);
    if (report.cancelled)
        property("cancelled", "partial figures, lines " + std::to_string(report.firstLine) + " to "
                                  + std::to_string(report.lastLine) + " only");
    property("right", report.right.label);
    property("records", std::to_string(report.records));
    property("invalid_input", std::to_string(report.invalidInput));
    property("identical_percent", fixedDecimals(report.identicalPercent(), 2));
    property("left_error_rate_percent", fixedDecimals(report.left.errorRatePercent, 2));
    property("right_error_rate_percent", fixedDecimals(report.right.errorRatePercent, 2));
    property("time_ratio", fixedDecimals(report.timeRatio(), 3));
    x << "    </properties>\n";
    // The test's name is the group's pattern (stable from run to run), its message the count.
    const auto testcase = [&](const std::string& group, const std::string& name, const std::string& message,
                              const std::string& type, const std::string& detail) {
        x << "    <testcase classname=\"" << suite << "." << group << "\" name=\"" << xmlEscape(name) << "\">\n"
          << "      <failure type=\"" << type << "\" message=\"" << xmlEscape(message) << "\">" << xmlEscape(detail)
          << "</failure>\n    </testcase>\n";
    };
    for (const DifferenceGroup& g : report.differences)
        testcase("differences", differenceName(g), differenceTitle(report, g), "difference", differenceDetail(g));
    for (const FailureGroup& g : report.failures)
        testcase("failures", failureName(report, g), failureTitle(report, g), "failure", failureDetail(g));
    x << "    <testcase classname=\"" << suite << "\" name=\"verdict\">\n";
    std::string reasons;
    for (const VerdictCheck& c : report.verdict.checks)
        reasons += std::string(!c.applicable ? "n/a: " : c.passed ? "ok: " : "FAILED: ") + c.reason + "\n";
    if (report.verdict.go)
        x << "      <system-out>" << xmlEscape("GO\n" + reasons) << "</system-out>\n";
    else
        x << "      <failure type=\"verdict\" message=\"NO-GO\">" << xmlEscape(reasons) << "</failure>\n";
    x << "    </testcase>\n  </testsuite>\n</testsuites>\n";
    return x.str();
}

std::string corpusReportText(const CorpusReport& report)
{
    std::ostringstream t;
    if (report.cancelled)
        t << "cancelled:      partial figures, lines " << report.firstLine << " to " << report.lastLine << " only\n";
    t << "left:           " << report.left.label << '\n'
      << "right:          " << report.right.label << '\n'
      << "records:        " << report.records << " (" << report.blankLines << " blank lines skipped, "
      << report.invalidInput << " invalid input)\n"
      << "identical:      " << report.identical << " of " << report.compared << " ("
      << fixedDecimals(report.identicalPercent(), 2) << " %)\n";
    for (const auto& [name, f] : {std::pair{"left ", &report.left}, std::pair{"right", &report.right}}) {
        t << name << " errors:   " << f->failed + f->invalid << " (" << fixedDecimals(f->errorRatePercent, 2) << " %)";
        if (f->timed())
            t << "   p50 " << fixedDecimals(f->times.percentileUs(50), 1) << " us   p95 "
              << fixedDecimals(f->times.percentileUs(95), 1) << " us";
        if (f->fallbacks > 0)
            t << "   " << f->fallbacks << " V1 fallbacks";
        t << '\n';
    }
    const double ratio = report.timeRatio();
    t << "time right/left: " << (ratio > 0 ? fixedDecimals(ratio, 2) + "x" : std::string("n/a")) << '\n';
    if (!report.differences.empty())
        t << "\ndifferences by pattern:\n";
    for (const DifferenceGroup& g : report.differences) {
        t << "  " << differenceTitle(report, g) << '\n';
        std::istringstream detail(differenceDetail(g));
        for (std::string line; std::getline(detail, line);)
            t << "    " << line << '\n';
    }
    if (!report.failures.empty())
        t << "\nfailures:\n";
    for (const FailureGroup& g : report.failures) {
        t << "  " << failureTitle(report, g) << '\n';
        std::istringstream detail(failureDetail(g));
        for (std::string line; std::getline(detail, line);)
            t << "    " << line << '\n';
    }
    if (report.ungroupedRecords > 0)
        t << "  (" << report.ungroupedRecords << " more records with patterns past the group limit)\n";
    for (const auto& [name, f] : {std::pair{"left", &report.left}, std::pair{"right", &report.right}})
        if (f->profile)
            t << "\nprofile of the " << name << " side (" << f->label << "):\n" << profileText(*f->profile);
    t << "\nverdict:        " << verdictName(report.verdict) << '\n';
    for (const VerdictCheck& c : report.verdict.checks)
        t << "  " << (!c.applicable ? "n/a" : c.passed ? "ok " : "NO ") << "  " << c.reason << '\n';
    return t.str();
}

} // namespace mdsl
