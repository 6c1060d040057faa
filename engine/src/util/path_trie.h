#pragma once
// Internal: target paths interned as small ids, one per distinct path, each made of its
// parent's id and one segment. A path's prefixes are its ancestors, so looking a prefix up,
// comparing two or walking them costs steps, never a string per prefix: the validator and the
// V2 compiler stay linear in a target's length (building each prefix of a target as a string
// made a 100,000-segment target cost gigabytes).

#include "mdsl/ast.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mdsl::util {

class PathTrie {
public:
    using Id = std::uint32_t;
    static constexpr Id kRoot = 0;
    /// How a node is reached from its parent.
    enum class Step : char { Root, Field, Index, Element };

    PathTrie() { nodes_.push_back({ kRoot, Step::Root, 0, nullptr }); }

    /// The node of `segment` under `parent`, made on first use.
    Id child(Id parent, const ast::PathSegment& segment)
    {
        if (segment.kind == ast::PathSegment::Kind::Index)
            return intern(parent, Step::Index, std::to_string(segment.index));
        return intern(parent, Step::Field, segment.name);
    }
    /// The element of an array block under its target (the `[]` of `target[] <- each …`).
    Id element(Id parent) { return intern(parent, Step::Element, {}); }

    [[nodiscard]] Id parent(Id node) const { return nodes_[node].parent; }
    [[nodiscard]] Step step(Id node) const { return nodes_[node].step; }
    /// Segments from the root: 0 for the root, 1 for its children, ...
    [[nodiscard]] std::uint32_t depth(Id node) const { return nodes_[node].depth; }
    /// Nodes made so far, the root included: ids are given in order, so the node just made is
    /// size() - 1.
    [[nodiscard]] std::size_t size() const { return nodes_.size(); }
    /// A field's name, an index's digits, empty for an element or the root.
    [[nodiscard]] std::string_view label(Id node) const
    {
        const std::string* key = nodes_[node].key;
        return key ? std::string_view(*key).substr(kHeader) : std::string_view();
    }

private:
    // A child's key: its parent's id, its step, its label.
    static constexpr std::size_t kHeader = sizeof(Id) + 1;

    struct Node {
        Id parent;
        Step step;
        std::uint32_t depth;
        const std::string* key; // in ids_: stable while the map lives
    };

    Id intern(Id parent, Step step, std::string_view label)
    {
        key_.assign(reinterpret_cast<const char*>(&parent), sizeof parent);
        key_ += static_cast<char>(step);
        key_ += label;
        const auto [it, fresh] = ids_.try_emplace(key_, static_cast<Id>(nodes_.size()));
        if (fresh)
            nodes_.push_back({ parent, step, nodes_[parent].depth + 1, &it->first });
        return it->second;
    }

    std::unordered_map<std::string, Id> ids_;
    std::vector<Node> nodes_;
    std::string key_;
};

} // namespace mdsl::util
