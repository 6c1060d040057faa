#pragma once
// Options shared by the commands that run the engines (dry-run, compare, compile, lineage):
// the flag file, the pinned clock, the input document, and usage errors.

#include "args.h"

#include "mdsl/flags.h"
#include "mdsl/json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

/// Prints "mapping-dsl: COMMAND: message" and the command's usage on standard error; kUsage.
int commandUsageError(std::string_view command, std::string_view usage, const std::string& message);

/// The flags of a flag file (YAML). A file that cannot be read, or that has errors, prints its
/// diagnostics on standard error and gives nullopt; warnings are printed and the flags used.
std::optional<mdsl::Flags> readFlagsFile(const std::string& path);

/// The flags of `--flags FILE`, or production's defaults without it. A file that cannot be
/// read, or that has errors, prints its diagnostics on standard error and gives nullopt
/// (exit code 2); warnings are printed and the flags used.
std::optional<mdsl::Flags> flagsOption(const ParsedArgs& args);

/// Milliseconds since the Unix epoch of an ISO 8601 date-time such as 2026-11-23T22:45:00Z,
/// 2026-11-23T22:45:00.250+01:00 or 2026-11-23 (midnight UTC); nullopt when it is not one.
std::optional<std::int64_t> parseIsoDateTime(std::string_view text);

/// A command's arguments with exactly one positional FILE. On `--help` prints the usage and
/// sets `exitCode` to 0, on a usage error prints it and sets 2; both give nullopt.
std::optional<ParsedArgs> parseCommand(std::string_view command, std::string_view usage,
                                       const std::vector<std::string>& args,
                                       std::vector<OptionSpec> specs, int& exitCode);

/// The mapping FILE of a command and the flags it runs under.
struct MappingInput {
    std::string name;     ///< for diagnostics: the path, or "<stdin>"
    std::string text;
    mdsl::Flags flags;
};

/// Reads `--flags` (flagsOption) and the mapping file (or standard input for "-"); prints
/// what went wrong and gives nullopt (exit code 2) on failure.
std::optional<MappingInput> loadMapping(const ParsedArgs& args);

/// Reads and parses one JSON document; prints one message with the line and column of the
/// syntax error on failure.
std::optional<mdsl::Json> readJsonDocument(const std::string& path);

/// A positive number of jobs from `--jobs`, 0 when absent; nullopt when it is not one.
std::optional<unsigned> jobsOption(const ParsedArgs& args);

} // namespace cli
