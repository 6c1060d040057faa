#pragma once
// Internal: writing the output (docs/engines.md, "Writing the output") — target creation, padding with
// null, conflicts, skipped writes — and the life of one rule, the same in both engines.

#include "mdsl/ast.h"
#include "runtime/profile.h"
#include "runtime/state.h"

#include <span>
#include <string>

namespace mdsl::rt {

/// The JSON Pointer of a target under the state's pointer base (for the trace).
std::string targetPointer(const RunState& state, std::span<const ast::PathSegment> target);
void appendPointer(std::string& pointer, const ast::PathSegment& segment);

/// What an engine knows about a target beyond its segments: where its base sits in the output,
/// and what V2's plan saw of all the targets (capacity, freshKeys: neither changes the output).
struct TargetHints {
    /// For segment i, the keys an object created to hold it may get: reserved on creation
    /// (growing an object copies its members).
    std::span<const std::uint32_t> capacity;
    /// Bit i: segment i's key cannot be in its object yet (no other write puts it there), so
    /// it is appended without looking for it.
    std::uint64_t freshKeys = 0;
    /// The levels of output above the base object (an array block's element: its block's
    /// target and the array): the depth limit counts them.
    int baseDepth = 0;
};

/// Writes `value` at `target` under `base`, creating objects and padding arrays on the way.
/// Writing under a scalar, or a field into an array, is error E413 at `span`. The value is
/// measured first (output size and depth limits: the output nests one level per segment above
/// the value) and counted as a write.
void writeValue(RunState& state, Json& base, std::span<const ast::PathSegment> target, Value value, Span span,
                const TargetHints& hints = {});

/// One rule: enters it, evaluates, then writes or skips; a runtime error abandons the rule
/// (recorded, nothing written) and the run goes on; a limit stops the run.
template <class Eval>
void runRule(RunState& state, Span ruleSpan, Span targetSpan, Json& base,
             std::span<const ast::PathSegment> target, Eval&& eval, const TargetHints& hints = {})
{
    ++state.stats.rules;
    RuleTimer timer(state.profiler, state, ruleSpan, targetSpan);
    if (state.tracing)
        state.traceRule(ruleSpan);
    try {
        Value value = eval();
        if (value.isMissing()) {
            ++state.stats.skipped;
            if (state.tracing)
                state.traceSkip(ruleSpan, targetPointer(state, target), "source missing");
            return;
        }
        writeValue(state, base, target, std::move(value), targetSpan, hints);
    } catch (Failure& failure) {
        if (failure.fatal) {
            timer.fatal();
            throw;
        }
        state.record(failure.error);
    }
}

} // namespace mdsl::rt
