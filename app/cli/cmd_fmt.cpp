// mapping-dsl fmt: the formatter of the studio's "format document", for editors and CI.

#include "args.h"
#include "io.h"

#include "mdsl/format.h"
#include "mdsl/report.h"

#include <iostream>

namespace cli {

namespace {

constexpr const char* kFmtUsage = R"(Usage: mapping-dsl fmt FILE|- [--check|--write]

Formats a mapping (FILE, or standard input for '-') in the canonical layout of
docs/language.md: 2-space block indentation, aligned '<-' within a group of rules, one
space around operators, comments kept. Formatting never changes what a mapping means.

Options:
  --check   print nothing but the names of files that are not formatted; exit 1 if any
  --write   rewrite FILE in place (atomically) when it is not formatted
  --help    print this help

Without an option the formatted text goes to standard output.
A mapping with syntax errors is not formatted: the errors go to standard error.

Exit codes: 0 success (with --check: already formatted), 1 syntax errors or (with
--check) not formatted, 2 usage error or unreadable/unwritable file.
)";

int fmtUsageError(const std::string& message)
{
    printError("fmt: " + message);
    std::cerr << kFmtUsage;
    return kUsage;
}

} // namespace

int runFmt(const std::vector<std::string>& args)
{
    std::string error;
    const auto parsed = cli::parse(args, {{"--check"}, {"--write"}, {"--help"}}, error);
    if (!parsed)
        return fmtUsageError(error);
    if (parsed->has("--help")) {
        std::cout << kFmtUsage;
        return kOk;
    }
    if (parsed->positional.size() != 1)
        return fmtUsageError(parsed->positional.empty() ? "missing the FILE argument" : "too many arguments");
    const bool check = parsed->has("--check");
    const bool write = parsed->has("--write");
    if (check && write)
        return fmtUsageError("--check and --write exclude each other");
    const std::string& path = parsed->positional[0];
    if (write && path == "-")
        return fmtUsageError("--write needs a file, not standard input");

    const auto text = readText(path, error);
    if (!text) {
        printError(error);
        return kUsage;
    }
    const std::string name = path == "-" ? "<stdin>" : path;
    const mdsl::FormatResult result = mdsl::formatDocument(*text);
    if (!result.ok) {
        std::cerr << mdsl::renderText(result.diagnostics, *text, name);
        return kFailed;
    }
    if (check) {
        if (result.text == *text)
            return kOk;
        std::cout << name << '\n';
        return kFailed;
    }
    if (write) {
        if (result.text != *text && !writeTextAtomically(path, result.text, error)) {
            printError(error);
            return kUsage;
        }
        return kOk;
    }
    std::cout << result.text;
    return kOk;
}

} // namespace cli
