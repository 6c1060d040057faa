#pragma once
// The per-rule profile of runs (RunOptions::profile): for each rule, how often it ran, what it
// did and how long it took. One run's profile is in its RunResult; the profiles of many runs
// (a batch, one side of a comparison) add up with merge().
//
//   options.profile = true;
//   RuleProfile total;
//   for (const Json& input : inputs) total.merge(*run(mapping, input, options).profile);
//   std::cout << profileText(total);

#include "mdsl/json.h"
#include "mdsl/source.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mdsl {

/// One rule's figures over one run or many. A rule is a `target <- value` statement: inside an
/// array block it runs once per element, each a call.
struct RuleFigures {
    Span span;                 ///< the rule in the mapping text
    int line = 0;              ///< 1-based line of the rule
    int column = 0;            ///< 1-based column of the rule
    std::string target;        ///< the target as written (`order.lines[0].sku`)
    std::uint64_t calls = 0;   ///< times the rule ran
    std::uint64_t writes = 0;  ///< calls that wrote a value
    std::uint64_t skips = 0;   ///< calls that wrote nothing: the value was missing
    std::uint64_t errors = 0;  ///< calls a runtime error abandoned (a limit included)
    std::int64_t totalNs = 0;  ///< time spent in the rule, evaluation and write, nanoseconds

    /// totalNs / calls (0 without calls).
    [[nodiscard]] double meanNs() const noexcept;
};

/// The profile of one run or of many runs of one mapping on one engine.
struct RuleProfile {
    std::uint64_t runs = 0;    ///< runs added up
    std::int64_t runNs = 0;    ///< time of those runs (the engine's execution, compilation excluded)
    std::vector<RuleFigures> rules;   ///< in source order; rules that never ran are absent

    /// A rule's share of the run time: rule.totalNs / runNs (0 when runNs is 0).
    [[nodiscard]] double share(const RuleFigures& rule) const noexcept;
    /// Adds the figures of `other` (runs of the same mapping text): rules match by span.
    void merge(const RuleProfile& other);
};

/// {"runs", "run_ns", "rules": [{"line", "column", "span": {"begin", "end"}, "target", "calls",
/// "writes", "skips", "errors", "total_ns", "mean_ns", "share"}]} (docs/schemas/profile.schema.json).
Json profileToJson(const RuleProfile& profile);

/// A table for people: one line per rule, in source order, then the run totals.
std::string profileText(const RuleProfile& profile);

} // namespace mdsl
