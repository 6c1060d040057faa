#pragma once
// What the harnesses that run mappings share: run limits tight enough that every run ends
// well inside libFuzzer's -timeout (the hang detector: a run the limits fail to stop is a
// finding), the checks of a dry-run result, and V1 against V2 on a version 1 document.

#include "docgen.h"
#include "fuzz_support.h"

#include "mdsl/engine.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace mdsl::fuzz {

/// A second of wall time at most; steps and output bytes low enough that a run usually stops
/// on them first, which keeps runs fast and deterministic.
inline RunOptions fuzzRunOptions(bool trace)
{
    RunOptions options;
    options.limits.maxTime = std::chrono::milliseconds(1000);
    options.limits.maxSteps = 200'000;
    options.limits.maxOutputBytes = 1u << 20;
    options.trace = trace;
    options.maxTraceEvents = 20'000;
    options.maxTraceBytes = 1u << 20;
    options.pinnedNowMs = 1'700'000'000'000;
    return options;
}

/// The run stopped on the wall clock (E404): its point of stopping depends on the machine,
/// so two such runs are not compared.
inline bool stoppedOnTime(const RunResult& result)
{
    const auto timed = [](const RunResult& r) {
        return std::any_of(
            r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.code == "E404"; });
    };
    return timed(result) || (result.v2Failure && timed(*result.v2Failure));
}

/// A result as the command line prints it: status and output agree, the diagnostics pass the
/// common checks against the mapping text, and the direct writer gives toJson's bytes.
inline void checkResult(const RunResult& result, std::string_view mappingText)
{
    FUZZ_CHECK((result.status == RunStatus::Invalid) == !result.output.has_value(), statusName(result.status));
    FUZZ_CHECK((result.status == RunStatus::Ok) == !hasErrors(result.diagnostics), statusName(result.status));
    // The report writers are fuzz_mapping's; a result is written by toJson, checked below.
    checkDiagnostics(result.diagnostics, mappingText, /*reports=*/false);
    if (result.v2Failure)
        checkDiagnostics(result.v2Failure->diagnostics, mappingText, /*reports=*/false);
    std::string direct;
    appendResultJson(direct, result);
    FUZZ_CHECK(direct == toJson(result).dump(-1, ' ', false, Json::error_handler_t::replace), direct);
}

/// V1 and V2 on the same document and input, when V1 accepts it (a version 1 document):
/// they must agree on status, output, diagnostics, trace and counts.
inline void checkEnginesAgree(std::string_view text, const Json& input)
{
    const RunOptions options = fuzzRunOptions(true);
    const CompiledMapping v1Mapping = compile(text, EngineKind::V1, docgen::version1Flags());
    if (!v1Mapping.ok())
        return;
    const RunResult v1 = run(v1Mapping, input, options);
    const RunResult v2 = run(compile(text, EngineKind::V2, docgen::version1Flags()), input, options);
    checkResult(v1, text);
    checkResult(v2, text);
    if (stoppedOnTime(v1) || stoppedOnTime(v2))
        return;
    FUZZ_CHECK(docgen::sameRun(v1, v2),
        std::string(text) + "\ninput: " + input.dump(-1, ' ', false, Json::error_handler_t::replace)
            + "\nv1: " + toJson(v1).dump(-1, ' ', false, Json::error_handler_t::replace)
            + "\nv2: " + toJson(v2).dump(-1, ' ', false, Json::error_handler_t::replace));
}

/// A file of the source tree (MDSL_SOURCE_DIR): the examples the run harnesses take as their
/// fixed mappings and inputs, read rather than copied so that they follow the examples.
inline std::string readSourceFile(const std::string& relativePath)
{
    const std::string path = std::string(MDSL_SOURCE_DIR) + "/" + relativePath;
    std::ifstream in(path, std::ios::binary);
    FUZZ_CHECK(in, "cannot read " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace mdsl::fuzz
