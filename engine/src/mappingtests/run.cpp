// Mapping tests: running a suite's cases, comparing outputs, accepting new outputs (--update).

#include "mdsl/analysis.h"
#include "mdsl/jsondiff.h"
#include "mdsl/mappingtests.h"
#include "mappingtests/value_text.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <utility>

namespace mdsl {

namespace fs = std::filesystem;

namespace {

/// A place to compare: both sides, either of which may be missing.
struct DiffPlace {
    std::string pointer;
    const Json* expected;
    const Json* actual;
};

std::optional<Json> copyOf(const Json* value)
{
    return value ? std::optional<Json>(*value) : std::nullopt;
}

/// The children of two containers of the same type, in document order: the expected's keys
/// (or indices), then the keys only the actual has.
void childPlaces(const DiffPlace& at, std::vector<DiffPlace>& out)
{
    const Json& e = *at.expected;
    const Json& a = *at.actual;
    if (e.is_object()) {
        for (const auto& [key, value] : e.items()) {
            const auto found = a.find(key);
            out.push_back({at.pointer + "/" + pointerToken(key), &value, found == a.end() ? nullptr : &*found});
        }
        for (const auto& [key, value] : a.items())
            if (!e.contains(key))
                out.push_back({at.pointer + "/" + pointerToken(key), nullptr, &value});
        return;
    }
    const std::size_t size = std::max(e.size(), a.size());
    for (std::size_t i = 0; i < size; ++i)
        out.push_back({at.pointer + "/" + std::to_string(i), i < e.size() ? &e[i] : nullptr,
                       i < a.size() ? &a[i] : nullptr});
}

/// The run's runtime error codes (E4xx), in order.
std::vector<std::string> runtimeCodes(const RunResult& result)
{
    std::vector<std::string> codes;
    for (const Diagnostic& d : result.diagnostics)
        if (d.severity == Severity::Error && d.code.starts_with("E4"))
            codes.push_back(d.code);
    return codes;
}

std::int64_t elapsedUs(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
}

/// Writes `text` beside `path` and renames it over `path`: a reader sees the old or the new file.
bool writeAtomically(const fs::path& path, const std::string& text, std::string& error)
{
    const fs::path temporary = path.string() + ".mdsl-tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            error = "cannot write '" + path.string() + "'";
            std::error_code ec;
            fs::remove(temporary, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        error = "cannot write '" + path.string() + "': " + ec.message();
        fs::remove(temporary, ec);
        return false;
    }
    return true;
}

/// "what changed" for --update: the differences and the error codes.
std::string changeText(const CaseResult& result)
{
    std::string text;
    for (const TestDifference& d : result.differences) {
        if (!text.empty())
            text += ", ";
        text += (d.pointer.empty() ? "(output)" : d.pointer) + ": " + detail::testValueText(d.expected, 60) + " -> "
              + detail::testValueText(d.actual, 60);
    }
    if (result.moreDifferences != 0)
        text += ", and " + std::to_string(result.moreDifferences) + " more";
    if (result.errors != result.expectedErrors) {
        const auto list = [](const std::vector<std::string>& codes) {
            std::string out = "[";
            for (const std::string& code : codes)
                out += (out.size() > 1 ? ", " : "") + code;
            return out + "]";
        };
        text += (text.empty() ? "" : ", ") + std::string("errors ") + list(result.expectedErrors) + " -> "
              + list(result.errors);
    }
    return text;
}

Json codesJson(const std::vector<std::string>& codes)
{
    Json out = Json::array();
    for (const std::string& code : codes)
        out.push_back(code);
    return out;
}

} // namespace

std::string detail::testValueText(const std::optional<Json>& value, std::size_t maxBytes)
{
    if (!value)
        return "missing";
    std::string text = value->dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > maxBytes && maxBytes > 3) {
        std::size_t cut = maxBytes - 3;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u)
            --cut;   // not inside a UTF-8 sequence
        text = text.substr(0, cut) + "...";
    }
    return text;
}

std::size_t SuiteReport::passed() const noexcept
{
    return static_cast<std::size_t>(std::count_if(cases.begin(), cases.end(), [](const CaseResult& c) { return c.passed; }));
}

std::size_t SuiteReport::failed() const noexcept
{
    return cases.size() - passed();
}

std::vector<TestDifference> testDifferences(const Json& expected, const std::optional<Json>& actual,
                                            std::size_t limit, std::uint64_t& more)
{
    std::vector<TestDifference> found;
    more = 0;
    const auto add = [&](const DiffPlace& at) {
        if (found.size() < limit)
            found.push_back({at.pointer, copyOf(at.expected), copyOf(at.actual)});
        else
            ++more;
    };
    if (!actual) {
        // No output at all (the mapping did not run) is not a null output.
        add({"", &expected, nullptr});
        return found;
    }
    // Depth first without recursion (outputs nest as deep as the limits allow): a stack of
    // places, children pushed in reverse so that they come out in document order.
    std::vector<DiffPlace> stack{{"", &expected, &*actual}};
    std::vector<DiffPlace> next;
    while (!stack.empty()) {
        const DiffPlace at = std::move(stack.back());
        stack.pop_back();
        if (!at.expected || !at.actual) {
            add(at);
            continue;
        }
        const bool containers = (at.expected->is_object() && at.actual->is_object())
                             || (at.expected->is_array() && at.actual->is_array());
        if (!containers) {
            if (!jsonEqual(*at.expected, *at.actual))
                add(at);
            continue;
        }
        next.clear();
        childPlaces(at, next);
        for (auto it = next.rbegin(); it != next.rend(); ++it)
            stack.push_back(std::move(*it));
    }
    return found;
}

SuiteReport runSuite(std::string_view mappingText, const TestSuite& suite, const SuiteRunSettings& settings)
{
    SuiteReport report;
    report.path = suite.path;
    report.kind = suite.kind;
    report.engine = settings.engine;
    report.nowMs = settings.nowMs;
    const Analysis analysis = analyze(mappingText, settings.flags);
    const Route route = settings.engine == TestEngine::V1 ? Route::V1Only : Route::V2Routed;
    // The mapping cannot run on the engine the suite picks first: said once, every case fails.
    for (const Diagnostic& d : settings.engine == TestEngine::V2 ? analysis.diagnostics(EngineKind::V2)
                                                                   : analysis.diagnostics(route))
        if (d.severity == Severity::Error)
            report.mappingErrors.push_back(d);
    RunOptions options;
    options.limits = settings.limits;
    options.pinnedNowMs = settings.nowMs;
    std::optional<PreparedMapping> prepared;
    if (settings.engine != TestEngine::V2)
        prepared = analysis.prepared(route);
    const auto keepErrors = [](CaseResult& c, std::vector<Diagnostic>& diagnostics) {
        for (Diagnostic& d : diagnostics)
            if (d.severity == Severity::Error && d.code.starts_with("E4"))
                c.diagnostics.push_back(std::move(d));
    };
    for (const TestCase& test : suite.cases) {
        const auto start = std::chrono::steady_clock::now();
        RunResult result = prepared ? dryRun(*prepared, test.input, options)
                                    : run(analysis.compiled(EngineKind::V2), test.input, options);
        CaseResult c;
        c.name = test.name;
        c.file = test.file;
        c.line = test.line;
        c.status = result.status;
        c.expectedErrors = test.errors;
        c.errors = runtimeCodes(result);
        c.output = std::move(result.output);
        if (result.status == RunStatus::Invalid)
            c.output.reset();   // nothing ran: no output, which is not a null output
        keepErrors(c, result.diagnostics);
        if (result.v2Failure) {
            // A fallback answers: why V2 failed is what the author needs to see.
            std::vector<Diagnostic> failed = result.v2Failure->diagnostics;
            keepErrors(c, failed);
        }
        c.differences = testDifferences(test.expected, c.output, kMaxDifferences, c.moreDifferences);
        c.passed = c.output && c.differences.empty() && c.errors == c.expectedErrors;
        c.elapsedUs = elapsedUs(start);
        report.cases.push_back(std::move(c));
    }
    return report;
}

UpdateOutcome updateSuite(const TestSuite& suite, const SuiteReport& report)
{
    UpdateOutcome outcome;
    if (!report.mappingErrors.empty()) {
        outcome.error = "the mapping is invalid: no expected output was changed";
        return outcome;
    }
    std::vector<std::string> lines = suite.lines;
    bool linesChanged = false;
    for (std::size_t i = 0; i < suite.cases.size() && i < report.cases.size(); ++i) {
        const TestCase& test = suite.cases[i];
        const CaseResult& result = report.cases[i];
        if (result.passed || !result.output)
            continue;
        if (suite.kind == SuiteKind::Ndjson) {
            // The record keeps its other members and their order; only this line is rewritten.
            Json record = test.record;
            record["expected"] = *result.output;
            if (result.errors.empty())
                record.erase("errors");
            else
                record["errors"] = codesJson(result.errors);
            lines[static_cast<std::size_t>(test.line - 1)] = record.dump(-1, ' ', false, Json::error_handler_t::replace);
            linesChanged = true;
        } else {
            if (!writeAtomically(test.file, result.output->dump(2, ' ', false, Json::error_handler_t::replace) + "\n",
                                 outcome.error))
                return outcome;
            const fs::path errorsFile = suite.path / (test.name + ".errors.json");
            std::error_code ec;
            if (!result.errors.empty()) {
                if (!writeAtomically(errorsFile, codesJson(result.errors).dump() + "\n", outcome.error))
                    return outcome;
            } else if (fs::exists(errorsFile, ec) && !fs::remove(errorsFile, ec)) {
                outcome.error = "cannot remove '" + errorsFile.string() + "'";
                return outcome;
            }
        }
        outcome.changes.push_back(test.name + ": " + changeText(result));
    }
    if (linesChanged) {
        std::string text;
        for (const std::string& line : lines)
            text += line + "\n";
        if (!writeAtomically(suite.path, text, outcome.error))
            outcome.changes.clear();
    }
    return outcome;
}

} // namespace mdsl
