#pragma once
// Corpus comparison: two sides over an NDJSON corpus, record by record, the differences
// grouped by pattern, the figures the deployment plan asks for, and its verdict.
//
//   CorpusSide left = mappingSide("customer-v1.mdsl", v1Text, SideEngine::V1, flags);
//   CorpusSide right = mappingSide("customer-v2.mdsl", v2Text, SideEngine::Routed, flags);
//   CorpusReport r = compareCorpus(corpusStream, left, right, {});
//   std::cout << corpusReportText(r);          // or corpusReportJson(r), corpusReportJUnit(r, …)
//   return r.verdict.go ? 0 : 1;
//
// A side is a mapping run by an engine (v1, v2, or routed as production's dry-run routes it
// under the flags, fallback included), or recorded outputs: an NDJSON file aligned line by
// line with the corpus, or the "output" of a corpus of {"input": …, "output": …} pairs.
// Every non-blank line is a record (blank lines are skipped). A line that is not JSON, over
// the size limit, or a malformed pair is invalid input: counted apart, never run.
//
// Memory is bounded whatever the corpus' length: counters, histograms of the run times, and
// at most maxGroups groups of at most examplesPerGroup example records each. Reports of
// shards of a corpus merge (mergeCorpusReports) into the figures and verdict of one run.

#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mdsl {

/// The deployment plan's figures ("taux d'erreur V2 < 1 %", rollback "taux d'erreur V2 > 5 %",
/// "performance V2 > 2x dégradation vs V1", "incompatibilité détectée avec V1"): a value above
/// a limit is NO-GO, a value equal to it is still GO.
struct Thresholds {
    double maxErrorRatePercent = 5.0;        ///< the right side's failed or invalid records
    double objectiveErrorRatePercent = 1.0;  ///< shown beside the error rate, never judged
    double maxTimeRatio = 2.0;               ///< right time / left time (both sides run here)
    double maxDifferentPercent = 0.0;        ///< records whose two results differ
    double maxInvalidInputPercent = 0.0;     ///< records that are not a valid input line
};

/// How a mapping side runs: one engine, or production's routing (mdsl::dryRun).
enum class SideEngine { V1, V2, Routed };
/// "v1", "v2" or "routed".
std::string_view sideEngineName(SideEngine engine) noexcept;

enum class SideKind { Mapping, RecordedOutputs, PairOutputs };
/// "mapping", "outputs" or "pairs".
std::string_view sideKindName(SideKind kind) noexcept;

/// One side of a comparison.
struct CorpusSide {
    SideKind kind = SideKind::Mapping;
    std::string name;                 ///< the mapping's or the outputs' file, for reports
    std::string label;                ///< how reasons name the side ("V2", "customer-v2.mdsl on v2")
    std::string text;                 ///< Mapping: the mapping's text
    SideEngine engine = SideEngine::V2;
    Flags flags;
    /// RecordedOutputs: the outputs, one line per line of the corpus (blank lines included).
    /// A line is the output document, or a dry-run result object (`mapping-dsl run --ndjson`
    /// prints them: "engine", "route", "status", "output"), whose status counts.
    std::istream* outputs = nullptr;
};

/// A mapping side; the label is "NAME on ENGINE" ("V1"/"V2"/"routed" without a name).
CorpusSide mappingSide(std::string name, std::string text, SideEngine engine, const Flags& flags);
/// Recorded outputs read from `outputs` (aligned with the corpus).
CorpusSide outputsSide(std::string name, std::istream& outputs);
/// The "output" of each {"input", "output"} record of a pairs corpus.
CorpusSide pairOutputsSide();

/// Run times in buckets of 1/16 of a power of two (about 3 % wide): percentiles from a fixed
/// amount of memory, and histograms of shards add up to the histogram of the whole.
class TimeHistogram {
public:
    void add(std::int64_t ns);
    void merge(const TimeHistogram& other);
    [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
    /// Nearest-rank percentile, the middle of its bucket, in microseconds; 0 when empty.
    [[nodiscard]] double percentileUs(double percent) const;
    /// The non-empty buckets as (the middle of the bucket in microseconds, count), fastest
    /// first: the distribution a chart draws.
    [[nodiscard]] std::vector<std::pair<double, std::uint64_t>> bucketsUs() const;
    /// [[bucket, count], …] for the non-empty buckets; fromJson() reads it back.
    [[nodiscard]] Json toJson() const;
    static std::optional<TimeHistogram> fromJson(const Json& json);

private:
    std::vector<std::uint64_t> buckets_;
    std::uint64_t count_ = 0;
};

/// One side as the report describes it, and its figures over the compared records.
struct SideFigures {
    SideKind kind = SideKind::Mapping;
    std::string name;
    std::string label;
    SideEngine engine = SideEngine::V2;
    bool runs = true;             ///< a mapping valid for its engine (recorded outputs: true)
    std::vector<Diagnostic> mappingDiagnostics;   ///< validation errors and warnings
    /// A report read back (corpusReportFromJson): the diagnostics as written, written again.
    Json mappingDiagnosticsJson;
    std::uint64_t ok = 0;
    std::uint64_t failed = 0;
    std::uint64_t invalid = 0;
    std::uint64_t fallbacks = 0;  ///< routed: V1 answered after V2 failed
    double errorRatePercent = 0;  ///< (failed + invalid) / compared records * 100
    std::uint64_t totalNs = 0;    ///< sum of the records' run times (0: not run here)
    TimeHistogram times;
    /// With CorpusOptions::run.profile, a mapping side's rules over the compared records
    /// (calls, writes, skips, errors, time). Not carried by a report read back from JSON.
    std::optional<RuleProfile> profile;
    [[nodiscard]] bool timed() const noexcept { return kind == SideKind::Mapping; }
};

/// What differs at one place of the two outputs.
enum class DifferenceKind { Status, MissingVsNull, MissingVsValue, NullVsValue, TypeChange, ValueChange, ArrayLength };
/// "status", "missing vs null", "missing vs value", "null vs value", "type change",
/// "value change", "array length".
std::string_view differenceKindName(DifferenceKind kind) noexcept;

/// One example record of a group: its corpus line and the two values there (compact JSON,
/// at most 200 bytes; "(missing)" for an absent member, a status for Status).
struct GroupExample {
    std::uint64_t line = 0;
    std::string left;
    std::string right;
};

/// Records that differ the same way: at `pointer` (a JSON Pointer whose array indices are
/// `*`, "" for the whole output), of `kind`. A record counts once per group.
struct DifferenceGroup {
    std::string pointer;
    DifferenceKind kind = DifferenceKind::ValueChange;
    std::uint64_t records = 0;
    std::uint64_t firstLine = 0;
    std::vector<GroupExample> examples;   ///< the first ones, in line order
};

/// Records that one side answered with the same error (by code and rule), or invalid input
/// lines of the same kind (side "input").
struct FailureGroup {
    std::string side;        ///< "left", "right" or "input"
    RunStatus status = RunStatus::Failed;
    std::string code;        ///< E4xx, E3xx… ; input: E420 (not JSON), "size", "pair"
    std::string rule;        ///< "3: total <- …" (the mapping's line), or "" when none
    std::string message;     ///< the first record's message
    std::uint64_t records = 0;
    std::uint64_t firstLine = 0;
    std::vector<std::uint64_t> lines;     ///< the first ones, in line order
};

/// One check of the verdict.
struct VerdictCheck {
    std::string name;       ///< "records", "comparable", "input", "compatibility", "error_rate", "time_ratio"
    bool applicable = true; ///< false when the figure cannot be measured (then it passes)
    bool passed = true;
    std::string reason;     ///< one English sentence with the figure and the limit
};

struct Verdict {
    bool go = true;         ///< every applicable check passed
    std::vector<VerdictCheck> checks;
};

/// "GO" or "NO-GO".
std::string_view verdictName(const Verdict& verdict) noexcept;

struct CorpusReport {
    std::uint64_t firstLine = 0;       ///< the corpus lines this report covers (0: none)
    std::uint64_t lastLine = 0;
    std::uint64_t records = 0;         ///< non-blank lines
    std::uint64_t blankLines = 0;
    std::uint64_t invalidInput = 0;    ///< records that are not a valid input (never run)
    std::uint64_t compared = 0;        ///< records - invalidInput
    std::uint64_t identical = 0;       ///< compared records with the same status and output
    SideFigures left;
    SideFigures right;
    bool pairs = false;                ///< the corpus is {"input", "output"} pairs
    Thresholds thresholds;
    Verdict verdict;
    std::vector<DifferenceGroup> differences;   ///< most records first
    std::vector<FailureGroup> failures;         ///< most records first
    std::uint64_t ungroupedRecords = 0;         ///< records with a pattern past maxGroups
    /// The comparison stopped on bad input (outputs not aligned with the corpus…): one
    /// message with the position. The figures cover the lines before it; no verdict.
    std::string inputError;
    /// CorpusOptions::cancel stopped the run: the figures, groups and verdict cover lines
    /// firstLine..lastLine only, not the whole corpus.
    bool cancelled = false;

    [[nodiscard]] double identicalPercent() const noexcept;
    [[nodiscard]] double differentPercent() const noexcept;
    /// right total time / left total time; 0 unless both sides ran here.
    [[nodiscard]] double timeRatio() const noexcept;
};

/// A run's figures so far (CorpusOptions::progress): what a progress display shows.
struct CorpusProgress {
    std::uint64_t lines = 0;          ///< corpus lines done (blank ones included)
    std::uint64_t bytes = 0;          ///< corpus bytes done, line breaks included
    std::uint64_t records = 0;        ///< non-blank lines done
    std::uint64_t invalidInput = 0;
    std::uint64_t compared = 0;
    std::uint64_t identical = 0;
    std::uint64_t leftErrors = 0;     ///< records the left side failed or found invalid
    std::uint64_t rightErrors = 0;
    bool finished = false;            ///< the last call of a run (ended, stopped or cancelled)
};

struct CorpusOptions {
    unsigned jobs = 0;                  ///< worker threads; 0 = hardware concurrency
    Thresholds thresholds;
    RunOptions run;
    bool pairs = false;                 ///< corpus records are {"input": …, "output": …}
    std::size_t examplesPerGroup = 5;
    std::size_t maxGroups = 1000;       ///< difference and failure groups kept
    std::size_t maxLineBytes = 16u << 20;   ///< a longer line is invalid input
    std::uint64_t firstLine = 1;        ///< the number of the stream's first line (a shard's)
    /// Called on the calling thread with the figures so far, at most every progressIntervalMs
    /// while records are done, and once more (finished) at the end. Keep it short: the
    /// records wait for it.
    std::function<void(const CorpusProgress&)> progress;
    int progressIntervalMs = 50;
    /// Set from any thread to stop: no further line is read, the records under way finish,
    /// and the report covers the lines done (CorpusReport::cancelled).
    const std::atomic<bool>* cancel = nullptr;
};

/// A report's counts as progress figures (lines and bytes are left 0): what a display shows
/// once the run has ended.
CorpusProgress corpusProgress(const CorpusReport& report);

/// Runs both sides over every record of `corpus` (NDJSON), each mapping compiled once
/// (one analysis per text), and computes the figures, groups and verdict.
CorpusReport compareCorpus(std::istream& corpus, const CorpusSide& left, const CorpusSide& right,
                           const CorpusOptions& options);

/// Today's default: one mapping on V1 (left) and on V2 (right), labelled "V1" and "V2".
CorpusReport compareCorpus(std::string_view text, std::istream& corpus, const Flags& flags,
                           const CorpusOptions& options);

/// The verdict for a report's figures and thresholds: NO-GO when nothing was compared, when a
/// side cannot run (not comparable), when invalid input, differences, the right side's error
/// rate or the time ratio is above its limit.
Verdict decideVerdict(const CorpusReport& report);

/// The report as JSON (docs/schemas/compare-report.schema.json): everything merge needs.
Json corpusReportJson(const CorpusReport& report);

/// Reads a report written by corpusReportJson back; nullopt with `error` set when it is not one.
std::optional<CorpusReport> corpusReportFromJson(const Json& json, std::string& error);

/// Reports of disjoint shards of one corpus (each run with its firstLine) as the report of
/// one run over the whole: counts and histograms added, groups merged (examples: the first
/// ones by line), the verdict decided again. Nullopt with `error` when the reports compare
/// different sides, use different thresholds or overlap.
std::optional<CorpusReport> mergeCorpusReports(std::vector<CorpusReport> reports, std::size_t examplesPerGroup,
                                               std::size_t maxGroups, std::string& error);

/// The report as JUnit XML: one testcase per difference group and failure group (failed,
/// naming its records' lines) and one for the verdict (failed on NO-GO).
std::string corpusReportJUnit(const CorpusReport& report, std::string_view suiteName);

/// The report for people: figures, groups with their records' lines, the verdict and reasons.
std::string corpusReportText(const CorpusReport& report);

} // namespace mdsl
