#pragma once
// Internal: writing the output (language design section 5) — target creation, padding with
// null, conflicts, skipped writes — and the life of one rule, the same in both engines.

#include "mdsl/ast.h"
#include "runtime/state.h"

#include <span>
#include <string>

namespace mdsl::rt {

/// The JSON Pointer of a target under the state's pointer base (for the trace).
std::string targetPointer(const RunState& state, std::span<const ast::PathSegment> target);
void appendPointer(std::string& pointer, const ast::PathSegment& segment);

/// Writes `value` at `target` under `base`, creating objects and padding arrays on the way.
/// Writing under a scalar, or a field into an array, is error E413 at `span`. The value is
/// measured first (output size and depth limits) and counted as a write.
void writeValue(RunState& state, Json& base, std::span<const ast::PathSegment> target, Value value, Span span);

/// One rule: enters it, evaluates, then writes or skips; a runtime error abandons the rule
/// (recorded, nothing written) and the run goes on; a limit stops the run.
template <class Eval>
void runRule(RunState& state, Span ruleSpan, Span targetSpan, Json& base,
             std::span<const ast::PathSegment> target, Eval&& eval)
{
    ++state.stats.rules;
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
        writeValue(state, base, target, std::move(value), targetSpan);
    } catch (Failure& failure) {
        if (failure.fatal)
            throw;
        state.record(failure.error);
    }
}

} // namespace mdsl::rt
