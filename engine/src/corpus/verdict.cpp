// The verdict of a corpus comparison against the deployment plan's rollback triggers.

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

    checks.push_back(check("records", report.records > 0,
                           report.records > 0 ? std::to_string(report.records) + " records compared"
                                              : "the corpus has no records: nothing was compared"));

    const double errorRate = report.v2.errorRatePercent;
    const bool errorsOk = !(errorRate > limits.maxErrorRatePercent);
    checks.push_back(check("v2_error_rate", errorsOk,
                           "V2 error rate " + fixedDecimals(errorRate, 2) + " % "
                               + (errorsOk ? "is within" : "is above") + " the rollback threshold of "
                               + fixedDecimals(limits.maxErrorRatePercent, 2) + " % ("
                               + std::to_string(report.v2.failed) + " failed, "
                               + std::to_string(report.v2.invalid) + " invalid)"));

    if (!report.v1Runs || report.records == 0) {
        const std::string why = report.records == 0 ? "no records were run"
                                                     : "V1 does not run this mapping (a version 2 document)";
        checks.push_back(notApplicable("time_ratio", "speed not compared: " + why));
        checks.push_back(notApplicable("v1_compatibility", "compatibility not compared: " + why));
    } else {
        const bool speedOk = !(report.timeRatio > limits.maxTimeRatio);
        checks.push_back(check("time_ratio", speedOk,
                               "V2 takes " + fixedDecimals(report.timeRatio, 2) + "x V1's time, "
                                   + (speedOk ? "within" : "above") + " the rollback threshold of "
                                   + fixedDecimals(limits.maxTimeRatio, 2) + "x"));
        const std::uint64_t different = report.records - report.identical;
        const double differentPercent = 100.0 * static_cast<double>(different) / static_cast<double>(report.records);
        const bool compatible = !(differentPercent > limits.maxDifferentPercent);
        checks.push_back(check("v1_compatibility", compatible,
                               std::to_string(different) + " of " + std::to_string(report.records)
                                   + " records (" + fixedDecimals(differentPercent, 2)
                                   + " %) differ between V1 and V2; at most "
                                   + fixedDecimals(limits.maxDifferentPercent, 2) + " % allowed"));
    }
    for (const VerdictCheck& c : checks)
        verdict.go = verdict.go && c.passed;
    return verdict;
}

} // namespace mdsl
