// mapping-dsl compare: two sides (a mapping on an engine, or recorded outputs) over an NDJSON
// corpus, the differences grouped by pattern, and the verdict of the deployment plan; and
// `compare merge`, which adds up the reports of shards of one corpus.

#include "args.h"
#include "cmd_engine_options.h"
#include "io.h"

#include "mdsl/corpus.h"
#include "mdsl/report.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>

namespace cli {

namespace {

constexpr std::string_view kCompareUsage = R"(Usage: mapping-dsl compare [MAPPING] --ndjson CORPUS [--original FILE | --left SIDE]
                            [--right SIDE] [--pairs] [--flags FILE] [--report text|json|junit]
                            [--output FILE] [--jobs N] [--first-line N] [--profile] [thresholds]
       mapping-dsl compare merge REPORT.json... [--report text|json|junit] [--output FILE]

Runs two sides over every record of an NDJSON corpus and compares their answers record by
record: the left side is the reference, the right side is judged. Reports identical
records (%), each side's error rate, p50/p95 time per record, the time ratio right/left,
the differences grouped by pattern (JSON Pointer with array indices as *, and kind) and the
failures grouped by error code and rule, each with its records' line numbers, and the
verdict of the deployment plan: NO-GO when nothing was compared, when a side cannot run
(not comparable), when records differ, when the right side's error rate is above 5 % (the
objective of 1 % is shown), or when it takes more than 2x the left side's time.

Sides:
  MAPPING                    alone: MAPPING on V1 (left) against MAPPING on V2 (right)
  MAPPING --original FILE    FILE on V1 (the original) against MAPPING routed (production)
  --left SIDE, --right SIDE  any two sides; with them MAPPING is the right side, routed
  --pairs                    CORPUS records are {"input": ..., "output": ...}: the input is
                             run, the recorded output is the left side unless --left says
                             otherwise
  SIDE is FILE[:v1|v2|routed] (a mapping; default routed: production's routing and V1
  fallback under the flags), outputs:FILE (recorded outputs, one line per corpus line: the
  output, or a dry-run result line), or recorded (the pairs' outputs, with --pairs).

Options:
  --ndjson FILE     the corpus, one JSON document per line ('-': standard input)
  --flags FILE      production's flag file (YAML) for every mapping side; default: all on
  --report FORMAT   text (default), json (the full report, what merge reads) or junit (one
                    testcase per group and one for the verdict)
  --output FILE     write the report to FILE (atomically) instead of stdout
  --jobs N          worker threads (default: all cores)
  --first-line N    the number of CORPUS's first line, for a shard of a larger corpus
  --examples N      example records kept per group (default 5)
  --profile         each mapping side's rules over the records: calls, writes, skips, errors,
                    time and share (text and json; not carried by merge)
  --max-line-bytes N         a longer line is invalid input (default 16777216)
  --max-error-rate PERCENT   right side's error rate allowed (default 5, the plan's trigger)
  --max-time-ratio X         right time / left time allowed (default 2, the plan's trigger)
  --max-different PERCENT    records allowed to differ (default 0)
  --max-invalid-input PERCENT  corpus lines allowed to be invalid input (default 0)
  --help            print this help

Exit codes: 0 GO, 1 NO-GO, 2 usage or I/O error (a missing file, a flag file with errors,
recorded outputs not aligned with the corpus, a report merge cannot read).
)";

int compareUsageError(const std::string& message)
{
    return commandUsageError("compare", kCompareUsage, message);
}

// A number option; false (after the usage error is printed) when it is not one.
bool numberOption(const ParsedArgs& args, const std::string& name, double& into, int& exitCode)
{
    const auto value = args.value(name);
    if (!value)
        return true;
    std::size_t used = 0;
    try {
        into = std::stod(*value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != value->size() || !(into >= 0)) {
        exitCode = compareUsageError(name + " needs a number, not '" + *value + "'");
        return false;
    }
    return true;
}

bool countOption(const ParsedArgs& args, const std::string& name, std::uint64_t& into, int& exitCode)
{
    double value = static_cast<double>(into);
    if (!numberOption(args, name, value, exitCode))
        return false;
    if (value < 1 || value != static_cast<double>(static_cast<std::uint64_t>(value))) {
        exitCode = compareUsageError(name + " needs a positive whole number");
        return false;
    }
    into = static_cast<std::uint64_t>(value);
    return true;
}

bool writeReport(const mdsl::CorpusReport& report, const ParsedArgs& args, const std::string& format,
                 const std::string& suite)
{
    std::string rendered;
    if (format == "json")
        rendered = mdsl::corpusReportJson(report).dump(2, ' ', false, mdsl::Json::error_handler_t::replace) + "\n";
    else if (format == "junit")
        rendered = mdsl::corpusReportJUnit(report, suite);
    else
        rendered = mdsl::corpusReportText(report);
    if (const auto output = args.value("--output")) {
        std::string error;
        if (!writeTextAtomically(*output, rendered, error)) {
            printError(error);
            return false;
        }
    } else {
        std::cout << rendered;
    }
    return true;
}

// The sides as the user named them, the files read and the streams open.
struct Sides {
    mdsl::CorpusSide left;
    mdsl::CorpusSide right;
    std::ifstream outputs[2];
    bool defaultPair = false;   // MAPPING alone: V1 against V2
};

// Reads a side spec: FILE[:ENGINE], outputs:FILE or recorded. Prints what went wrong.
bool loadSide(const std::string& spec, const mdsl::Flags& flags, bool pairs, mdsl::CorpusSide& side,
              std::ifstream& outputs, int& exitCode)
{
    if (spec == "recorded") {
        if (!pairs) {
            exitCode = compareUsageError("the side 'recorded' needs --pairs (a corpus of input/output pairs)");
            return false;
        }
        side = mdsl::pairOutputsSide();
        return true;
    }
    if (spec.rfind("outputs:", 0) == 0) {
        const std::string path = spec.substr(8);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec) || (outputs.open(path, std::ios::binary), !outputs)) {
            printError("cannot read '" + path + "'");
            exitCode = kUsage;
            return false;
        }
        side = mdsl::outputsSide(path, outputs);
        return true;
    }
    std::string path = spec;
    mdsl::SideEngine engine = mdsl::SideEngine::Routed;
    for (const auto& [suffix, kind] : {std::pair{":v1", mdsl::SideEngine::V1}, std::pair{":v2", mdsl::SideEngine::V2},
                                       std::pair{":routed", mdsl::SideEngine::Routed}}) {
        const std::string s(suffix);
        if (path.size() > s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0) {
            path.resize(path.size() - s.size());
            engine = kind;
        }
    }
    std::string error;
    std::optional<std::string> text = path == "-" ? std::nullopt : readText(path, error);
    if (!text) {
        printError(path == "-" ? "a side's mapping cannot be standard input" : error);
        exitCode = kUsage;
        return false;
    }
    side = mdsl::mappingSide(path, std::move(*text), engine, flags);
    return true;
}

bool resolveSides(const ParsedArgs& args, const mdsl::Flags& flags, Sides& sides, int& exitCode)
{
    const std::optional<std::string> mapping = args.positional.empty() ? std::nullopt
                                                                       : std::optional(args.positional[0]);
    const bool pairs = args.has("--pairs");
    auto left = args.value("--left");
    auto right = args.value("--right");
    if (args.value("--original")) {
        if (left) {
            exitCode = compareUsageError("--original and --left both name the left side");
            return false;
        }
        left = *args.value("--original") + ":v1";
    }
    if (!left && !right && !pairs && mapping) {
        sides.defaultPair = true;
        left = *mapping + ":v1";
        right = *mapping + ":v2";
    }
    if (!left && pairs)
        left = "recorded";
    if (!right && mapping)
        right = *mapping + (mapping->find(':') == std::string::npos ? ":routed" : "");
    else if (right && mapping && !sides.defaultPair) {
        exitCode = compareUsageError("MAPPING and --right both name the right side");
        return false;
    }
    if (!left || !right) {
        exitCode = compareUsageError(std::string("missing the ") + (!left ? "left" : "right")
                                     + " side: give MAPPING, --original FILE, --left SIDE or --right SIDE");
        return false;
    }
    if (!loadSide(*left, flags, pairs, sides.left, sides.outputs[0], exitCode)
        || !loadSide(*right, flags, pairs, sides.right, sides.outputs[1], exitCode))
        return false;
    if (sides.defaultPair) {   // today's labels: the engines are the sides
        sides.left.label = "V1";
        sides.right.label = "V2";
    }
    return true;
}

// Why a mapping side cannot run, on standard error, with the mapping's lines.
void explainSides(const Sides& sides, const mdsl::CorpusReport& report)
{
    for (const auto& [side, figures] : {std::pair{&sides.left, &report.left}, std::pair{&sides.right, &report.right}}) {
        if (side->kind != mdsl::SideKind::Mapping || figures->mappingDiagnostics.empty())
            continue;
        if (figures->runs && side == &sides.left && sides.defaultPair)
            continue;   // the same text as the right side: said once
        std::cerr << mdsl::renderText(figures->mappingDiagnostics, side->text, side->name);
    }
    if (sides.defaultPair && !report.left.runs)
        std::cerr << "hint: V1 does not run a version 2 mapping; compare it with its original: "
                     "mapping-dsl compare " << sides.right.name << " --original ORIGINAL.mdsl --ndjson CORPUS\n";
}

int runMerge(const std::vector<std::string>& args)
{
    int exitCode = kUsage;
    std::string error;
    const std::optional<ParsedArgs> parsed = cli::parse(
        args, {{"--report", true}, {"--output", true}, {"--examples", true}, {"--help", false}}, error);
    if (parsed && parsed->has("--help")) {
        std::cout << kCompareUsage;
        return kOk;
    }
    if (!parsed)
        return compareUsageError(error);
    if (parsed->positional.empty())
        return compareUsageError("merge needs the JSON reports of the shards");
    const std::string format = parsed->value("--report").value_or("text");
    if (format != "text" && format != "json" && format != "junit")
        return compareUsageError("unknown report '" + format + "' (text, json or junit)");
    std::uint64_t examples = 5;
    if (!countOption(*parsed, "--examples", examples, exitCode))
        return exitCode;
    std::vector<mdsl::CorpusReport> reports;
    for (const std::string& path : parsed->positional) {
        const std::optional<mdsl::Json> json = readJsonDocument(path);
        if (!json)
            return kUsage;
        auto report = mdsl::corpusReportFromJson(*json, error);
        if (!report) {
            printError(path + ": " + error);
            return kUsage;
        }
        reports.push_back(std::move(*report));
    }
    const auto merged = mdsl::mergeCorpusReports(std::move(reports), examples, 1000, error);
    if (!merged) {
        printError(error);
        return kUsage;
    }
    if (!writeReport(*merged, *parsed, format, merged->right.name.empty() ? "compare" : merged->right.name))
        return kUsage;
    return merged->verdict.go ? kOk : kFailed;
}

} // namespace

int runCompare(const std::vector<std::string>& args)
{
    if (!args.empty() && args[0] == "merge")
        return runMerge(std::vector<std::string>(args.begin() + 1, args.end()));
    int exitCode = kUsage;
    std::string error;
    const std::optional<ParsedArgs> parsed = cli::parse(
        args,
        {{"--ndjson", true}, {"--flags", true}, {"--report", true}, {"--output", true}, {"--jobs", true},
         {"--original", true}, {"--left", true}, {"--right", true}, {"--pairs", false}, {"--first-line", true},
         {"--examples", true}, {"--max-line-bytes", true}, {"--max-error-rate", true}, {"--max-time-ratio", true},
         {"--max-different", true}, {"--max-invalid-input", true}, {"--profile", false}, {"--help", false}},
        error);
    if (parsed && parsed->has("--help")) {
        std::cout << kCompareUsage;
        return kOk;
    }
    if (!parsed)
        return compareUsageError(error);
    if (parsed->positional.size() > 1)
        return compareUsageError("too many arguments");
    const std::optional<std::string> corpusPath = parsed->value("--ndjson");
    if (!corpusPath)
        return compareUsageError("missing --ndjson CORPUS");
    const std::string format = parsed->value("--report").value_or("text");
    if (format != "text" && format != "json" && format != "junit")
        return compareUsageError("unknown report '" + format + "' (text, json or junit)");
    const std::optional<unsigned> jobs = jobsOption(*parsed);
    if (!jobs)
        return compareUsageError("--jobs needs a positive number");

    mdsl::CorpusOptions options;
    options.jobs = *jobs;
    options.pairs = parsed->has("--pairs");
    options.run.profile = parsed->has("--profile");
    mdsl::Thresholds& t = options.thresholds;
    std::uint64_t examples = options.examplesPerGroup;
    std::uint64_t maxLineBytes = options.maxLineBytes;
    if (!numberOption(*parsed, "--max-error-rate", t.maxErrorRatePercent, exitCode)
        || !numberOption(*parsed, "--max-time-ratio", t.maxTimeRatio, exitCode)
        || !numberOption(*parsed, "--max-different", t.maxDifferentPercent, exitCode)
        || !numberOption(*parsed, "--max-invalid-input", t.maxInvalidInputPercent, exitCode)
        || !countOption(*parsed, "--first-line", options.firstLine, exitCode)
        || !countOption(*parsed, "--examples", examples, exitCode)
        || !countOption(*parsed, "--max-line-bytes", maxLineBytes, exitCode))
        return exitCode;
    options.examplesPerGroup = static_cast<std::size_t>(examples);
    options.maxLineBytes = static_cast<std::size_t>(maxLineBytes);

    const std::optional<mdsl::Flags> flags = flagsOption(*parsed);
    if (!flags)
        return kUsage;
    auto sides = std::make_unique<Sides>();
    if (!resolveSides(*parsed, *flags, *sides, exitCode))
        return exitCode;
    std::ifstream file;
    if (*corpusPath != "-") {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(*corpusPath, ec) || (file.open(*corpusPath, std::ios::binary), !file)) {
            printError("cannot read '" + *corpusPath + "'");
            return kUsage;
        }
    }
    std::istream& corpus = *corpusPath == "-" ? std::cin : file;
    const mdsl::CorpusReport report = mdsl::compareCorpus(corpus, sides->left, sides->right, options);
    if (corpus.bad()) {
        printError("cannot read '" + *corpusPath + "'");
        return kUsage;
    }
    if (!report.inputError.empty()) {
        printError(report.inputError);
        return kUsage;
    }
    if (format == "text")
        explainSides(*sides, report);
    if (!writeReport(report, *parsed, format, sides->right.name))
        return kUsage;
    return report.verdict.go ? kOk : kFailed;
}

} // namespace cli
