// Mapping tests: the reports of suites as text, JSON and JUnit XML.

#include "mdsl/mappingtests.h"
#include "mdsl/report.h"
#include "mappingtests/value_text.h"

#include <sstream>

namespace mdsl {

namespace {

std::string codesText(const std::vector<std::string>& codes)
{
    if (codes.empty())
        return "none";
    std::string out;
    for (const std::string& code : codes)
        out += (out.empty() ? "" : ", ") + code;
    return out;
}

std::string caseLocation(const CaseResult& c)
{
    return c.file.string() + (c.line > 0 ? ":" + std::to_string(c.line) : std::string());
}

/// Why a case failed, one line each (the text report and JUnit's <failure>).
std::vector<std::string> failureLines(const SuiteReport& suite, const CaseResult& c)
{
    std::vector<std::string> lines;
    if (!c.output)
        lines.push_back(suite.mappingErrors.empty()
                            ? std::string("the run gave no output (status ") + std::string(statusName(c.status)) + ")"
                            : std::string("the mapping did not run: it is invalid under the suite's flags and engine"));
    for (const TestDifference& d : c.differences)
        lines.push_back((d.pointer.empty() ? std::string("(output)") : d.pointer) + ": expected "
                        + detail::testValueText(d.expected, 200) + ", got " + detail::testValueText(d.actual, 200));
    if (c.moreDifferences != 0)
        lines.push_back("... and " + std::to_string(c.moreDifferences) + " more differences");
    if (c.output && c.errors != c.expectedErrors)
        lines.push_back("runtime errors: expected " + codesText(c.expectedErrors) + ", got " + codesText(c.errors));
    return lines;
}

std::string xmlEscaped(std::string_view text)
{
    std::string out;
    for (const char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            // Control characters other than tab and newline are not allowed in XML 1.0.
            if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n')
                out += ' ';
            else
                out += ch;
        }
    }
    return out;
}

std::string junitSeconds(std::int64_t us)
{
    std::ostringstream out;
    out << static_cast<double>(us) / 1e6;
    return out.str();
}

std::size_t totalPassed(const std::vector<SuiteReport>& reports)
{
    std::size_t n = 0;
    for (const SuiteReport& r : reports)
        n += r.passed();
    return n;
}

std::size_t totalFailed(const std::vector<SuiteReport>& reports)
{
    std::size_t n = 0;
    for (const SuiteReport& r : reports)
        n += r.failed();
    return n;
}

} // namespace

std::string testReportText(const std::vector<SuiteReport>& reports, std::string_view mappingText,
                           std::string_view mappingName)
{
    std::ostringstream out;
    for (const SuiteReport& suite : reports) {
        out << "suite " << suite.path.string() << " (" << suite.cases.size() << " cases, engine "
            << testEngineName(suite.engine) << ")\n";
        if (!suite.mappingErrors.empty())
            out << renderText(suite.mappingErrors, mappingText, mappingName);
        for (const CaseResult& c : suite.cases) {
            out << (c.passed ? "  PASS  " : "  FAIL  ") << c.name;
            if (!c.passed)
                out << "  (" << caseLocation(c) << ')';
            out << '\n';
            if (c.passed)
                continue;
            for (const std::string& line : failureLines(suite, c))
                out << "        " << line << '\n';
            if ((c.errors != c.expectedErrors || !c.output) && !c.diagnostics.empty()) {
                std::istringstream rendered(renderText(c.diagnostics, mappingText, mappingName));
                for (std::string line; std::getline(rendered, line);)
                    out << "        " << line << '\n';
            }
        }
        out << "  " << suite.passed() << " passed, " << suite.failed() << " failed\n";
    }
    const std::size_t passed = totalPassed(reports);
    const std::size_t failed = totalFailed(reports);
    out << passed + failed << " cases: " << passed << " passed, " << failed << " failed\n";
    return out.str();
}

Json testReportJson(const std::vector<SuiteReport>& reports)
{
    Json suites = Json::array();
    for (const SuiteReport& suite : reports) {
        Json cases = Json::array();
        for (const CaseResult& c : suite.cases) {
            Json differences = Json::array();
            for (const TestDifference& d : c.differences) {
                // A missing side has no member: "expected": null is a null value.
                Json entry = {{"pointer", d.pointer}};
                if (d.expected)
                    entry["expected"] = *d.expected;
                if (d.actual)
                    entry["actual"] = *d.actual;
                differences.push_back(std::move(entry));
            }
            Json entry = {{"name", c.name},        {"file", c.file.string()},
                          {"passed", c.passed},    {"status", statusName(c.status)},
                          {"differences", std::move(differences)}, {"more_differences", c.moreDifferences},
                          {"expected_errors", c.expectedErrors},   {"errors", c.errors},
                          {"diagnostics", diagnosticsToJson(c.diagnostics)}, {"elapsed_us", c.elapsedUs}};
            if (c.line > 0)
                entry["line"] = c.line;
            if (c.output)
                entry["output"] = *c.output;
            cases.push_back(std::move(entry));
        }
        suites.push_back({{"path", suite.path.string()},
                          {"kind", suite.kind == SuiteKind::Folder ? "folder" : "ndjson"},
                          {"engine", testEngineName(suite.engine)},
                          {"now_ms", suite.nowMs},
                          {"mapping_errors", diagnosticsToJson(suite.mappingErrors)},
                          {"cases", std::move(cases)},
                          {"passed", suite.passed()},
                          {"failed", suite.failed()}});
    }
    return {{"suites", std::move(suites)}, {"passed", totalPassed(reports)}, {"failed", totalFailed(reports)}};
}

std::string testReportJUnit(const std::vector<SuiteReport>& reports)
{
    std::ostringstream out;
    const std::size_t passed = totalPassed(reports);
    const std::size_t failed = totalFailed(reports);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"mapping-dsl test\" tests=\"" << passed + failed << "\" failures=\"" << failed << "\">\n";
    for (const SuiteReport& suite : reports) {
        std::int64_t us = 0;
        for (const CaseResult& c : suite.cases)
            us += c.elapsedUs;
        const std::string name = xmlEscaped(suite.path.string());
        out << "  <testsuite name=\"" << name << "\" tests=\"" << suite.cases.size() << "\" failures=\""
            << suite.failed() << "\" errors=\"0\" time=\"" << junitSeconds(us) << "\">\n";
        for (const CaseResult& c : suite.cases) {
            out << "    <testcase classname=\"" << name << "\" name=\"" << xmlEscaped(c.name) << "\" time=\""
                << junitSeconds(c.elapsedUs) << '"';
            if (c.passed) {
                out << "/>\n";
                continue;
            }
            const std::vector<std::string> lines = failureLines(suite, c);
            out << ">\n      <failure message=\"" << xmlEscaped(lines.empty() ? "failed" : lines.front()) << "\">"
                << xmlEscaped(caseLocation(c)) << '\n';
            for (const std::string& line : lines)
                out << xmlEscaped(line) << '\n';
            for (const Diagnostic& d : c.diagnostics)
                out << xmlEscaped(d.code + ": " + d.message) << '\n';
            out << "</failure>\n    </testcase>\n";
        }
        out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
    return out.str();
}

} // namespace mdsl
