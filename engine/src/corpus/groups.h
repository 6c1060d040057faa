#pragma once
// Internal: how two outputs differ, by pattern, and the bounded tables of difference and
// failure groups that a corpus comparison fills and that merging shards fills again.

#include "mdsl/corpus.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace mdsl::detail {

/// One place where two outputs differ, with the values there (GroupExample's wording).
struct FoundDifference {
    std::string pointer;
    DifferenceKind kind = DifferenceKind::ValueChange;
    std::string left;
    std::string right;
};

/// The distinct (pointer, kind) patterns where `left` and `right` differ, the first example
/// of each; nullptr is a missing output. Arrays compare position by position; nesting past
/// 64 levels compares as a whole (a value change), so user data never recurses unbounded.
std::vector<FoundDifference> findDifferences(const Json* left, const Json* right);

/// A value as an example shows it: compact JSON cut at 200 bytes, "(missing)" for nullptr.
std::string exampleText(const Json* value);

/// One record's failure on a side, or one invalid input line.
struct FoundFailure {
    std::string side;
    RunStatus status = RunStatus::Failed;
    std::string code;
    std::string rule;
    std::string message;
};

/// Difference and failure groups, bounded: at most maxGroups of each (a record whose pattern
/// comes later counts in ungrouped) and examplesPerGroup examples each, the first by line.
class GroupTable {
public:
    GroupTable(std::size_t examplesPerGroup, std::size_t maxGroups);
    void add(std::uint64_t line, const FoundDifference& difference);
    void add(std::uint64_t line, const FoundFailure& failure);
    /// A group of a shard's report (merge): counts added, examples kept by line.
    void merge(const DifferenceGroup& group);
    void merge(const FailureGroup& group);
    std::uint64_t ungrouped = 0;
    /// The groups, most records first; past maxGroups (after merging), the groups first seen
    /// latest go to ungrouped.
    void finish(CorpusReport& report);

private:
    using DifferenceKey = std::tuple<std::string, int>;
    using FailureKey = std::tuple<std::string, int, std::string, std::string>;
    std::size_t examples_;
    std::size_t maxGroups_;
    std::map<DifferenceKey, DifferenceGroup> differences_;
    std::map<FailureKey, FailureGroup> failures_;
};

/// Error rates from the counts, then the verdict: the end of a run and of a merge.
void finishFigures(CorpusReport& report);

} // namespace mdsl::detail
