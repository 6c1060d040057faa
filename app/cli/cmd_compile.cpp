// mapping-dsl compile and lineage: what the engines make of a mapping, without input data.

#include "args.h"
#include "cmd_engine_options.h"

#include "mdsl/engine.h"
#include "mdsl/report.h"

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view kCompileUsage = R"(Usage: mapping-dsl compile FILE [--engine v1|v2] [--flags FILE]

Validates and compiles a mapping (FILE, or '-' for standard input) for one engine and prints
what it compiled to, as JSON: for v2 (default) the plan (functions resolved, constants
folded, paths and JSONPath compiled); for v1 the normalized syntax tree.

Options:
  --engine v1|v2   the engine (default v2)
  --flags FILE     production's flag file (YAML); default: all seven flags on
  --help           print this help

Diagnostics go to standard error, as 'validate' prints them.
Exit codes: 0 compiled, 1 the mapping has errors, 2 usage or I/O error.
)";

} // namespace

int runCompile(const std::vector<std::string>& args)
{
    int exitCode = kUsage;
    const auto parsed = parseCommand("compile", kCompileUsage, args, {{"--engine", true}, {"--flags", true}}, exitCode);
    if (!parsed)
        return exitCode;
    const std::string engine = parsed->value("--engine").value_or("v2");
    if (engine != "v1" && engine != "v2")
        return commandUsageError("compile", kCompileUsage, "unknown engine '" + engine + "' (v1 or v2)");
    const std::optional<MappingInput> in = loadMapping(*parsed);
    if (!in)
        return kUsage;
    const mdsl::CompiledMapping mapping
        = mdsl::compile(in->text, engine == "v1" ? mdsl::EngineKind::V1 : mdsl::EngineKind::V2, in->flags);
    std::cerr << mdsl::renderText(mapping.diagnostics(), in->text, in->name);
    if (!mapping.ok())
        return kFailed;
    std::cout << mapping.planJson().dump(2, ' ', false, mdsl::Json::error_handler_t::replace) << '\n';
    return kOk;
}

} // namespace cli
