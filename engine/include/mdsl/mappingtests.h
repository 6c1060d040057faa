#pragma once
// Mapping tests: the cases kept beside a mapping, each an input and the output the mapping must
// give for it (docs/cli.md, "Mapping tests"). A suite is a folder NAME.tests/ of
// CASE.input.json / CASE.expected.json pairs, or an NDJSON file NAME.tests.ndjson of
// {"input": …, "expected": …} records; it says which engine, flags and clock its cases run
// under. `mapping-dsl test` loads the suites, runs them and reports.
//
//   std::string error;
//   std::optional<TestSuite> suite = loadSuite("customer.tests", error);
//   SuiteReport report = runSuite(text, *suite, settings);   // compiled once, every case run
//   std::cout << testReportText({report});

#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

enum class SuiteKind { Folder, Ndjson };

/// The engine a suite's cases run on: production's V2-routed dry-run (with its V1 fallback
/// when the flags enable it), the V1-only dry-run, or the V2 engine alone.
enum class TestEngine { Routed, V1, V2 };
/// "routed", "v1" or "v2".
std::string_view testEngineName(TestEngine engine) noexcept;

/// A suite's settings as written (suite.json in a folder, a {"suite": {…}} first line in an
/// NDJSON file); every one optional.
struct SuiteSettingsText {
    std::optional<std::string> engine;   ///< "routed", "v1" or "v2"
    /// The flag file (YAML), as an absolute path (written relative to the suite's folder).
    std::optional<std::filesystem::path> flags;
    std::optional<std::string> now;      ///< the pinned clock, ISO 8601
};

/// One case: an input and what the run must give.
struct TestCase {
    std::string name;             ///< folder: CASE; NDJSON: its "name", else "line N"
    std::filesystem::path file;   ///< the expected file (folder) or the NDJSON file
    int line = 0;                 ///< NDJSON: the record's line; folder: 0
    Json input;
    Json expected;                ///< the expected output document (null is a value, not "none")
    /// The runtime error codes the run must report, in order (empty: the run must end ok).
    std::vector<std::string> errors;
    /// NDJSON: the record as read (kept to rewrite it with --update), else null.
    Json record;
};

struct TestSuite {
    SuiteKind kind = SuiteKind::Folder;
    std::filesystem::path path;   ///< the folder or the NDJSON file
    SuiteSettingsText settings;
    std::vector<TestCase> cases;  ///< folder: by name; NDJSON: line order
    /// NDJSON: every line as read (blank lines and the settings line included), for --update.
    std::vector<std::string> lines;
};

/// The suites kept beside a mapping file `DIR/NAME.mdsl`: `DIR/NAME.tests/` and
/// `DIR/NAME.tests.ndjson`, those that exist.
std::vector<std::filesystem::path> suitesBeside(const std::filesystem::path& mapping);

/// Reads a suite (a folder or an NDJSON file). On failure gives nullopt and one message in
/// `error` with the file, and its line and column when it is not JSON: a missing folder, a case
/// without its expected file or key, an unknown key, a suite without cases.
std::optional<TestSuite> loadSuite(const std::filesystem::path& path, std::string& error);

/// The clock a suite's cases run at when it pins none.
inline constexpr std::string_view kDefaultTestNow = "2026-01-01T00:00:00Z";

/// How a suite's cases run, its settings resolved (the clock always pinned).
struct SuiteRunSettings {
    TestEngine engine = TestEngine::Routed;
    Flags flags;
    std::int64_t nowMs = 0;
    RunLimits limits;
};

/// One difference between the expected and the actual output. nullopt = missing: an absent key
/// and a null value are different, as are a run that gives no output and a null output.
struct TestDifference {
    std::string pointer;              ///< JSON Pointer; "" for the whole output
    std::optional<Json> expected;
    std::optional<Json> actual;
};

struct CaseResult {
    std::string name;
    std::filesystem::path file;
    int line = 0;
    bool passed = false;
    RunStatus status = RunStatus::Ok;
    std::optional<Json> output;                 ///< unset when the mapping did not run
    std::vector<TestDifference> differences;    ///< at most kMaxDifferences
    std::uint64_t moreDifferences = 0;          ///< differences past kMaxDifferences
    std::vector<std::string> expectedErrors;
    std::vector<std::string> errors;            ///< the run's runtime error codes
    std::vector<Diagnostic> diagnostics;        ///< the run's runtime errors
    std::int64_t elapsedUs = 0;
};

inline constexpr std::size_t kMaxDifferences = 20;

struct SuiteReport {
    std::filesystem::path path;
    SuiteKind kind = SuiteKind::Folder;
    TestEngine engine = TestEngine::Routed;
    std::int64_t nowMs = 0;
    /// The mapping's validation errors under the suite's flags: it cannot run and every case fails.
    std::vector<Diagnostic> mappingErrors;
    std::vector<CaseResult> cases;
    [[nodiscard]] std::size_t passed() const noexcept;
    [[nodiscard]] std::size_t failed() const noexcept;
};

/// The differences of `actual` from `expected`, in document order, at most `limit` of them
/// (`more` counts the others). Numbers compare by value; object key order is not a difference.
std::vector<TestDifference> testDifferences(const Json& expected, const std::optional<Json>& actual,
                                            std::size_t limit, std::uint64_t& more);

/// Compiles the mapping once under the suite's settings and runs every case.
SuiteReport runSuite(std::string_view mappingText, const TestSuite& suite, const SuiteRunSettings& settings);

/// One line per case whose expected output or errors --update changed: "NAME: what changed".
struct UpdateOutcome {
    std::vector<std::string> changes;
    std::string error;   ///< non-empty: nothing or not everything was written
};

/// Accepts the current outputs (and runtime error codes) as expected for every case whose
/// result differs: writes each file to a temporary beside it and renames it over the old one.
/// A report whose mapping is invalid changes nothing.
UpdateOutcome updateSuite(const TestSuite& suite, const SuiteReport& report);

/// The reports for people: each failing case with its differences and errors, then totals.
/// `mappingText` and `mappingName` render the diagnostics' positions.
std::string testReportText(const std::vector<SuiteReport>& reports, std::string_view mappingText,
                           std::string_view mappingName);
/// {"suites": [{"path", "kind", "engine", "now", "mapping_errors", "cases": [...],
/// "passed", "failed"}], "passed", "failed"} (docs/schemas/mapping-tests.schema.json).
Json testReportJson(const std::vector<SuiteReport>& reports);
/// JUnit XML: one <testsuite> per suite, one <testcase> per case, <failure> for a failed one.
std::string testReportJUnit(const std::vector<SuiteReport>& reports);

} // namespace mdsl
