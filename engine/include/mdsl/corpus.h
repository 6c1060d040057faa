#pragma once
// Corpus comparison: one mapping through both engines over an NDJSON corpus, the figures the
// deployment plan asks for, and its verdict against the plan's rollback thresholds.
//
//   CorpusReport r = compareCorpus(text, corpusStream, flags, {});
//   std::cout << corpusReportJson(r).dump(2);     // or corpusReportJUnit(r, "orders.mdsl")
//   return r.verdict.go ? 0 : 1;
//
// Every non-blank line is a record (blank lines are skipped, as in batch dry-runs). A line
// that is not JSON is a record that both engines answer with status invalid.

#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"
#include "mdsl/json.h"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

/// The deployment plan's rollback triggers ("taux d'erreur V2 > 5 %", "performance V2 > 2x
/// dégradation vs V1"): a value above a limit is NO-GO, a value equal to it is still GO.
/// The plan's "incompatibilité détectée avec V1" is the third check: when V1 runs the mapping
/// (a version 1 document), records whose results differ are NO-GO past maxDifferentPercent.
struct Thresholds {
    double maxErrorRatePercent = 5.0;   ///< V2's failed or invalid records, in percent
    double maxTimeRatio = 2.0;          ///< V2 time / V1 time
    double maxDifferentPercent = 0.0;   ///< records whose V1 and V2 results differ, in percent
};

/// The figures of one engine over the corpus.
struct EngineFigures {
    std::uint64_t ok = 0;
    std::uint64_t failed = 0;
    std::uint64_t invalid = 0;
    double errorRatePercent = 0;   ///< (failed + invalid) / records * 100
    double p50Us = 0;              ///< median run time of a record, microseconds
    double p95Us = 0;
    double totalUs = 0;            ///< sum of the records' run times
};

/// A record whose two results differ or where an engine did not answer ok.
struct RecordDifference {
    std::uint64_t line = 0;                ///< 1-based line of the corpus
    bool identical = false;
    RunStatus v1Status = RunStatus::Ok;
    RunStatus v2Status = RunStatus::Ok;
    Json patch;                            ///< V1 output -> V2 output (RFC 6902)
    std::vector<Diagnostic> v1Errors;      ///< errors only (warnings dropped)
    std::vector<Diagnostic> v2Errors;
};

/// One check of the verdict.
struct VerdictCheck {
    std::string name;       ///< "records", "v2_error_rate", "time_ratio", "v1_compatibility"
    bool applicable = true; ///< false when the figure cannot be measured (then it passes)
    bool passed = true;
    std::string reason;     ///< one English sentence with the figure and the limit
};

struct Verdict {
    bool go = true;                    ///< every applicable check passed
    std::vector<VerdictCheck> checks;
};

/// "GO" or "NO-GO".
std::string_view verdictName(const Verdict& verdict) noexcept;

struct CorpusReport {
    std::uint64_t records = 0;         ///< non-blank lines
    std::uint64_t blankLines = 0;
    std::uint64_t identical = 0;       ///< records with the same status and output
    double identicalPercent = 0;       ///< 100 when the corpus is empty
    EngineFigures v1;
    EngineFigures v2;
    double timeRatio = 0;              ///< V2 total time / V1 total time (0 when V1 did not run)
    bool v1Runs = true;                ///< V1 accepts the mapping (a version 1 document)
    Thresholds thresholds;
    Verdict verdict;
    std::vector<RecordDifference> differences;   ///< in line order, at most maxDifferences
    std::uint64_t differencesOmitted = 0;        ///< past maxDifferences
    std::vector<Diagnostic> v1MappingDiagnostics;   ///< validation of the mapping for V1
    std::vector<Diagnostic> v2MappingDiagnostics;   ///< and for V2
};

struct CorpusOptions {
    unsigned jobs = 0;                  ///< worker threads; 0 = hardware concurrency
    std::size_t maxDifferences = 1000;  ///< records kept in detail (the counts cover all)
    Thresholds thresholds;
    RunOptions run;
};

/// Runs both engines over every record of `corpus` (NDJSON), the mapping compiled once per
/// engine, and computes the figures and the verdict. Memory grows by two timings per record
/// and the kept differences, never by the records themselves.
CorpusReport compareCorpus(std::string_view text, std::istream& corpus, const Flags& flags,
                           const CorpusOptions& options);

/// The verdict for a report's figures and thresholds: NO-GO when the corpus has no record,
/// when V2's error rate is above its limit, or, when V1 runs the mapping, when V2's time is
/// more than the limit times V1's or more records differ than allowed.
Verdict decideVerdict(const CorpusReport& report);

/// The report as JSON: counts, percentages, timings, thresholds, verdict and differences.
Json corpusReportJson(const CorpusReport& report);

/// The report as JUnit XML: one testcase per kept difference or failure and one for the
/// verdict (failed on NO-GO). `suiteName` names the testsuite, e.g. the mapping's file.
std::string corpusReportJUnit(const CorpusReport& report, std::string_view suiteName);

/// A short text summary for people: figures, then the verdict and its reasons.
std::string corpusReportText(const CorpusReport& report);

} // namespace mdsl
