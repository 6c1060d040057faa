// mapping-dsl compare: a mapping through both engines over an NDJSON corpus, with the
// figures and the verdict of the deployment plan's rollback thresholds.

#include "args.h"
#include "cmd_engine_options.h"
#include "io.h"

#include "mdsl/corpus.h"
#include "mdsl/report.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>

namespace cli {

namespace {

constexpr std::string_view kCompareUsage = R"(Usage: mapping-dsl compare FILE --ndjson CORPUS [--flags FILE] [--report text|json|junit]
                            [--output FILE] [--jobs N] [--max-error-rate PERCENT]
                            [--max-time-ratio X]

Runs a mapping through the V1 and the V2 engine on every record of an NDJSON corpus and
reports: identical outputs (%), each engine's error rate (failed or invalid records, %),
p50/p95 time per record, the time ratio V2/V1, and the verdict against the deployment
plan's rollback thresholds: NO-GO when V2's error rate is above 5 %, when V2 takes more
than 2x V1's time, or when a version 1 mapping gives different results; else GO.

Options:
  --ndjson FILE     the corpus, one JSON document per line ('-': standard input)
  --flags FILE      production's flag file (YAML); default: all seven flags on
  --report FORMAT   text (default): figures and verdict; json: the full report;
                    junit: JUnit XML, one testcase per differing or failing record and one
                    for the verdict
  --output FILE     write the report to FILE (atomically) instead of stdout
  --jobs N          worker threads (default: all cores)
  --max-error-rate PERCENT   V2 error rate allowed (default 5, the plan's trigger)
  --max-time-ratio X         V2 time / V1 time allowed (default 2, the plan's trigger)
  --help            print this help

Exit codes: 0 GO, 1 NO-GO, 2 usage or I/O error (or a flag file with errors).
)";

int compareUsageError(const std::string& message)
{
    return commandUsageError("compare", kCompareUsage, message);
}

} // namespace

int runCompare(const std::vector<std::string>& args)
{
    int exitCode = kUsage;
    const auto parsed = parseCommand("compare", kCompareUsage, args,
                                     {{"--ndjson", true}, {"--flags", true}, {"--report", true}, {"--output", true},
                                      {"--jobs", true}, {"--max-error-rate", true}, {"--max-time-ratio", true}},
                                     exitCode);
    if (!parsed)
        return exitCode;
    const std::optional<std::string> corpusPath = parsed->value("--ndjson");
    if (!corpusPath)
        return compareUsageError("missing --ndjson CORPUS");
    const std::string& path = parsed->positional[0];
    if (path == "-" && *corpusPath == "-")
        return compareUsageError("the mapping and the corpus cannot both be standard input");
    const std::string format = parsed->value("--report").value_or("text");
    if (format != "text" && format != "json" && format != "junit")
        return compareUsageError("unknown report '" + format + "' (text, json or junit)");
    const std::optional<unsigned> jobs = jobsOption(*parsed);
    if (!jobs)
        return compareUsageError("--jobs needs a positive number");

    const std::optional<MappingInput> in = loadMapping(*parsed);
    if (!in)
        return kUsage;
    std::ifstream file;
    if (*corpusPath != "-") {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(*corpusPath, ec) || (file.open(*corpusPath, std::ios::binary), !file)) {
            printError("cannot read '" + *corpusPath + "'");
            return kUsage;
        }
    }
    std::istream& corpus = *corpusPath == "-" ? std::cin : file;

    mdsl::CorpusOptions options;
    options.jobs = *jobs;
    for (const auto& [name, limit] : {std::pair{"--max-error-rate", &options.thresholds.maxErrorRatePercent},
                                      std::pair{"--max-time-ratio", &options.thresholds.maxTimeRatio}}) {
        if (const auto value = parsed->value(name)) {
            std::size_t used = 0;
            try {
                *limit = std::stod(*value, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || used != value->size() || !(*limit >= 0))
                return compareUsageError(std::string(name) + " needs a number, not '" + *value + "'");
        }
    }
    const mdsl::CorpusReport report = mdsl::compareCorpus(in->text, corpus, in->flags, options);
    if (corpus.bad()) {
        printError("cannot read '" + *corpusPath + "'");
        return kUsage;
    }
    std::string rendered;
    if (format == "json") {
        rendered = mdsl::corpusReportJson(report).dump(2, ' ', false, mdsl::Json::error_handler_t::replace) + "\n";
    } else if (format == "junit") {
        rendered = mdsl::corpusReportJUnit(report, in->name);
    } else {
        rendered = mdsl::corpusReportText(report);
        // A mapping that an engine refuses explains every record: show why, once.
        std::cerr << mdsl::renderText(report.v2MappingDiagnostics, in->text, in->name);
    }
    if (const auto output = parsed->value("--output")) {
        std::string error;
        if (!writeTextAtomically(*output, rendered, error)) {
            printError(error);
            return kUsage;
        }
    } else {
        std::cout << rendered;
    }
    return report.verdict.go ? kOk : kFailed;
}

} // namespace cli
