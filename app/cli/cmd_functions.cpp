// mapping-dsl functions: the engine's function catalog, as the Markdown reference
// (docs/functions.md is this output, made by scripts/gen-docs) or as JSON for tools.

#include "args.h"
#include "io.h"

#include "mdsl/catalog.h"

#include <iostream>

namespace cli {

namespace {

constexpr const char* kFunctionsUsage = R"(Usage: mapping-dsl functions [--format markdown|json]

Prints every function and operator of the Mapping DSL from the engine's catalog: signature,
version and flag, behaviour on missing and null, errors, and examples.

Options:
  --format FORMAT  markdown (default): the reference page docs/functions.md;
                   json: {"functions":[...]} for editors and tools
  --help           print this help

Exit codes: 0 success, 2 usage error.
)";

} // namespace

int runFunctions(const std::vector<std::string>& args)
{
    std::string error;
    const auto parsed = cli::parse(args, {{"--format", true}, {"--help"}}, error);
    const std::string format = parsed ? parsed->value("--format").value_or("markdown") : "";
    if (parsed && parsed->has("--help")) {
        std::cout << kFunctionsUsage;
        return kOk;
    }
    if (!parsed || !parsed->positional.empty() || (format != "markdown" && format != "json")) {
        printError("functions: " + (!parsed ? error
                                   : !parsed->positional.empty() ? "unexpected argument '" + parsed->positional[0] + "'"
                                                                 : "unknown format '" + format + "' (markdown or json)"));
        std::cerr << kFunctionsUsage;
        return kUsage;
    }
    if (format == "json")
        std::cout << mdsl::catalogToJson().dump(2) << '\n';
    else
        std::cout << mdsl::catalogToMarkdown();
    return kOk;
}

} // namespace cli
