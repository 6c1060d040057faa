// mapping-dsl lineage: for each target a mapping writes, the source paths it reads.

#include "args.h"
#include "cmd_engine_options.h"

#include "mdsl/analysis.h"
#include "mdsl/engine.h"
#include "mdsl/report.h"

#include <iostream>

namespace cli {

namespace {

constexpr std::string_view kLineageUsage = R"(Usage: mapping-dsl lineage FILE [--flags FILE]

Prints, as JSON, each target the mapping (FILE, or '-' for standard input) writes with the
source paths it reads: [{"target": "/order/id", "sources": ["$.id"], "span": {...}}, ...].
The mapping is validated first, as the V2-routed operation sees it.

Options:
  --flags FILE     production's flag file (YAML); default: all seven flags on
  --help           print this help

Diagnostics go to standard error, as 'validate' prints them.
Exit codes: 0 printed, 1 the mapping has errors, 2 usage or I/O error.
)";

} // namespace

int runLineage(const std::vector<std::string>& args)
{
    int exitCode = kUsage;
    const auto parsed = parseCommand("lineage", kLineageUsage, args, {{"--flags", true}}, exitCode);
    if (!parsed)
        return exitCode;
    const std::optional<MappingInput> in = loadMapping(*parsed);
    if (!in)
        return kUsage;
    const mdsl::Analysis analysis = mdsl::analyze(in->text, in->flags);
    const std::vector<mdsl::Diagnostic>& diagnostics = analysis.diagnostics(mdsl::Route::V2Routed);
    std::cerr << mdsl::renderText(diagnostics, in->text, in->name);
    if (mdsl::hasErrors(diagnostics))
        return kFailed;
    std::cout << mdsl::lineageToJson(analysis.lineage()).dump(2, ' ', false, mdsl::Json::error_handler_t::replace) << '\n';
    return kOk;
}

} // namespace cli
