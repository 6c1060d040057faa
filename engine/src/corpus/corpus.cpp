// Corpus comparison (mdsl/corpus.h): both engines over every record, on the batch's
// order-preserving parallel map, then the figures.

#include "mdsl/corpus.h"

#include "batch/ndjson.h"
#include "batch/ordered_pool.h"
#include "mdsl/batch.h"

#include <algorithm>
#include <cmath>
#include <istream>
#include <optional>

namespace mdsl {

namespace {

struct RecordOutcome {
    bool blank = false;
    RunStatus v1 = RunStatus::Ok;
    RunStatus v2 = RunStatus::Ok;
    bool identical = true;
    std::int64_t v1Ns = 0;
    std::int64_t v2Ns = 0;
    std::optional<RecordDifference> difference;   // kept when not identical or not both ok
};

std::vector<Diagnostic> errorsOf(const std::vector<Diagnostic>& diagnostics)
{
    std::vector<Diagnostic> errors;
    std::copy_if(diagnostics.begin(), diagnostics.end(), std::back_inserter(errors),
                 [](const Diagnostic& d) { return d.severity == Severity::Error; });
    return errors;
}

RecordOutcome compareLine(const detail::NdjsonLine& line, const CompiledMapping& v1,
                          const CompiledMapping& v2, const RunOptions& options)
{
    // A version 2 mapping that V1 refuses differs on every record: only V2's failures matter.
    const bool v1Runs = v1.ok();
    RecordOutcome outcome;
    if (detail::isBlank(line.text)) {
        outcome.blank = true;
        return outcome;
    }
    RecordDifference difference;
    difference.line = line.number;
    Diagnostic error;
    if (const std::optional<Json> input = detail::parseLine(line, error)) {
        const Comparison c = compareEngines(v1, v2, *input, options);
        outcome = {false, c.v1.status, c.v2.status, c.identical, c.v1Ns, c.v2Ns, std::nullopt};
        difference.patch = c.patch;
        difference.v1Errors = errorsOf(c.v1.diagnostics);
        difference.v2Errors = errorsOf(c.v2.diagnostics);
    } else {
        // Neither engine can run on it: both answer invalid, with the same diagnostic.
        outcome.v1 = outcome.v2 = RunStatus::Invalid;
        difference.patch = Json::array();
        difference.v1Errors = difference.v2Errors = {error};
    }
    const bool keep = v1Runs ? !outcome.identical || outcome.v1 != RunStatus::Ok || outcome.v2 != RunStatus::Ok
                             : outcome.v2 != RunStatus::Ok;
    if (keep) {
        difference.identical = outcome.identical;
        difference.v1Status = outcome.v1;
        difference.v2Status = outcome.v2;
        outcome.difference = std::move(difference);
    }
    return outcome;
}

// Nearest-rank percentile of run times in nanoseconds, as microseconds.
double percentileUs(std::vector<std::int64_t>& ns, double percent)
{
    if (ns.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(ns.size())));
    const std::size_t index = rank == 0 ? 0 : rank - 1;
    std::nth_element(ns.begin(), ns.begin() + static_cast<std::ptrdiff_t>(index), ns.end());
    return static_cast<double>(ns[index]) / 1000.0;
}

void count(EngineFigures& figures, RunStatus status)
{
    if (status == RunStatus::Ok)
        ++figures.ok;
    else if (status == RunStatus::Failed)
        ++figures.failed;
    else
        ++figures.invalid;
}

void finish(EngineFigures& figures, std::vector<std::int64_t>& ns, std::uint64_t records)
{
    figures.errorRatePercent = records == 0
        ? 0
        : 100.0 * static_cast<double>(figures.failed + figures.invalid) / static_cast<double>(records);
    double total = 0;
    for (const std::int64_t t : ns)
        total += static_cast<double>(t);
    figures.totalUs = total / 1000.0;
    figures.p50Us = percentileUs(ns, 50);
    figures.p95Us = percentileUs(ns, 95);
}

} // namespace

CorpusReport compareCorpus(std::string_view text, std::istream& corpus, const Flags& flags,
                           const CorpusOptions& options)
{
    CorpusReport report;
    report.thresholds = options.thresholds;
    const CompiledMapping v1 = compile(text, EngineKind::V1, flags);
    const CompiledMapping v2 = compile(text, EngineKind::V2, flags);
    report.v1MappingDiagnostics = v1.diagnostics();
    report.v2MappingDiagnostics = v2.diagnostics();
    report.v1Runs = v1.ok();

    const unsigned jobs = effectiveJobs(options.jobs);
    std::vector<std::int64_t> v1Ns;
    std::vector<std::int64_t> v2Ns;
    std::uint64_t lineCount = 0;
    detail::orderedParallelMap<detail::NdjsonLine, RecordOutcome>(
        jobs, std::size_t{64} * jobs,
        [&](detail::NdjsonLine& line) { return detail::readLine(corpus, lineCount, line); },
        [&](std::uint64_t, detail::NdjsonLine& line) { return compareLine(line, v1, v2, options.run); },
        [&](std::uint64_t, RecordOutcome&& outcome) {
            if (outcome.blank) {
                ++report.blankLines;
                return;
            }
            ++report.records;
            report.identical += outcome.identical ? 1 : 0;
            count(report.v1, outcome.v1);
            count(report.v2, outcome.v2);
            v1Ns.push_back(outcome.v1Ns);
            v2Ns.push_back(outcome.v2Ns);
            if (outcome.difference) {
                if (report.differences.size() < options.maxDifferences)
                    report.differences.push_back(std::move(*outcome.difference));
                else
                    ++report.differencesOmitted;
            }
        });

    report.identicalPercent = report.records == 0
        ? 100.0
        : 100.0 * static_cast<double>(report.identical) / static_cast<double>(report.records);
    finish(report.v1, v1Ns, report.records);
    finish(report.v2, v2Ns, report.records);
    report.timeRatio = report.v1Runs && report.v1.totalUs > 0 ? report.v2.totalUs / report.v1.totalUs : 0;
    report.verdict = decideVerdict(report);
    return report;
}

} // namespace mdsl
