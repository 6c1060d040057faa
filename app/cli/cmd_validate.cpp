// mapping-dsl validate: the live validation of the studio, for CI and scripts. Prints the
// diagnostics as compiler text, as JSON, or as SARIF 2.1.0 for code-scanning tools.

#include "args.h"
#include "io.h"

#include "mdsl/flags.h"
#include "mdsl/report.h"
#include "mdsl/validate.h"

#include <iostream>

namespace cli {

namespace {

constexpr const char* kValidateUsage = R"(Usage: mapping-dsl validate FILE|- [--flags FILE] [--engine v1|v2] [--format text|json|sarif]

Validates a mapping (FILE, or standard input for '-') without input data: syntax, names,
functions and their arguments, regular expressions, targets, unused names, and the features
the document's version and the production flags allow.

Options:
  --flags FILE     production's flag file (YAML); default: all seven flags on
  --engine v1|v2   v2 (default): the V2-routed engine; v1: the V1 engine, which refuses
                   version 2 documents. A document without a version is version 2 under v2
                   when mapping_dsl_v2_enabled and mapping_dsl_v2_default are on, else 1.
  --format FORMAT  text (default): file:line:col: error[CODE]: message, the line and a caret;
                   json: {"diagnostics":[...]}; sarif: SARIF 2.1.0
  --help           print this help

Exit codes: 0 no errors (warnings allowed), 1 errors found,
2 usage error, unreadable file, or a flag file with errors.
)";

int validateUsageError(const std::string& message)
{
    printError("validate: " + message);
    std::cerr << kValidateUsage;
    return kUsage;
}

} // namespace

int runValidate(const std::vector<std::string>& args)
{
    std::string error;
    const auto parsed = cli::parse(args, {{"--flags", true}, {"--engine", true}, {"--format", true}, {"--help"}}, error);
    if (!parsed)
        return validateUsageError(error);
    if (parsed->has("--help")) {
        std::cout << kValidateUsage;
        return kOk;
    }
    if (parsed->positional.size() != 1)
        return validateUsageError(parsed->positional.empty() ? "missing the FILE argument" : "too many arguments");
    const std::string format = parsed->value("--format").value_or("text");
    if (format != "text" && format != "json" && format != "sarif")
        return validateUsageError("unknown format '" + format + "' (text, json or sarif)");
    const std::string engine = parsed->value("--engine").value_or("v2");
    if (engine != "v1" && engine != "v2")
        return validateUsageError("unknown engine '" + engine + "' (v1 or v2)");

    mdsl::ValidateOptions options;
    options.engine = engine == "v1" ? mdsl::EngineKind::V1 : mdsl::EngineKind::V2;
    if (const auto flagsPath = parsed->value("--flags")) {
        const auto flagsText = readText(*flagsPath, error);
        if (!flagsText) {
            printError(error);
            return kUsage;
        }
        mdsl::FlagsFile flags = mdsl::parseFlags(*flagsText);
        // The flag file's own problems go to standard error, apart from the mapping's report.
        std::cerr << mdsl::renderText(flags.diagnostics, *flagsText, *flagsPath);
        if (mdsl::hasErrors(flags.diagnostics))
            return kUsage;
        options.flags = flags.flags;
    }

    const std::string& path = parsed->positional[0];
    const auto text = readText(path, error);
    if (!text) {
        printError(error);
        return kUsage;
    }
    const std::vector<mdsl::Diagnostic> diagnostics = mdsl::validate(*text, options);
    const std::string name = path == "-" ? "<stdin>" : path;
    if (format == "json")
        std::cout << mdsl::diagnosticsToJson(diagnostics).dump(2) << '\n';
    else if (format == "sarif")
        std::cout << mdsl::diagnosticsToSarif(diagnostics, name).dump(2) << '\n';
    else
        std::cout << mdsl::renderText(diagnostics, *text, name);
    return mdsl::hasErrors(diagnostics) ? kFailed : kOk;
}

} // namespace cli
