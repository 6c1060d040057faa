#pragma once
// Internal: the state of one run, shared by both engines — limits, counters, runtime errors
// and the trace. The engines own the evaluation; everything a run records goes through here
// so that V1 and V2 record it the same way.

#include "mdsl/engine.h"
#include "mdsl/jsonpath.h"
#include "runtime/value.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl::rt {

class ProfileRecorder;

/// Runtime diagnostic codes (stable; docs/engines.md lists them).
namespace code {
inline constexpr std::string_view kSteps = "E401";       ///< step limit
inline constexpr std::string_view kOutputSize = "E402";  ///< output size limit
inline constexpr std::string_view kDepth = "E403";       ///< nesting depth limit
inline constexpr std::string_view kTime = "E404";        ///< time limit
inline constexpr std::string_view kBuild = "E405";       ///< budget of values built
inline constexpr std::string_view kType = "E410";        ///< an operand or argument of the wrong type
inline constexpr std::string_view kArithmetic = "E411";  ///< division by zero, non-finite result
inline constexpr std::string_view kArgument = "E412";    ///< an argument of the right type but an invalid value
inline constexpr std::string_view kConflict = "E413";    ///< a write under a scalar, a field into an array
inline constexpr std::string_view kEach = "E414";        ///< `each` over something that is not an array
inline constexpr std::string_view kRegex = "E415";       ///< a computed pattern that is not an I-Regexp
inline constexpr std::string_view kInternal = "E499";    ///< a construct the engine cannot run (a bug)
} // namespace code

/// Bytes counted against the budget of values built, and where.
struct BuildCharge {
    Span span;
    std::uint64_t bytes = 0;
};

/// A runtime error: a code, the id of its wording, an English message with its arguments,
/// and where.
struct RuntimeError {
    std::string code;
    std::string message;
    std::vector<std::string> args;
    Span span;
    std::string wording;   ///< messageWordings() id ("E410.operands"), or empty: the code's pattern
};

/// Thrown to abandon the rule being evaluated. `fatal` (a limit) also stops the run.
struct Failure {
    RuntimeError error;
    bool fatal = false;
};

/// Throws a rule-level runtime error of `wording`: a message wording id of mdsl/report.h
/// ("E410.operands") or a code worded by its pattern ("E414"). The English message is made
/// from the table; `args` are its arguments, phrase ids where the wording says so.
[[noreturn]] void fail(std::string_view wording, Span span, std::vector<std::string> args = {});

/// A runtime error of `wording` (as fail()) that is recorded rather than thrown.
RuntimeError runtimeError(std::string_view wording, Span span, std::vector<std::string> args = {});

/// The phrase id of what a value is, for messages: "type.number", "type.missing"...
std::string_view typeId(const Value& value);
std::string_view typeId(const Json& value);

/// "a number", "a string", "missing", ... in English.
std::string describe(const Value& value);
std::string describe(const Json& value);

class RunState {
public:
    /// `start`: when the run started (its time limit counts from there).
    RunState(const RunOptions& options, const Json& input,
             std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now());

    const RunOptions& options;
    const Json& input;
    RunStats stats;
    std::vector<RuntimeError> errors;
    std::vector<TraceEvent> trace;
    bool traceTruncated = false;   ///< events were dropped at options.maxTraceEvents
    const bool tracing;
    /// The position of the current element of the innermost array block (index()), or -1.
    std::int64_t elementIndex = -1;
    /// Tracing only: the JSON Pointer of the output object the current targets are relative to.
    std::string pointerBase;
    /// When set, every build() is also appended here (the V2 compiler folding a constant keeps
    /// what evaluating it builds, to count it at run time where and as the V1 engine does).
    std::vector<BuildCharge>* buildLog = nullptr;
    /// Profiled runs only (RunOptions::profile): each rule's counters and time.
    ProfileRecorder* profiler = nullptr;

    /// One evaluation step: counts it against the step limit and looks at the clock every so often.
    void step(Span span)
    {
        if (++steps_ > options.limits.maxSteps)
            stepLimit(span);
        if ((steps_ & 1023u) == 0)
            checkClock(span);
    }
    /// A unit of work inside a function (one element of an array): only looks at the clock.
    void tick(Span span)
    {
        if ((++ticks_ & 4095u) == 0)
            checkClock(span);
    }
    void enter(Span span)
    {
        if (++depth_ > options.limits.maxDepth)
            depthLimit(span);
    }
    void leave() noexcept { --depth_; }

    /// Accounts for `bytes` more of values built (RunLimits::maxBuildBytes); past the budget,
    /// error E405 stops the run. Call it before building what can be measured in advance (a
    /// copy, a concatenation), else right after. Looks at the clock at every MiB built.
    void build(std::uint64_t bytes, Span span)
    {
        if (bytes > options.limits.maxBuildBytes - built_)
            buildLimit(span);
        const std::uint64_t before = built_;
        built_ += bytes;
        if (buildLog)
            buildLog->push_back({span, bytes});
        if ((before >> 20) != (built_ >> 20))
            checkClock(span);
    }
    /// build() for a copy of `value` (nothing for a number, a boolean or null).
    void buildCopy(const Json& value, Span span);
    /// Bytes of values built so far.
    [[nodiscard]] std::uint64_t built() const noexcept { return built_; }
    /// Past the time limit, error E404 stops the run. Also called at the end of a run: a run
    /// that took longer than its limit is not *ok*, even when no step looked at the clock late.
    void checkClock(Span span) const;

    /// Accounts for `bytes` more of output; past the limit, error E402 stops the run.
    void addOutput(std::uint64_t bytes, Span span);
    /// A single value of `bytes` about to be built (a padded string, a padded array): past the
    /// output limit it could never be written, so error E402 stops the run before allocating.
    void checkSize(std::uint64_t bytes, Span span) const;
    /// The run's clock (now()): the same value for the whole run.
    [[nodiscard]] std::int64_t nowMs() const noexcept;

    /// Records an error that abandoned a rule (and its trace event).
    void record(const RuntimeError& error);

    // Trace events; call only when `tracing`.
    void traceRule(Span span);
    void traceValue(Span span, const Value& value);
    void traceWrite(Span span, std::string target, const Json& value);
    void traceSkip(Span span, std::string target, std::string reason);
    /// An array block element entered (with the element and its output pointer) or left.
    void traceElement(TraceKind kind, Span span, std::int64_t index, const Json* element = nullptr);

    [[noreturn]] void depthLimit(Span span) const;

private:
    void push(TraceEvent&& event);
    /// The value as the trace keeps it: a value too deep to copy safely by its description.
    [[nodiscard]] Json recordable(const Json& value);
    [[noreturn]] void stepLimit(Span span) const;
    [[noreturn]] void outputLimit(Span span) const;
    [[noreturn]] void buildLimit(Span span) const;

    std::uint64_t steps_ = 0;
    std::uint64_t ticks_ = 0;
    std::uint64_t outputBytes_ = 0;
    std::uint64_t built_ = 0;
    std::uint64_t traceBytes_ = 0;
    int depth_ = 0;
    mutable std::optional<std::int64_t> nowMs_;
    std::chrono::steady_clock::time_point deadline_;
};

/// A JSONPath query under the run's limits: the nodes it visits and selects count against the
/// budget of values built (16 bytes each: a nodelist entry, or its share of the traversal), and
/// the clock is looked at every Watch::kInterval nodes, inside descendant and filter traversal.
class QueryWatch final : public jsonpath::Watch {
public:
    QueryWatch(RunState& state, Span span) : state_(state), span_(span) {}
    void progress(std::uint64_t nodes) override
    {
        state_.build(16 * nodes, span_);
        state_.checkClock(span_);
    }

private:
    RunState& state_;
    Span span_;
};

/// Counts one level of evaluation nesting for the lifetime of the guard.
class DepthGuard {
public:
    DepthGuard(RunState& state, Span span) : state_(state) { state_.enter(span); }
    ~DepthGuard() { state_.leave(); }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

private:
    RunState& state_;
};

/// Size and nesting of a JSON value, measured without recursion.
struct Measure {
    std::uint64_t bytes = 0;   ///< about its compact serialization
    std::uint64_t nodes = 0;        ///< values in it, itself included
    std::uint64_t containers = 0;   ///< arrays and objects in it, itself included
    int depth = 0;             ///< 0 for a scalar, 1 for a flat array or object, ...
};
/// Stops measuring (and reports depth maxDepth + 1) once the value nests deeper than maxDepth.
Measure measure(const Json& value, int maxDepth);
/// measure(value, maxDepth).depth > maxDepth, without reading the scalars.
bool nestsDeeper(const Json& value, int maxDepth);
/// What building a copy of `value` costs against RunLimits::maxBuildBytes, an estimate of its
/// memory: its serialized bytes, plus 16 per value in it (a JSON node) and 48 more per array
/// or object (its vector and allocation); 0 for a number, boolean or null.
/// Values nested past maxDepth count as far as maxDepth.
std::uint64_t footprint(const Json& value, int maxDepth);

} // namespace mdsl::rt
