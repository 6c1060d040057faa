// mapping-dsl test: runs the tests kept beside a mapping (NAME.tests/, NAME.tests.ndjson) and
// reports them; --update accepts the current outputs as expected.

#include "args.h"
#include "cmd_engine_options.h"
#include "io.h"

#include "mdsl/mappingtests.h"

#include <filesystem>
#include <iostream>

namespace cli {

namespace {

constexpr std::string_view kTestUsage = R"(Usage: mapping-dsl test MAPPING [--suite PATH] [--format text|json|junit] [--output FILE]
                        [--update] [--engine routed|v1|v2] [--flags FILE] [--now ISO8601]

Runs the tests kept beside a mapping: the folder NAME.tests/ (CASE.input.json and
CASE.expected.json pairs, an optional CASE.errors.json and suite.json) and the NDJSON file
NAME.tests.ndjson ({"input": ..., "expected": ...} records) next to NAME.mdsl. Each case passes
when the run's output equals the expected document (an absent key and a null value differ)
and its runtime errors are the expected ones (none unless the case lists them).

Options:
  --suite PATH      run this suite (a folder or an NDJSON file) instead of those beside MAPPING
  --format FORMAT   text (default), json or junit (JUnit XML for CI)
  --output FILE     write the report to FILE (atomically) instead of standard output
  --update          accept the current outputs (and runtime errors) as expected for the cases
                    that fail, rewriting their files atomically; print what changed, then
                    the report of the suites as updated
  --engine ENGINE   override the suites' engine: routed (default), v1 or v2
  --flags FILE      override the suites' flag file (YAML)
  --now ISO8601     override the suites' pinned clock (default 2026-01-01T00:00:00Z)
  --help            print this help

Exit codes: 0 every case passes (with --update: once updated), 1 a case fails, 2 usage or
I/O error (no suite, a malformed case).
)";

int testUsageError(const std::string& message)
{
    return commandUsageError("test", kTestUsage, message);
}

std::optional<mdsl::TestEngine> engineNamed(std::string_view name)
{
    if (name == "routed")
        return mdsl::TestEngine::Routed;
    if (name == "v1")
        return mdsl::TestEngine::V1;
    if (name == "v2")
        return mdsl::TestEngine::V2;
    return std::nullopt;
}

/// A suite's settings, the command's options first; prints what is wrong and gives nullopt.
std::optional<mdsl::SuiteRunSettings> resolve(const mdsl::TestSuite& suite, const ParsedArgs& args)
{
    mdsl::SuiteRunSettings settings;
    const std::string where = "'" + suite.path.string() + "': ";
    const std::string engine = args.value("--engine").value_or(suite.settings.engine.value_or("routed"));
    settings.engine = engineNamed(engine).value_or(mdsl::TestEngine::Routed);
    if (const auto flags = args.value("--flags")) {
        const std::optional<mdsl::Flags> read = readFlagsFile(*flags);
        if (!read)
            return std::nullopt;
        settings.flags = *read;
    } else if (suite.settings.flags) {
        const std::optional<mdsl::Flags> read = readFlagsFile(suite.settings.flags->string());
        if (!read)
            return std::nullopt;
        settings.flags = *read;
    }
    const std::string now = args.value("--now").value_or(suite.settings.now.value_or(std::string(mdsl::kDefaultTestNow)));
    const std::optional<std::int64_t> ms = parseIsoDateTime(now);
    if (!ms) {
        printError(where + "now '" + now + "' is not an ISO 8601 date-time such as 2026-11-23T22:45:00Z");
        return std::nullopt;
    }
    settings.nowMs = *ms;
    return settings;
}

} // namespace

int runTest(const std::vector<std::string>& args)
{
    int exitCode = kUsage;
    const auto parsed = parseCommand("test", kTestUsage, args,
                                     {{"--suite", true}, {"--format", true}, {"--output", true}, {"--update"},
                                      {"--engine", true}, {"--flags", true}, {"--now", true}},
                                     exitCode);
    if (!parsed)
        return exitCode;
    const std::string format = parsed->value("--format").value_or("text");
    if (format != "text" && format != "json" && format != "junit")
        return testUsageError("unknown format '" + format + "' (text, json or junit)");
    if (const auto engine = parsed->value("--engine"); engine && !engineNamed(*engine))
        return testUsageError("unknown engine '" + *engine + "' (routed, v1 or v2)");
    if (const auto now = parsed->value("--now"); now && !parseIsoDateTime(*now))
        return testUsageError("--now '" + *now + "' is not an ISO 8601 date-time such as 2026-11-23T22:45:00Z");
    const std::string& mappingPath = parsed->positional[0];
    if (mappingPath == "-")
        return testUsageError("the tests are found beside the mapping file: give its path, not '-'");

    std::vector<std::filesystem::path> paths;
    if (const auto suite = parsed->value("--suite"))
        paths.emplace_back(*suite);
    else
        paths = mdsl::suitesBeside(mappingPath);
    if (paths.empty()) {
        const std::filesystem::path base
            = std::filesystem::path(mappingPath).parent_path() / std::filesystem::path(mappingPath).stem();
        printError("test: no tests beside '" + mappingPath + "': make the folder '" + base.string()
                   + ".tests/' or the file '" + base.string() + ".tests.ndjson'");
        return kUsage;
    }
    std::string error;
    const std::optional<std::string> text = readText(mappingPath, error);
    if (!text) {
        printError(error);
        return kUsage;
    }

    std::vector<mdsl::SuiteReport> reports;
    for (const std::filesystem::path& path : paths) {
        const std::optional<mdsl::TestSuite> suite = mdsl::loadSuite(path, error);
        if (!suite) {
            printError("test: " + error);
            return kUsage;
        }
        const std::optional<mdsl::SuiteRunSettings> settings = resolve(*suite, *parsed);
        if (!settings)
            return kUsage;
        reports.push_back(mdsl::runSuite(*text, *suite, *settings));
        if (parsed->has("--update") && reports.back().failed() != 0) {
            const mdsl::UpdateOutcome outcome = mdsl::updateSuite(*suite, reports.back());
            for (const std::string& change : outcome.changes)
                std::cerr << "mapping-dsl: test: updated " << change << '\n';
            if (!outcome.error.empty()) {
                printError("test: " + outcome.error);
                return reports.back().mappingErrors.empty() ? kUsage : kFailed;
            }
            // The report says where the suite stands now: what could not be accepted (a run
            // without output) still fails.
            const std::optional<mdsl::TestSuite> updated = mdsl::loadSuite(path, error);
            if (!updated) {
                printError("test: " + error);
                return kUsage;
            }
            reports.back() = mdsl::runSuite(*text, *updated, *settings);
        }
    }

    std::string report;
    if (format == "json")
        report = mdsl::testReportJson(reports).dump(2, ' ', false, mdsl::Json::error_handler_t::replace) + "\n";
    else if (format == "junit")
        report = mdsl::testReportJUnit(reports);
    else
        report = mdsl::testReportText(reports, *text, mappingPath);
    if (const auto output = parsed->value("--output")) {
        if (!writeTextAtomically(*output, report, error)) {
            printError(error);
            return kUsage;
        }
    } else {
        std::cout << report;
    }
    for (const mdsl::SuiteReport& r : reports)
        if (r.failed() != 0)
            return kFailed;
    return kOk;
}

} // namespace cli
