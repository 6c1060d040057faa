#pragma once
// A small, strict command-line parser for mapping-dsl: options are declared per command,
// unknown options and missing values are usage errors (exit code 2).

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cli {

/// Exit codes of mapping-dsl, documented in --help and docs/cli.md.
enum Exit : int { kOk = 0, kFailed = 1, kUsage = 2 };

struct OptionSpec {
    std::string name;       ///< "--format"
    bool takesValue = false;
};

struct ParsedArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;   ///< options with a value
    std::vector<std::string> flags;              ///< options without a value, in order

    [[nodiscard]] bool has(const std::string& name) const;
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
};

/// Parses args (without the program and command names). On error returns nullopt and sets
/// error to one line that names the offending argument.
std::optional<ParsedArgs> parse(const std::vector<std::string>& args,
                                const std::vector<OptionSpec>& specs, std::string& error);

} // namespace cli
