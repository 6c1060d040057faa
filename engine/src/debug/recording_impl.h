#pragma once
// Internal: the indexes a Recording builds once over its events (frames, closers, levels,
// output snapshots), shared by the navigation (recording.cpp) and the conditions
// (condition.cpp).

#include "mdsl/debug.h"

#include <limits>
#include <map>
#include <string>
#include <vector>

namespace mdsl::debug {

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

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

    /// Prelude of a condition: the top-level lets and tables, one per line.
    std::string prelude;
    /// Array block span begin -> its `as` name.
    std::map<std::uint32_t, std::string> aliases;

    void index();
    /// Fills prelude and aliases from the text.
    void prepareConditions();
    void apply(Json& output, std::size_t i) const;
};

} // namespace mdsl::debug
