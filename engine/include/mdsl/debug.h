#pragma once
// Time travel over a recorded run: what the studio's debugger steps through, without any UI.
//
//   Recording r = record(text, input, EngineKind::V2, flags);   // runs once, trace on
//   std::size_t at = *r.firstStop();
//   at = r.stepOver(at).value_or(at);                           // navigation answers event indices
//   Json partial = r.outputAt(at);                              // the output built so far
//   std::vector<Frame> frames = r.frames(at);                   // rule / element stack
//
// A recording is immutable: every query is const and may be asked from any thread.
//
// Stops. The events a step can land on are rules entered, block elements entered, writes,
// skips and errors; values are shown with their rule, never stepped on one by one. Each stop
// has a level (the number of rules and elements around it, a rule's write at its rule's level):
// step over goes to the next stop at the same level or above, step out to the end of the
// enclosing rule (the array block's write), step into / step back to the next / previous stop.
//
// Breakpoint conditions. A condition is an expression of the mapping's language, checked and
// compiled once per (condition, rule) in the scope of the rule it is on, under the recording's
// flags and engine: the document's top-level `let`s and `table`s, the `let`s of the enclosing
// blocks that ran before the rule, the `as` names of the enclosing `each` blocks, `index()`
// and `.` the current element. Each stop candidate then only evaluates the compiled expression
// (under small run limits) over what the recording holds at that event: the element, the
// enclosing elements, and the values the `let`s had (their trace values).

#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"
#include "mdsl/report.h"
#include "mdsl/source.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl::debug {

/// Events kept by default: enough for any mapping a person steps through, bounded memory.
inline constexpr std::size_t kDefaultMaxEvents = 200'000;
/// Bytes of values a recording copies at most (RunOptions::maxTraceBytes).
inline constexpr std::uint64_t kDefaultMaxTraceBytes = 256u << 20;

enum class FrameKind { Rule, Element };

/// One level of the stack at an event: a rule being evaluated or an array block element.
struct Frame {
    FrameKind kind = FrameKind::Rule;
    std::size_t event = 0;       ///< the RuleEntered or ElementEntered event that opened it
    Span span;                   ///< the rule (an array block: the whole block)
    std::int64_t index = -1;     ///< Element: its position in the block's source
};

/// A breakpoint on a rule line, optionally conditional.
struct Breakpoint {
    int line = 0;                ///< 1-based line where a rule starts
    std::string condition;       ///< a DSL expression in the rule's scope; empty: always
};

enum class StopReason {
    Breakpoint,   ///< a breakpoint's rule was entered (and its condition held or failed)
    End,          ///< no breakpoint ahead (behind): the last (first) stop of the run
    Cancelled,    ///< the search was cancelled: `event` is where it started
};

/// Why a breakpoint condition gave no answer (a syntax error, an unknown name, a feature the
/// flags refuse, a run-time error, a value that is not a boolean...), structured as diagnostics
/// are so that a client words it in its own language: the id of its wording
/// (conditionWordings()), its arguments, where in the condition it applies, and the diagnostic
/// underneath (the condition's check or its run-time error) when there is one.
///
/// A wording's pattern takes {0}, the position (the wording "condition.at-column" or
/// "condition.at-line", whose {0} is `line` and {1} `column`; empty when `line` is 0), and {1}, the
/// diagnostic's message when there is a diagnostic, else `args[0]` (a phrase id where the
/// wording's phraseArgs say so).
struct ConditionError {
    std::string wording;                   ///< a conditionWordings() id; empty: no error
    std::vector<std::string> args;         ///< the arguments after the position and the diagnostic
    int line = 0;                          ///< 1-based, within the condition; 0: no position
    int column = 0;                        ///< 1-based, in bytes
    bool multiline = false;                ///< the condition has several lines: the position names the line
    std::optional<Diagnostic> diagnostic;  ///< the check's or the run's error, with its code, wording and args

    [[nodiscard]] bool empty() const noexcept { return wording.empty(); }
    /// The position's wording id ("condition.at-column", "condition.at-line"), or empty.
    [[nodiscard]] std::string_view positionWording() const noexcept;
    /// In English: "the condition is not valid (column 9): unknown name `nosuch`".
    [[nodiscard]] std::string message() const;

    friend bool operator==(const ConditionError&, const ConditionError&) = default;
};

/// Every wording of a ConditionError, and of its position: ids "condition.*", English patterns
/// (see ConditionError for their arguments). Clients translate by id; a test ties the studio's.
const std::vector<Wording>& conditionWordings();

/// Where a continue stopped, and why.
struct Stop {
    std::size_t event = 0;
    StopReason reason = StopReason::End;
    int breakpoint = -1;             ///< index into the breakpoints given, or -1
    ConditionError conditionError;   ///< the condition could not be evaluated (it stopped there)
};

/// The value of a breakpoint condition at an event.
struct ConditionResult {
    bool holds = false;
    ConditionError error;            ///< not empty when the condition is wrong
};

/// The value of a watch expression at an event (Recording::watch).
struct WatchValue {
    std::optional<Json> value;       ///< the value; nullopt: missing, or an error
    ConditionError error;            ///< not empty: the expression has no value here, and why
    /// The name of a `let`, `table` or `each ... as` the expression reads that exists in the
    /// mapping but not in the scope of the rule (its E201 error), with the 1-based line of its
    /// definition: what lets a client say "out of scope" rather than "unknown".
    std::string outOfScopeName;
    int outOfScopeLine = 0;

    [[nodiscard]] bool missing() const noexcept { return !value && error.empty(); }
};

/// Where a rule (or an array block) starts in the text.
struct RuleLocation {
    int line = 0;                 ///< 1-based line of the rule's first character
    int lastLine = 0;             ///< 1-based line of its last character
    Span span;
    bool block = false;           ///< an array block
};

/// Every rule and array block of a text, in source order (blocks before their rules).
std::vector<RuleLocation> ruleLocations(std::string_view text);

/// The rule line a breakpoint set on `line` belongs to: the innermost rule spanning the line,
/// else the next rule after it; 0 when there is none.
int ruleLineFor(const std::vector<RuleLocation>& rules, int line);

class Recording {
public:
    /// A recording of `result` (a run of `text` on `input`, trace on).
    Recording(std::string text, std::shared_ptr<const Json> input, Flags flags, RunResult result);
    ~Recording();
    Recording(Recording&&) noexcept;
    Recording& operator=(Recording&&) noexcept;

    [[nodiscard]] const std::string& text() const noexcept;
    [[nodiscard]] const Json& input() const noexcept;
    [[nodiscard]] const RunResult& result() const noexcept;
    [[nodiscard]] const std::vector<RuleLocation>& rules() const noexcept;

    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] const TraceEvent& event(std::size_t i) const;
    /// The run went on past the last recorded event (RunOptions::maxTraceEvents).
    [[nodiscard]] bool truncated() const noexcept;
    /// The 1-based line where an event's span starts.
    [[nodiscard]] int lineOf(std::size_t i) const;
    [[nodiscard]] int lineOfOffset(std::uint32_t offset) const;

    // Structure -------------------------------------------------------------------------
    [[nodiscard]] bool isStop(std::size_t i) const;
    [[nodiscard]] int level(std::size_t i) const;
    /// Outermost first. The frame an event opens is included; so is the rule a write,
    /// skip or error closes.
    [[nodiscard]] std::vector<Frame> frames(std::size_t i) const;
    /// The RuleEntered event of the rule an event belongs to (itself for a RuleEntered).
    [[nodiscard]] std::optional<std::size_t> ruleOf(std::size_t i) const;
    /// The write, skip or error that ends a rule (given by its RuleEntered event).
    [[nodiscard]] std::optional<std::size_t> closerOf(std::size_t rule) const;
    /// True for an array block's RuleEntered event.
    [[nodiscard]] bool isBlock(std::size_t rule) const;
    /// The Value events of a rule's own expression (not those of the rules inside a block).
    [[nodiscard]] std::vector<std::size_t> valuesOf(std::size_t rule) const;
    /// The ElementEntered event of the innermost element around an event, if any.
    [[nodiscard]] std::optional<std::size_t> elementOf(std::size_t i) const;
    /// The context at an event: the current element of the innermost array block, else the input.
    [[nodiscard]] const Json& context(std::size_t i) const;
    /// The runtime error an Error event records (its message and arguments), if known.
    [[nodiscard]] const Diagnostic* errorOf(std::size_t i) const;

    // Output ----------------------------------------------------------------------------
    /// The output as it stands after event i.
    [[nodiscard]] Json outputAt(std::size_t i) const;
    /// Applies events (from, to] to `output`, which must be the output after `from`.
    void advance(Json& output, std::size_t from, std::size_t to) const;
    /// The latest Write event at or before i.
    [[nodiscard]] std::optional<std::size_t> lastWrite(std::size_t i) const;
    /// The Write event, at or before `upTo`, that put the value at a JSON Pointer there: the
    /// exact write, the rule inside an array block rather than the block, else the write of an
    /// enclosing value, else the latest write inside it.
    [[nodiscard]] std::optional<std::size_t> writerOf(const std::string& pointer, std::size_t upTo) const;
    /// Every write, skip and error that ended the rule starting at `ruleBegin` (one per
    /// element inside array blocks), in run order.
    [[nodiscard]] std::vector<std::size_t> outcomesOfRule(std::uint32_t ruleBegin) const;

    // Navigation (nullopt: nowhere to go) -------------------------------------------------
    [[nodiscard]] std::optional<std::size_t> firstStop() const;
    [[nodiscard]] std::optional<std::size_t> lastStop() const;
    [[nodiscard]] std::optional<std::size_t> stepInto(std::size_t i) const;
    [[nodiscard]] std::optional<std::size_t> stepBack(std::size_t i) const;
    [[nodiscard]] std::optional<std::size_t> stepOver(std::size_t i) const;
    [[nodiscard]] std::optional<std::size_t> stepOut(std::size_t i) const;
    /// The next time after i a rule on `line` (snapped with ruleLineFor) is entered.
    [[nodiscard]] std::optional<std::size_t> runToLine(std::size_t i, int line) const;
    /// The next breakpoint hit after i (conditions evaluated), else the last stop.
    /// Conditions are evaluated at most `maxEvaluations` times; past that it stops there,
    /// with a message in conditionError. When `cancel` becomes true (another thread), it gives
    /// up at once with StopReason::Cancelled.
    [[nodiscard]] Stop continueFrom(std::size_t i, const std::vector<Breakpoint>& breakpoints,
                                    std::size_t maxEvaluations = 20'000,
                                    const std::atomic<bool>* cancel = nullptr) const;
    /// The same backwards in time: the previous breakpoint hit before i, else the first stop.
    [[nodiscard]] Stop reverseContinueFrom(std::size_t i, const std::vector<Breakpoint>& breakpoints,
                                           std::size_t maxEvaluations = 20'000,
                                           const std::atomic<bool>* cancel = nullptr) const;
    /// Evaluates a breakpoint condition at event i, in the scope of the rule event i belongs
    /// to (see "Breakpoint conditions" above). Compiled on first use, then reused.
    [[nodiscard]] ConditionResult evaluate(const std::string& condition, std::size_t i) const;
    /// Evaluates a watch expression at event i, exactly as a breakpoint condition (same scope,
    /// same compiled-once machinery, same run limits), and gives its value whatever its type.
    /// Errors use the condition wordings (conditionWordings()); empty or blank: missing.
    [[nodiscard]] WatchValue watch(const std::string& expression, std::size_t i) const;
    /// How many times a condition was parsed, checked and compiled in this recording (once
    /// per distinct condition and rule): what tests read to see that continuing does not
    /// compile a condition again at each stop candidate.
    [[nodiscard]] std::size_t conditionsCompiled() const noexcept;

private:
    [[nodiscard]] Stop seek(std::size_t i, const std::vector<Breakpoint>& breakpoints, std::size_t maxEvaluations,
                            bool forward, const std::atomic<bool>* cancel) const;
    [[nodiscard]] ConditionResult evaluateAtRule(const std::string& condition, std::uint32_t ruleBegin,
                                                 std::size_t i) const;
    [[nodiscard]] WatchValue valueAtRule(const std::string& expression, std::uint32_t ruleBegin, std::size_t i) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Compiles `text` for one engine under the flags, runs it on `input` with the trace on
/// (at most maxEvents events; options.maxTraceBytes, when 0, becomes kDefaultMaxTraceBytes)
/// and records the run. An invalid mapping gives an empty
/// recording whose result() holds the diagnostics.
Recording record(std::string text, std::shared_ptr<const Json> input, EngineKind engine, const Flags& flags,
                 RunOptions options = {}, std::size_t maxEvents = kDefaultMaxEvents);

} // namespace mdsl::debug
