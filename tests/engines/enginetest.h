#pragma once
// Helpers shared by the engine tests: run a mapping text through one engine or both.

#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"

#include <string>
#include <string_view>

namespace enginetest {

inline mdsl::RunOptions pinnedOptions(bool trace = false)
{
    mdsl::RunOptions options;
    options.pinnedNowMs = 1'700'000'000'000;
    options.trace = trace;
    return options;
}

inline mdsl::RunResult runWith(mdsl::EngineKind engine, std::string_view text, const mdsl::Json& input,
                               const mdsl::RunOptions& options = pinnedOptions(),
                               const mdsl::Flags& flags = mdsl::Flags())
{
    return mdsl::run(mdsl::compile(text, engine, flags), input, options);
}

/// The code of a run's last diagnostic (the error that stopped it), or "".
inline std::string lastCode(const mdsl::RunResult& result)
{
    return result.diagnostics.empty() ? std::string() : result.diagnostics.back().code;
}

/// The output of a one-rule mapping `result <- expr` (version 1 or 2): the value, or the
/// string "<missing>" when nothing was written, or "<error CODE>" on a runtime error.
inline mdsl::Json evalExpr(mdsl::EngineKind engine, std::string_view expr, const mdsl::Json& input = mdsl::Json::object(),
                           int version = 2)
{
    const std::string text = "mapping \"t\" version " + std::to_string(version) + "\nresult <- " + std::string(expr) + "\n";
    const mdsl::RunResult result = runWith(engine, text, input);
    if (result.status == mdsl::RunStatus::Invalid)
        return "<invalid " + (result.diagnostics.empty() ? std::string() : result.diagnostics.front().code + " "
                              + result.diagnostics.front().message) + ">";
    if (result.status == mdsl::RunStatus::Failed)
        return "<error " + result.diagnostics.back().code + ">";
    const auto found = result.output->find("result");
    return found == result.output->end() ? mdsl::Json("<missing>") : *found;
}

/// Exact equality, number types included (1 and 1.0 differ): what a user sees printed.
inline bool sameJson(const mdsl::Json& a, const mdsl::Json& b)
{
    return a.dump() == b.dump();
}

} // namespace enginetest
