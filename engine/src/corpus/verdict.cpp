// The verdict of a corpus comparison against the deployment plan's figures. It cannot be
// vacuous: nothing compared, or a side that cannot run, is NO-GO.

#include "mdsl/corpus.h"

#include "corpus/decimal.h"

namespace mdsl {

using detail::fixedDecimals;

namespace {

VerdictCheck check(std::string name, bool passed, std::string reason)
{
    return VerdictCheck{std::move(name), true, passed, std::move(reason)};
}

VerdictCheck notApplicable(std::string name, std::string reason)
{
    return VerdictCheck{std::move(name), false, true, std::move(reason)};
}

std::string percent(std::uint64_t part, std::uint64_t whole)
{
    return fixedDecimals(whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole), 2) + " %";
}

// Why a side cannot give answers to compare, or "" when it can.
std::string cannotRun(const SideFigures& side, std::uint64_t compared)
{
    if (!side.runs) {
        std::string why = side.label + " cannot run: the mapping is invalid for its engine";
        for (const Diagnostic& d : side.mappingDiagnostics) {
            if (d.severity == Severity::Error) {
                why += " (" + d.code + ": " + d.message + ")";
                break;
            }
        }
        return why;
    }
    if (compared > 0 && side.invalid == compared)
        return side.label + " answered every record with status invalid";
    return {};
}

} // namespace

std::string_view verdictName(const Verdict& verdict) noexcept
{
    return verdict.go ? "GO" : "NO-GO";
}

Verdict decideVerdict(const CorpusReport& report)
{
    const Thresholds& limits = report.thresholds;
    Verdict verdict;
    std::vector<VerdictCheck>& checks = verdict.checks;

    const bool anything = report.compared > 0;
    checks.push_back(check("records", anything,
                           anything ? std::to_string(report.compared) + " records compared"
                           : report.records == 0
                               ? "the corpus has no records: nothing was compared"
                               : "nothing was compared: all " + std::to_string(report.records)
                                     + " records are invalid input"));

    std::string notComparable = cannotRun(report.left, report.compared);
    if (const std::string right = cannotRun(report.right, report.compared); !right.empty())
        notComparable += (notComparable.empty() ? "" : "; ") + right;
    const bool comparable = notComparable.empty();
    checks.push_back(check("comparable", comparable,
                           comparable ? report.left.label + " and " + report.right.label + " both answer"
                                      : "not comparable: " + notComparable));

    const double invalidPercent = report.records == 0
        ? 0.0
        : 100.0 * static_cast<double>(report.invalidInput) / static_cast<double>(report.records);
    const bool inputOk = !(invalidPercent > limits.maxInvalidInputPercent);
    checks.push_back(check("input", inputOk,
                           std::to_string(report.invalidInput) + " of " + std::to_string(report.records)
                               + " records (" + fixedDecimals(invalidPercent, 2) + " %) are invalid input; at most "
                               + fixedDecimals(limits.maxInvalidInputPercent, 2) + " % allowed"));

    if (!anything || !comparable) {
        const std::string why = !anything ? "nothing was compared" : "not comparable";
        checks.push_back(notApplicable("compatibility", "compatibility not judged: " + why));
        checks.push_back(notApplicable("error_rate", report.right.label + " error rate not judged: " + why));
        checks.push_back(notApplicable("time_ratio", "speed not judged: " + why));
    } else {
        const std::uint64_t different = report.compared - report.identical;
        const bool compatible = !(report.differentPercent() > limits.maxDifferentPercent);
        checks.push_back(check("compatibility", compatible,
                               std::to_string(different) + " of " + std::to_string(report.compared) + " records ("
                                   + percent(different, report.compared) + ") differ between " + report.left.label
                                   + " and " + report.right.label + "; at most "
                                   + fixedDecimals(limits.maxDifferentPercent, 2) + " % allowed"));

        const SideFigures& r = report.right;
        const bool errorsOk = !(r.errorRatePercent > limits.maxErrorRatePercent);
        const bool objectiveMet = !(r.errorRatePercent > limits.objectiveErrorRatePercent);
        checks.push_back(check("error_rate", errorsOk,
                               r.label + " error rate " + fixedDecimals(r.errorRatePercent, 2) + " % "
                                   + (errorsOk ? "is within" : "is above") + " the rollback threshold of "
                                   + fixedDecimals(limits.maxErrorRatePercent, 2) + " % (objective "
                                   + fixedDecimals(limits.objectiveErrorRatePercent, 2) + " %: "
                                   + (objectiveMet ? "met" : "not met") + "; " + std::to_string(r.failed)
                                   + " failed, " + std::to_string(r.invalid) + " invalid)"));

        if (!report.left.timed() || !report.right.timed()) {
            checks.push_back(notApplicable("time_ratio", "speed not judged: recorded outputs have no run time"));
        } else {
            const double ratio = report.timeRatio();
            const bool speedOk = !(ratio > limits.maxTimeRatio);
            checks.push_back(check("time_ratio", speedOk,
                                   r.label + " takes " + fixedDecimals(ratio, 2) + "x " + report.left.label
                                       + "'s time, " + (speedOk ? "within" : "above") + " the rollback threshold of "
                                       + fixedDecimals(limits.maxTimeRatio, 2) + "x"));
        }
    }
    for (const VerdictCheck& c : checks)
        verdict.go = verdict.go && c.passed;
    return verdict;
}

} // namespace mdsl
