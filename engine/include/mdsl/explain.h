#pragma once
// Why an output location has its value, or has none: read from a traced run and the mapping's
// analysis (docs/engines.md, "Why a value"). The answer is data (a kind, the rule, the path,
// the error) with an English sentence; a client words it in its own language from the data.
//
//   RunResult r = run(analysis.compiled(EngineKind::V2), input, {.trace = true});
//   Why why = explain(r, analysis, "/customer/fax");   // kind Missing, path ".contact.fax"

#include "mdsl/analysis.h"
#include "mdsl/engine.h"
#include "mdsl/source.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

enum class WhyKind : std::uint8_t {
    Written,        ///< a rule wrote the location (`rule`)
    WrittenInside,  ///< the location is inside the value a rule wrote at `target`
    Element,        ///< the location is the object an array block made for element `index`
    Contains,       ///< the location holds what rules wrote inside it (`rule`: the first, at `target`)
    Missing,        ///< the rule's source path `path` is missing in the input: nothing written
    NoValue,        ///< the rule's expression `path` gave no value: nothing written
    Null,           ///< the array block's source `path` is null: nothing written
    Failed,         ///< a runtime error in the rule (`code`, `message`): nothing written
    NotRun,         ///< rules target it (`candidates`) but none ran for it (e.g. a `when` did not hold)
    NotTargeted,    ///< no rule of the mapping writes it
    TraceCut,       ///< nothing about it was recorded before the trace was cut
};
/// "written", "written-inside", "element", "contains", "missing", "no-value", "null", "failed", "not-run",
/// "not-targeted", "trace-cut".
std::string_view whyKindName(WhyKind kind) noexcept;

/// A rule of the mapping, as a why names it.
struct WhyRule {
    Span span;          ///< the whole rule or array block
    int line = 0;       ///< 1-based line of its start
    std::string text;   ///< its first line, trimmed, at most 80 bytes (cut at a character)

    friend bool operator==(const WhyRule&, const WhyRule&) = default;
};

/// Why an output location has its value, or none.
struct Why {
    WhyKind kind = WhyKind::NotTargeted;
    std::string pointer;            ///< the location asked about (JSON Pointer)
    /// Where the event that explains it happened: the location itself, the ancestor a value
    /// was written at (WrittenInside), or a location inside it that was not written (a
    /// missing object whose members were all skipped).
    std::string target;
    std::optional<WhyRule> rule;    ///< the rule that wrote or skipped it, or failed
    std::string path;               ///< Missing, NoValue, Null: the expression as written (".contact.fax")
    std::string code;               ///< Failed: the error code ("E410")
    std::string message;            ///< Failed: the error's English message
    std::vector<std::string> args;  ///< Failed: the error's arguments (Diagnostic::args)
    std::string wording;            ///< Failed: the error's wording id (Diagnostic::wording)
    std::int64_t index = -1;        ///< Element: the element's index
    std::vector<WhyRule> candidates;   ///< NotRun: the rules that target the location
    bool traceTruncated = false;    ///< the trace was cut (events past the cap are unknown)
    bool fallback = false;          ///< the run is V1 answering as a fallback for V2
    std::string english;            ///< the answer as an English sentence
};

/// Why `pointer` has its value, or none, in the output of `run`, a run with RunOptions::trace
/// of the mapping `mapping` analysed (the same text). Reads the trace once, without recursion;
/// never throws on a pointer that names nothing.
Why explain(const RunResult& run, const Analysis& mapping, std::string_view pointer);

} // namespace mdsl
