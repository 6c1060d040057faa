#pragma once
// Internal: the indexes a Recording builds once over its events (frames, closers, levels,
// output snapshots), shared by the navigation (recording.cpp) and the conditions
// (condition.cpp).

#include "mdsl/debug.h"

#include <atomic>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace mdsl::debug {

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// A breakpoint condition compiled in the scope of one rule (condition.cpp).
struct CompiledCondition;

struct Recording::Impl {
    std::string text;
    std::shared_ptr<const Json> input;
    Flags flags;
    RunResult result;
    LineIndex lines{std::string_view()};
    std::vector<RuleLocation> rules;

    std::vector<std::size_t> parent;     ///< innermost open frame around each event, or kNone
    std::vector<std::size_t> closer;     ///< for a RuleEntered: the event that ends it, or kNone
    std::vector<int> level;
    std::vector<char> block;             ///< for a RuleEntered: it has elements (array block)
    std::vector<std::size_t> element;    ///< innermost ElementEntered around each event, or kNone
    std::vector<std::size_t> errorIndex; ///< for an Error: its position among runtime diagnostics

    std::size_t snapshotEvery = 512;
    std::vector<Json> snapshots;         ///< snapshots[k]: the output after event (k+1)*every-1

    /// The value span of each `let` and `table` of the text (begin << 32 | end) -> the Value
    /// events with that span, in run order: what a `let` was worth at any event.
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> letValues;
    /// Every name the text defines (`let`, `table`, `each ... as`) -> the line of its definition.
    std::unordered_map<std::string, int> definitions;

    /// Compiled conditions by (condition, rule span begin), kept for the recording's life
    /// (bounded: cleared when it holds too many).
    mutable std::mutex conditionsMutex;
    mutable std::map<std::pair<std::string, std::uint32_t>, std::shared_ptr<const CompiledCondition>> conditions;
    mutable std::atomic<std::size_t> compilations{0};

    void index();
    /// Fills letValues from the text and the events.
    void prepareConditions();
    /// The condition compiled for a rule, from the cache or compiled now.
    [[nodiscard]] std::shared_ptr<const CompiledCondition> conditionFor(const std::string& condition,
                                                                       std::uint32_t ruleBegin) const;
    /// The innermost ElementEntered around event i of the array block starting at blockBegin.
    [[nodiscard]] std::size_t enclosingElement(std::size_t i, std::uint32_t blockBegin) const;
    void apply(Json& output, std::size_t i) const;
};

} // namespace mdsl::debug
