// Corpus comparison reports: JSON for tools, JUnit XML for CI, text for people.

#include "mdsl/corpus.h"

#include "corpus/decimal.h"
#include "mdsl/report.h"

#include <sstream>

namespace mdsl {

using detail::fixedDecimals;

namespace {

Json figuresJson(const EngineFigures& f)
{
    return {{"ok", f.ok},
            {"failed", f.failed},
            {"invalid", f.invalid},
            {"error_rate_percent", f.errorRatePercent},
            {"p50_us", f.p50Us},
            {"p95_us", f.p95Us},
            {"total_us", f.totalUs}};
}

Json diagnosticsJson(const std::vector<Diagnostic>& diagnostics)
{
    Json out = Json::array();
    for (const Diagnostic& d : diagnostics)
        out.push_back(diagnosticToJson(d));
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

std::string statusPair(const RecordDifference& d)
{
    return "V1 " + std::string(statusName(d.v1Status)) + ", V2 " + std::string(statusName(d.v2Status));
}

// What a reader needs to see about one record: statuses, the patch, each engine's errors.
std::string differenceDetail(const RecordDifference& d)
{
    std::string out = statusPair(d) + "\n";
    if (!d.patch.empty())
        out += "patch V1 -> V2: " + d.patch.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    for (const auto& [engine, errors] : {std::pair{"V1", &d.v1Errors}, std::pair{"V2", &d.v2Errors}}) {
        for (const Diagnostic& e : *errors)
            out += std::string(engine) + " " + e.code + ": " + e.message + "\n";
    }
    return out;
}

} // namespace

Json corpusReportJson(const CorpusReport& report)
{
    Json differences = Json::array();
    for (const RecordDifference& d : report.differences) {
        differences.push_back({{"line", d.line},
                               {"identical", d.identical},
                               {"v1_status", statusName(d.v1Status)},
                               {"v2_status", statusName(d.v2Status)},
                               {"patch", d.patch},
                               {"v1_errors", diagnosticsJson(d.v1Errors)},
                               {"v2_errors", diagnosticsJson(d.v2Errors)}});
    }
    Json out = Json::object();
    out["records"] = report.records;
    out["blank_lines"] = report.blankLines;
    out["identical"] = report.identical;
    out["identical_percent"] = report.identicalPercent;
    out["v1_runs_mapping"] = report.v1Runs;
    out["v1"] = figuresJson(report.v1);
    out["v2"] = figuresJson(report.v2);
    out["time_ratio"] = report.timeRatio;
    out["thresholds"] = {{"max_error_rate_percent", report.thresholds.maxErrorRatePercent},
                         {"max_time_ratio", report.thresholds.maxTimeRatio},
                         {"max_different_percent", report.thresholds.maxDifferentPercent}};
    out["verdict"] = verdictJson(report.verdict);
    out["differences"] = std::move(differences);
    out["differences_omitted"] = report.differencesOmitted;
    out["mapping_diagnostics"] = {{"v1", diagnosticsJson(report.v1MappingDiagnostics)},
                                  {"v2", diagnosticsJson(report.v2MappingDiagnostics)}};
    return out;
}

std::string corpusReportJUnit(const CorpusReport& report, std::string_view suiteName)
{
    const std::size_t tests = report.differences.size() + 1;
    const std::size_t failures = report.differences.size() + (report.verdict.go ? 0 : 1);
    const std::string suite = xmlEscape(suiteName);
    const std::string seconds = fixedDecimals((report.v1.totalUs + report.v2.totalUs) / 1e6, 6);
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
    property("records", std::to_string(report.records));
    property("identical_percent", fixedDecimals(report.identicalPercent, 2));
    property("v1_error_rate_percent", fixedDecimals(report.v1.errorRatePercent, 2));
    property("v2_error_rate_percent", fixedDecimals(report.v2.errorRatePercent, 2));
    property("v1_p50_us", fixedDecimals(report.v1.p50Us, 3));
    property("v1_p95_us", fixedDecimals(report.v1.p95Us, 3));
    property("v2_p50_us", fixedDecimals(report.v2.p50Us, 3));
    property("v2_p95_us", fixedDecimals(report.v2.p95Us, 3));
    property("time_ratio", fixedDecimals(report.timeRatio, 3));
    property("differences_omitted", std::to_string(report.differencesOmitted));
    x << "    </properties>\n";
    for (const RecordDifference& d : report.differences) {
        const std::string message = d.identical ? "failed on both engines: " + statusPair(d)
                                                : "outputs differ: " + statusPair(d);
        x << "    <testcase classname=\"" << suite << ".records\" name=\"line " << d.line << "\">\n"
          << "      <failure type=\"" << (d.identical ? "failure" : "difference") << "\" message=\""
          << xmlEscape(message) << "\">" << xmlEscape(differenceDetail(d)) << "</failure>\n"
          << "    </testcase>\n";
    }
    x << "    <testcase classname=\"" << suite << "\" name=\"verdict\">\n";
    std::string reasons;
    for (const VerdictCheck& c : report.verdict.checks)
        reasons += std::string(c.passed ? "ok: " : "FAILED: ") + c.reason + "\n";
    if (report.verdict.go) {
        x << "      <system-out>" << xmlEscape("GO\n" + reasons) << "</system-out>\n";
    } else {
        x << "      <failure type=\"verdict\" message=\"NO-GO\">" << xmlEscape(reasons) << "</failure>\n";
    }
    x << "    </testcase>\n  </testsuite>\n</testsuites>\n";
    return x.str();
}

std::string corpusReportText(const CorpusReport& report)
{
    std::ostringstream t;
    t << "records:        " << report.records << " (" << report.blankLines << " blank lines skipped)\n"
      << "identical:      " << report.identical << " (" << fixedDecimals(report.identicalPercent, 2) << " %)\n";
    for (const auto& [name, f] : {std::pair{"V1", &report.v1}, std::pair{"V2", &report.v2}}) {
        t << name << " errors:      " << f->failed + f->invalid << " (" << fixedDecimals(f->errorRatePercent, 2)
          << " %)   p50 " << fixedDecimals(f->p50Us, 1) << " us   p95 " << fixedDecimals(f->p95Us, 1) << " us\n";
    }
    t << "time V2 / V1:   " << (report.v1Runs ? fixedDecimals(report.timeRatio, 2) + "x" : std::string("n/a")) << '\n'
      << "verdict:        " << verdictName(report.verdict) << '\n';
    for (const VerdictCheck& c : report.verdict.checks)
        t << "  " << (!c.applicable ? "n/a" : c.passed ? "ok " : "NO ") << "  " << c.reason << '\n';
    return t.str();
}

} // namespace mdsl
