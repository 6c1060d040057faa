// mapping-dsl migrate: a version 1 mapping rewritten as idiomatic version 2 (mdsl/migrate.h),
// proven on a corpus before it is written when one is given; and `--report DIR`, the
// adoption report of a folder of mappings (cmd_migrate_report.cpp).

#include "args.h"
#include "cmd_engine_options.h"
#include "io.h"

#include "mdsl/migrate.h"
#include "mdsl/report.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace cli {

int runMigrateReport(const ParsedArgs& args, const mdsl::Flags& flags);

namespace {

constexpr std::string_view kMigrateUsage = R"(Usage: mapping-dsl migrate FILE [--output FILE] [--flags FILE] [--check] [--corpus CORPUS]
                            [--pairs] [--jobs N] [--format text|json]
       mapping-dsl migrate --report DIR [--flags FILE] [--format text|json]

Rewrites a version 1 mapping as idiomatic version 2 (docs/migration.md): the header says
version 2; consecutive rules whose targets share a prefix become object blocks; default(x, f)
becomes x ?? f. Name, comments, lets, tables and rule order are kept, the result is laid
out by the formatter, and it is checked to mean what the original means. Only the features
whose flags are on in the flag file are used. What changed is printed rule by rule, with
the original's line numbers.

Options:
  --output FILE    write the migrated mapping to FILE (atomically; it may be FILE itself)
                   instead of standard output; the changes then go to standard output
  --flags FILE     production's flag file (YAML); default: all seven flags on
  --check          write nothing: only say what would change
  --corpus CORPUS  also run the original on V1 and the migrated mapping on V2 over every
                   record of an NDJSON corpus; on any difference nothing is written and the
                   records' line numbers are listed
  --pairs          CORPUS records are {"input": ..., "output": ...} (the inputs are run)
  --jobs N         worker threads for --corpus (default: all cores)
  --format FORMAT  text (default) or json: {"file", "outcome", "reason", "changes",
                   "held_back", "diagnostics", "corpus", "written", "text"}
  --report DIR     walk DIR for *.mdsl files and report how many are version 1 and 2, which
                   migrate cleanly, which need flags that are off, and which cannot be
                   migrated and why
  --help           print this help

Exit codes: 0 migrated (or with --check: can be migrated), or nothing to do (already version
2, a message says so), or a report written; 1 the mapping has errors (they are printed), it
cannot be migrated under the flags, or the corpus shows a difference (nothing written);
2 usage error, an unreadable or unwritable file, or a flag file with errors.
)";

int migrateUsageError(const std::string& message)
{
    return commandUsageError("migrate", kMigrateUsage, message);
}

/// The file's name without folders and extension: the name a mapping without header gets.
std::string stemOf(const std::string& path)
{
    return path == "-" ? std::string("untitled") : std::filesystem::path(path).stem().string();
}

/// Runs the corpus check; nullopt (exit code 2 printed) when the corpus cannot be opened.
std::optional<mdsl::MigrationCorpusCheck> corpusCheck(const ParsedArgs& args, const std::string& original,
                                                      const std::string& migrated, const mdsl::Flags& flags,
                                                      unsigned jobs)
{
    const std::string path = *args.value("--corpus");
    std::ifstream file;
    std::error_code ec;
    if (path != "-" && (!std::filesystem::is_regular_file(path, ec) || (file.open(path, std::ios::binary), !file))) {
        printError("cannot read '" + path + "'");
        return std::nullopt;
    }
    std::istream& corpus = path == "-" ? std::cin : file;
    // Pairs: their inputs are run; the recorded outputs play no part (both sides are mappings).
    mdsl::MigrationCorpusCheck check
        = mdsl::checkMigrationOnCorpus(corpus, original, migrated, flags, args.has("--pairs"), jobs);
    if (corpus.bad()) {
        printError("cannot read '" + path + "'");
        return std::nullopt;
    }
    return check;
}

std::string linesText(const std::vector<std::uint64_t>& lines, std::uint64_t total)
{
    std::string out;
    for (const std::uint64_t line : lines)
        out += (out.empty() ? "" : ", ") + std::to_string(line);
    if (total > lines.size())
        out += ", …";
    return out;
}

mdsl::Json corpusJson(const mdsl::MigrationCorpusCheck& check)
{
    mdsl::Json lines = mdsl::Json::array();
    for (const std::uint64_t line : check.lines)
        lines.push_back(line);
    return {{"same", check.same},
            {"compared", check.report.compared},
            {"identical", check.report.identical},
            {"differing", check.differing},
            {"invalid_input", check.report.invalidInput},
            {"lines", std::move(lines)},
            {"summary", check.summary}};
}

} // namespace

int runMigrate(const std::vector<std::string>& args)
{
    std::string error;
    const auto parsed = cli::parse(args,
                                   {{"--output", true}, {"--flags", true}, {"--check"}, {"--corpus", true}, {"--pairs"},
                                    {"--jobs", true}, {"--format", true}, {"--report", true}, {"--help"}},
                                   error);
    if (!parsed)
        return migrateUsageError(error);
    if (parsed->has("--help")) {
        std::cout << kMigrateUsage;
        return kOk;
    }
    const std::string format = parsed->value("--format").value_or("text");
    if (format != "text" && format != "json")
        return migrateUsageError("unknown format '" + format + "' (text or json)");
    const std::optional<unsigned> jobs = jobsOption(*parsed);
    if (!jobs)
        return migrateUsageError("--jobs needs a positive number");
    if (parsed->value("--report")) {
        if (!parsed->positional.empty())
            return migrateUsageError("--report DIR takes no FILE");
        for (const char* option : {"--output", "--check", "--corpus", "--pairs"})
            if (parsed->has(option) || parsed->value(option))
                return migrateUsageError(std::string(option) + " does not go with --report");
        const std::optional<mdsl::Flags> flags = flagsOption(*parsed);
        return flags ? runMigrateReport(*parsed, *flags) : kUsage;
    }
    if (parsed->positional.size() != 1)
        return migrateUsageError(parsed->positional.empty() ? "missing the FILE argument" : "too many arguments");
    const bool check = parsed->has("--check");
    const std::optional<std::string> output = parsed->value("--output");
    if (check && output)
        return migrateUsageError("--check and --output exclude each other");
    if (parsed->has("--pairs") && !parsed->value("--corpus"))
        return migrateUsageError("--pairs needs --corpus");
    const std::optional<MappingInput> mapping = loadMapping(*parsed);
    if (!mapping)
        return kUsage;
    if (parsed->value("--corpus") && *parsed->value("--corpus") == "-" && parsed->positional[0] == "-")
        return migrateUsageError("the mapping and the corpus cannot both be standard input");

    const mdsl::MigrationResult result
        = mdsl::migrateToVersion2(mapping->text, {mapping->flags, stemOf(parsed->positional[0])});
    const bool json = format == "json";
    // Messages go to standard output unless the migrated text does.
    const bool textOnStdout = !json && !check && !output;
    std::ostream& messages = textOnStdout ? std::cerr : std::cout;
    mdsl::Json report = mdsl::migrationToJson(result);
    report["file"] = mapping->name;
    report["corpus"] = nullptr;
    report["written"] = nullptr;
    report["text"] = nullptr;
    const auto finish = [&](int code) {
        if (json)
            std::cout << report.dump(2, ' ', false, mdsl::Json::error_handler_t::replace) << '\n';
        return code;
    };

    switch (result.outcome) {
    case mdsl::MigrationOutcome::AlreadyVersion2:
        if (!json)
            messages << mapping->name << ": " << result.reason << '\n';
        return finish(kOk);
    case mdsl::MigrationOutcome::HasErrors:
        if (!json) {
            std::cerr << mdsl::renderText(result.diagnostics, mapping->text, mapping->name);
            printError(mapping->name + ": not migrated: " + result.reason);
        }
        return finish(kFailed);
    case mdsl::MigrationOutcome::Blocked:
        if (!json)
            printError(mapping->name + ": not migrated: " + result.reason);
        return finish(kFailed);
    case mdsl::MigrationOutcome::Migrated:
        break;
    }

    if (parsed->value("--corpus")) {
        const std::optional<mdsl::MigrationCorpusCheck> corpus
            = corpusCheck(*parsed, mapping->text, result.text, mapping->flags, *jobs);
        if (!corpus)
            return kUsage;
        report["corpus"] = corpusJson(*corpus);
        if (!corpus->same) {
            if (!json) {
                messages << mdsl::migrationChangesText(result, mapping->name);
                printError(mapping->name + ": not written: " + corpus->summary);
                if (!corpus->lines.empty())
                    std::cerr << "records that differ (corpus lines): " << linesText(corpus->lines, corpus->differing)
                              << '\n';
            }
            return finish(kFailed);
        }
        if (!json)
            messages << "corpus: " << corpus->summary << '\n';
    }
    if (!json)
        messages << mdsl::migrationChangesText(result, mapping->name);
    if (check)
        return finish(kOk);
    if (output) {
        if (!writeTextAtomically(*output, result.text, error)) {
            printError(error);
            return kUsage;
        }
        report["written"] = *output;
        if (!json)
            messages << "written to " << *output << '\n';
        return finish(kOk);
    }
    if (json)
        report["text"] = result.text;
    else
        std::cout << result.text;
    return finish(kOk);
}

} // namespace cli
