#pragma once
// The studio's one breakpoint type: what the editor's gutter shows, the Debug menu edits and
// the debugger stops at (RecordingDebugger turns it into the engine's mdsl::debug::Breakpoint).

#include <QString>

namespace studio {

/// A breakpoint on a rule line; a non-empty condition is a DSL expression in the rule's scope.
struct DebugBreakpoint {
    int line = 0;   ///< 1-based
    QString condition;

    friend bool operator==(const DebugBreakpoint&, const DebugBreakpoint&) = default;
};

} // namespace studio
