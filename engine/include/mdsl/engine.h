#pragma once
// The engine facade: the operations production exposes (validate, compile, dry-run) in their
// V2-routed and V1-only forms (docs/engines.md), and the comparison of the two
// engines. The command line, the studio and the tests all go through this header.
//
//   CompiledMapping m = compile(text, EngineKind::V2, flags);   // once
//   RunResult r = run(m, input, options);                       // many times, any thread
//
//   PreparedMapping p = prepare(text, Route::V2Routed, flags);  // production's routing
//   RunResult r = dryRun(p, input, options);                    // with V1 fallback if enabled

#include "mdsl/diagnostic.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"
#include "mdsl/profile.h"
#include "mdsl/source.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

enum class EngineKind { V1, V2 };
/// "v1" or "v2".
std::string_view engineName(EngineKind engine) noexcept;

/// The two forms of each operation, as production exposes them:
/// V2Routed = /api/v1/mappings/{validate,compile,dry-run}, V1Only = the same with /v1.
enum class Route { V2Routed, V1Only };
/// "v2" (V2-routed) or "v1" (V1-only).
std::string_view routeName(Route route) noexcept;

/// The engine an operation's form uses under the flags, before any fallback: V1-only always
/// V1; V2-routed V1 when mapping_dsl_v2_enabled is off, else V2.
EngineKind routedEngine(Route route, const Flags& flags) noexcept;

enum class RunStatus;

/// Who answers a dry-run.
struct RoutedAnswer {
    EngineKind engine = EngineKind::V2;
    bool fallback = false;   ///< V2 failed and V1 answers (mapping_dsl_v1_fallback)
};

/// Who answers an operation's form under the flags, given how the engine it picks first
/// (routedEngine) ended: that engine, or V1 as a fallback when it was V2, V2 did not end ok
/// (invalid or failed) and mapping_dsl_v1_fallback is on. dryRun() routes by it; a client that
/// ran the engines itself (the studio's preview) asks it rather than deciding again.
RoutedAnswer routedAnswer(Route route, const Flags& flags, RunStatus firstStatus) noexcept;

/// Limits of one run. Going past one is a runtime error (E4xx) that stops the run: never a
/// hang or a crash. The defaults are documented in docs/engines.md.
struct RunLimits {
    std::uint64_t maxSteps = 10'000'000;          ///< evaluation steps
    std::uint64_t maxOutputBytes = 64u << 20;     ///< size of the output document (serialized)
    int maxDepth = 256;                           ///< nesting of evaluation and of values built
    std::chrono::milliseconds maxTime{5000};      ///< wall-clock time of the run
    /// Bytes of values the run may build in all: strings, arrays and objects made by functions,
    /// operators and literals, copies of values, JSONPath nodelists, intermediate values
    /// included (an estimate of their memory; docs/engines.md says how they are counted).
    std::uint64_t maxBuildBytes = 256u << 20;
};

struct RunOptions {
    RunLimits limits;
    bool trace = false;                           ///< record trace events (costs nothing when off)
    /// With trace: record at most this many events (0: no cap). The run itself goes on to
    /// its end; RunResult::traceTruncated says that events were left out.
    std::size_t maxTraceEvents = 0;
    /// With trace: bytes of sub-expression values and elements the trace copies at most (0: no
    /// cap); past it, such a value is recorded as a short description of itself.
    std::uint64_t maxTraceBytes = 0;
    /// The clock now() reads, in milliseconds since the Unix epoch (UTC). Unset: the system
    /// clock. Dry-runs in the studio pin it so that results reproduce.
    std::optional<std::int64_t> pinnedNowMs;
    /// Measure each rule: RunResult::profile (costs one test per rule when off).
    bool profile = false;
};

enum class TraceKind {
    RuleEntered,     ///< a rule starts (span = the rule)
    Value,           ///< a sub-expression's value (span = the sub-expression)
    Write,           ///< a value written to `target`
    Skip,            ///< nothing written to `target`; `reason` says why (e.g. "source missing")
    Error,           ///< a runtime error (`reason` = its code); the rule writes nothing
    ElementEntered,  ///< an array block starts an element (`index`)
    ElementLeft,     ///< an array block leaves an element
};
/// "rule", "value", "write", "skip", "error", "enter", "leave".
std::string_view traceKindName(TraceKind kind) noexcept;

/// One recorded event of a run: what the debugger steps through.
struct TraceEvent {
    TraceKind kind = TraceKind::RuleEntered;
    Span span;                        ///< where in the mapping text
    std::string target;               ///< output location of a write or skip, as a JSON Pointer;
                                      ///< for ElementEntered, the element's output object
    std::optional<Json> value;        ///< value or written value; nullopt = missing;
                                      ///< for ElementEntered, the element (the block's context)
    std::string reason;               ///< skip reason or error code
    std::int64_t index = -1;          ///< element index for ElementEntered/Left
};

enum class RunStatus { Ok, Failed, Invalid };
/// "ok", "failed" or "invalid".
std::string_view statusName(RunStatus status) noexcept;

struct RunStats {
    std::uint64_t rules = 0;      ///< rules evaluated
    std::uint64_t writes = 0;     ///< values written
    std::uint64_t skipped = 0;    ///< writes skipped (missing values)
    std::int64_t elapsedUs = 0;   ///< validation, compilation and run, in microseconds
};

/// The result of a dry-run (docs/engines.md, "Request and result bodies").
struct RunResult {
    EngineKind engine = EngineKind::V2;   ///< the engine that produced `output`
    Route route = Route::V2Routed;
    bool fallback = false;                ///< V2 failed and V1 answered (mapping_dsl_v1_fallback)
    RunStatus status = RunStatus::Ok;
    std::optional<Json> output;           ///< unset when invalid (nothing ran)
    std::vector<Diagnostic> diagnostics;  ///< validation diagnostics, then runtime errors (E4xx)
    std::vector<TraceEvent> trace;        ///< only when RunOptions::trace
    bool traceTruncated = false;          ///< the trace stopped at RunOptions::maxTraceEvents
    RunStats stats;
    std::shared_ptr<const RunResult> v2Failure;   ///< with fallback: the V2 result that failed
    std::optional<RuleProfile> profile;   ///< only when RunOptions::profile and the mapping ran
};

/// The result object of section 10 as JSON: engine, route, fallback, status, output,
/// diagnostics (as `validate --format json`), trace, stats (and v2_failure with a fallback).
Json toJson(const RunResult& result);
/// Appends toJson(result) to `out` as compact JSON: the same bytes as
/// toJson(result).dump(-1, ' ', false, Json::error_handler_t::replace), written without
/// building the tree (the batch dry-run's output lines).
void appendResultJson(std::string& out, const RunResult& result);

namespace detail {
struct CompiledMappingImpl;
struct PreparedMappingImpl;
struct Access;
} // namespace detail

/// A mapping validated and compiled for one engine. Immutable; run it on many inputs, from
/// many threads at once.
class CompiledMapping {
public:
    [[nodiscard]] EngineKind engine() const noexcept;
    /// The document's language version as this engine sees it (1 or 2).
    [[nodiscard]] int languageVersion() const noexcept;
    /// Validation diagnostics; with an error the mapping is invalid and does not run.
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept;
    [[nodiscard]] bool ok() const noexcept;
    /// V2: the plan (functions resolved, constants folded, paths compiled); V1: the
    /// normalized AST. What `mapping-dsl compile` prints.
    [[nodiscard]] Json planJson() const;

private:
    friend struct detail::Access;
    friend RunResult run(const CompiledMapping&, const Json&, const RunOptions&);
    std::shared_ptr<const detail::CompiledMappingImpl> impl_;
};

/// Validates and compiles a mapping for one engine under the flags.
CompiledMapping compile(std::string_view text, EngineKind engine, const Flags& flags);

/// Runs a compiled mapping on one input. An invalid mapping gives status invalid, no output.
RunResult run(const CompiledMapping& mapping, const Json& input, const RunOptions& options);

/// A mapping prepared for one form of the operations under the flags: compiled once for the
/// engines its route may use (with fallback on, both).
class PreparedMapping {
public:
    [[nodiscard]] Route route() const noexcept;
    /// The engine the route picks first.
    [[nodiscard]] EngineKind primaryEngine() const noexcept;
    [[nodiscard]] const CompiledMapping& primary() const noexcept;

private:
    friend struct detail::Access;
    friend RunResult dryRun(const PreparedMapping&, const Json&, const RunOptions&);
    std::shared_ptr<const detail::PreparedMappingImpl> impl_;
};

PreparedMapping prepare(std::string_view text, Route route, const Flags& flags);

/// The dry-run operation: the routed engine, and when V2 fails (invalid or failed) with
/// mapping_dsl_v1_fallback on, the V1 engine, marked as a fallback with the V2 failure.
RunResult dryRun(const PreparedMapping& mapping, const Json& input, const RunOptions& options);

/// The same input through both engines.
struct Comparison {
    RunResult v1;
    RunResult v2;
    bool identical = false;   ///< same status and same output
    Json patch;               ///< RFC 6902 JSON Patch turning V1's output into V2's
    double timeRatio = 0;     ///< V2 time / V1 time
    std::int64_t v1Ns = 0;    ///< V1's run time, measured around run() (compilation excluded)
    std::int64_t v2Ns = 0;    ///< V2's run time, likewise
};

/// Compiles the mapping for V1 and for V2 under the flags and runs both on the input. A
/// missing output (invalid) counts as null in the patch.
Comparison compareEngines(std::string_view text, const Json& input, const Flags& flags,
                          const RunOptions& options);

/// The same input through two compiled mappings, V1 then V2: what a corpus comparison does
/// for each record, with the mappings compiled once.
Comparison compareEngines(const CompiledMapping& v1, const CompiledMapping& v2, const Json& input,
                          const RunOptions& options);

} // namespace mdsl
