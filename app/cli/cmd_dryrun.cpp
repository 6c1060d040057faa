// mapping-dsl dry-run: one input through the routed engine, one engine, or both side by side;
// or a whole NDJSON stream in batch mode, one result line per input line.

#include "args.h"
#include "cmd_engine_options.h"
#include "io.h"

#include "mdsl/batch.h"
#include "mdsl/engine.h"
#include "mdsl/report.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

namespace cli {

namespace {

constexpr std::string_view kDryRunUsage = R"(Usage: mapping-dsl dry-run FILE --input INPUT.json [--engine v1|v2|routed|both] [--flags FILE]
                            [--trace] [--profile] [--format json|text] [--now ISO8601]
       mapping-dsl dry-run FILE --ndjson INPUT.ndjson [--output OUT] [--jobs N]
                            [--engine v1|v2|routed] [--flags FILE] [--trace] [--profile]
                            [--now ISO8601]

Validates, compiles and runs a mapping (FILE, or '-' for standard input) on an input
document and prints the result: engine, route, fallback, status, output, diagnostics,
trace and stats.

Options:
  --input FILE      one JSON input document ('-': standard input)
  --ndjson FILE     batch mode: one JSON document per line ('-': standard input); prints one
                    compact result per line, in input order (a blank line gives a blank line,
                    a line that is not JSON an invalid result naming the line)
  --engine ENGINE   routed (default): production's V2-routed operation, with V1 fallback
                    when the flags enable it; v1: the V1-only operation; v2: the V2 engine
                    alone, no fallback; both: V1 and V2 and their difference (--input only)
  --flags FILE      production's flag file (YAML); default: all seven flags on
  --trace           record the trace events
  --profile         measure each rule: calls, writes, skips, errors, time and share of the
                    run (a "profile" member; text: a table; batch: the totals over all
                    records, as a table on standard error)
  --format FORMAT   json (default) or text (a readable summary; --input only)
  --now ISO8601     the clock now() reads, e.g. 2026-11-23T22:45:00Z (default: system clock)
  --output FILE     batch mode: write the results to FILE (atomically) instead of stdout
  --jobs N          batch mode: worker threads (default: all cores)
  --help            print this help

Exit codes: 0 status ok (batch: every record ok; both: both ok and identical),
1 failed or invalid (batch: any record; both: or a difference), 2 usage or I/O error.
)";

int dryRunUsageError(const std::string& message)
{
    return commandUsageError("dry-run", kDryRunUsage, message);
}

std::string microseconds(std::int64_t us)
{
    return std::to_string(us) + " us";
}

void printTrace(std::ostream& out, const mdsl::RunResult& result, const mdsl::LineIndex& lines)
{
    out << "trace:\n";
    for (const mdsl::TraceEvent& e : result.trace) {
        const mdsl::Position at = lines.position(e.span.begin);
        out << "  " << at.line << ':' << at.column << "  " << mdsl::traceKindName(e.kind);
        if (!e.target.empty())
            out << ' ' << e.target;
        if (e.kind == mdsl::TraceKind::ElementEntered || e.kind == mdsl::TraceKind::ElementLeft)
            out << " #" << e.index;
        if (e.kind == mdsl::TraceKind::Value || e.kind == mdsl::TraceKind::Write)
            out << " = " << (e.value ? e.value->dump(-1, ' ', false, mdsl::Json::error_handler_t::replace) : "missing");
        if (!e.reason.empty())
            out << " (" << e.reason << ')';
        out << '\n';
    }
}

// The readable form: what a support engineer reads first, then the details.
void printText(std::ostream& out, const mdsl::RunResult& result, std::string_view text, std::string_view name)
{
    out << "status:      " << mdsl::statusName(result.status) << '\n'
        << "engine:      " << mdsl::engineName(result.engine) << " (route " << mdsl::routeName(result.route)
        << (result.fallback ? ", V1 fallback after V2 failed" : "") << ")\n"
        << "stats:       " << result.stats.rules << " rules, " << result.stats.writes << " writes, "
        << result.stats.skipped << " skipped, " << microseconds(result.stats.elapsedUs) << '\n'
        << "output:\n"
        << (result.output ? result.output->dump(2, ' ', false, mdsl::Json::error_handler_t::replace) : "(none)")
        << '\n';
    if (!result.diagnostics.empty())
        out << "diagnostics:\n" << mdsl::renderText(result.diagnostics, text, name);
    if (result.v2Failure && !result.v2Failure->diagnostics.empty())
        out << "V2 failure (" << mdsl::statusName(result.v2Failure->status) << "):\n"
            << mdsl::renderText(result.v2Failure->diagnostics, text, name);
    if (!result.trace.empty())
        printTrace(out, result, mdsl::LineIndex(text));
    if (result.profile)
        out << "profile:\n" << mdsl::profileText(*result.profile);
}

int exitFor(mdsl::RunStatus status)
{
    return status == mdsl::RunStatus::Ok ? kOk : kFailed;
}

int runOne(const std::string& engine, const std::string& text, const std::string& name, const mdsl::Json& input,
           const mdsl::Flags& flags, const mdsl::RunOptions& options, bool asText)
{
    if (engine == "both") {
        const mdsl::Comparison c = mdsl::compareEngines(text, input, flags, options);
        if (asText) {
            std::cout << "== V1\n";
            printText(std::cout, c.v1, text, name);
            std::cout << "== V2\n";
            printText(std::cout, c.v2, text, name);
            char ratio[32];
            std::snprintf(ratio, sizeof ratio, "%.2fx", c.timeRatio);
            std::cout << "== difference\n"
                      << "identical:   " << (c.identical ? "yes" : "no") << '\n'
                      << "time V2/V1:  " << ratio << '\n'
                      << "patch V1->V2:\n" << c.patch.dump(2) << '\n';
        } else {
            mdsl::Json out = {{"v1", mdsl::toJson(c.v1)},
                              {"v2", mdsl::toJson(c.v2)},
                              {"identical", c.identical},
                              {"patch", c.patch},
                              {"time_ratio", c.timeRatio}};
            std::cout << out.dump(2, ' ', false, mdsl::Json::error_handler_t::replace) << '\n';
        }
        const bool ok = c.v1.status == mdsl::RunStatus::Ok && c.v2.status == mdsl::RunStatus::Ok && c.identical;
        return ok ? kOk : kFailed;
    }
    mdsl::RunResult result;
    if (engine == "v2") {
        result = mdsl::run(mdsl::compile(text, mdsl::EngineKind::V2, flags), input, options);
    } else {
        const mdsl::Route route = engine == "v1" ? mdsl::Route::V1Only : mdsl::Route::V2Routed;
        result = mdsl::dryRun(mdsl::prepare(text, route, flags), input, options);
    }
    if (asText)
        printText(std::cout, result, text, name);
    else
        std::cout << mdsl::toJson(result).dump(2, ' ', false, mdsl::Json::error_handler_t::replace) << '\n';
    return exitFor(result.status);
}

// Batch mode: the results stream to stdout, or to a temporary file renamed over OUT at the
// end so that a reader never sees half a file.
int runBatch(const std::string& engine, const std::string& text, const ParsedArgs& args, const mdsl::Flags& flags,
             const mdsl::RunOptions& runOptions, unsigned jobs)
{
    const std::string inputPath = *args.value("--ndjson");
    std::ifstream file;
    if (inputPath != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(inputPath, ec)) {
            printError("cannot read '" + inputPath + "': it is a directory");
            return kUsage;
        }
        file.open(inputPath, std::ios::binary);
        if (!file) {
            printError("cannot read '" + inputPath + "'");
            return kUsage;
        }
    }
    std::istream& in = inputPath == "-" ? std::cin : file;

    const std::optional<std::string> outputPath = args.value("--output");
    // A device or pipe (/dev/null, a FIFO) is written in place: renaming over it would
    // replace it.
    std::error_code statError;
    const bool inPlace = outputPath && std::filesystem::exists(*outputPath, statError)
        && !std::filesystem::is_regular_file(*outputPath, statError);
    const std::string temporary = !outputPath ? std::string() : inPlace ? *outputPath : *outputPath + ".mdsl-tmp";
    std::ofstream outFile;
    if (outputPath) {
        outFile.open(temporary, std::ios::binary | std::ios::trunc);
        if (!outFile) {
            printError("cannot write '" + *outputPath + "'");
            return kUsage;
        }
    }
    std::ostream& out = outputPath ? static_cast<std::ostream&>(outFile) : std::cout;

    mdsl::BatchOptions options;
    options.jobs = jobs;
    options.run = runOptions;
    mdsl::BatchSummary summary;
    // With --profile, each record's profile is added to the totals (printed at the end)
    // rather than written on its line.
    std::mutex profileMutex;
    mdsl::RuleProfile profile;
    const auto profiled = [&](mdsl::RunResult result) {
        if (result.profile) {
            const std::lock_guard lock(profileMutex);
            profile.merge(*result.profile);
            result.profile.reset();
        }
        return result;
    };
    if (engine == "v2") {
        const mdsl::CompiledMapping mapping = mdsl::compile(text, mdsl::EngineKind::V2, flags);
        summary = mdsl::dryRunBatch(
            in, out, [&](const mdsl::Json& input) { return profiled(mdsl::run(mapping, input, runOptions)); },
            options);
    } else {
        const mdsl::Route route = engine == "v1" ? mdsl::Route::V1Only : mdsl::Route::V2Routed;
        const mdsl::PreparedMapping mapping = mdsl::prepare(text, route, flags);
        if (runOptions.profile)
            summary = mdsl::dryRunBatch(
                in, out, [&](const mdsl::Json& input) { return profiled(mdsl::dryRun(mapping, input, runOptions)); },
                options);
        else
            summary = mdsl::dryRunBatch(in, out, mapping, options);
    }
    if (in.bad()) {
        printError("cannot read '" + inputPath + "'");
        return kUsage;
    }
    if (outputPath) {
        outFile.close();
        std::error_code ec;
        if (!outFile || (!inPlace && (std::filesystem::rename(temporary, *outputPath, ec), ec))) {
            if (!inPlace)
                std::filesystem::remove(temporary, ec);
            printError("cannot write '" + *outputPath + "'");
            return kUsage;
        }
    }
    std::cerr << "mapping-dsl: dry-run: " << summary.lines << " lines: " << summary.ok << " ok, " << summary.failed
              << " failed, " << summary.invalid << " invalid, " << summary.blank << " blank\n";
    if (runOptions.profile)
        std::cerr << "profile:\n" << mdsl::profileText(profile);
    return summary.failed + summary.invalid == 0 ? kOk : kFailed;
}

} // namespace

int runDryRun(const std::vector<std::string>& args)
{
    int exitCode = kUsage;
    const auto parsed = parseCommand("dry-run", kDryRunUsage, args,
                                     {{"--input", true}, {"--ndjson", true}, {"--engine", true}, {"--flags", true},
                                      {"--trace"}, {"--profile"}, {"--format", true}, {"--now", true}, {"--output", true},
                                      {"--jobs", true}},
                                     exitCode);
    if (!parsed)
        return exitCode;
    const bool batch = parsed->has("--ndjson");
    if (batch == parsed->has("--input"))
        return dryRunUsageError("give exactly one of --input and --ndjson");
    if (parsed->positional[0] == "-" && parsed->value(batch ? "--ndjson" : "--input") == "-")
        return dryRunUsageError("the mapping and the input cannot both be standard input");
    const std::string engine = parsed->value("--engine").value_or("routed");
    if (engine != "routed" && engine != "v1" && engine != "v2" && engine != "both")
        return dryRunUsageError("unknown engine '" + engine + "' (v1, v2, routed or both)");
    const std::string format = parsed->value("--format").value_or("json");
    if (format != "json" && format != "text")
        return dryRunUsageError("unknown format '" + format + "' (json or text)");
    if (batch && (engine == "both" || format == "text"))
        return dryRunUsageError("--ndjson prints JSON lines from one engine; compare both with 'mapping-dsl compare'");
    if (!batch && (parsed->has("--output") || parsed->has("--jobs")))
        return dryRunUsageError("--output and --jobs go with --ndjson");
    const std::optional<unsigned> jobs = jobsOption(*parsed);
    if (!jobs)
        return dryRunUsageError("--jobs needs a positive number");

    mdsl::RunOptions options;
    options.trace = parsed->has("--trace");
    options.profile = parsed->has("--profile");
    if (const auto now = parsed->value("--now")) {
        options.pinnedNowMs = parseIsoDateTime(*now);
        if (!options.pinnedNowMs)
            return dryRunUsageError("--now '" + *now + "' is not an ISO 8601 date-time such as 2026-11-23T22:45:00Z");
    }
    const std::optional<MappingInput> in = loadMapping(*parsed);
    if (!in)
        return kUsage;
    if (batch)
        return runBatch(engine, in->text, *parsed, in->flags, options, *jobs);
    const std::optional<mdsl::Json> input = readJsonDocument(*parsed->value("--input"));
    if (!input)
        return kUsage;
    return runOne(engine, in->text, in->name, *input, in->flags, options, format == "text");
}

} // namespace cli
