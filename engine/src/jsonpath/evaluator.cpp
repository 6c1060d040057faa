// Segments and selectors (RFC 9535 sections 2.3 and 2.5). One template runs both with and
// without normalized paths, so the two cannot drift apart; the plain variant pays nothing
// for paths.

#include "evaluator.h"

#include <algorithm>
#include <cstdint>

namespace mdsl::jsonpath::detail {

namespace {

/// Nodes as bare pointers.
struct Plain {
    using NodeRef = const Json*;
    static const Json& value(NodeRef node) { return *node; }
    NodeRef member(NodeRef, const Json& child, const std::string&) { return &child; }
    NodeRef element(NodeRef, const Json& child, std::size_t) { return &child; }
};

/// Nodes that remember how they were reached: a tree of links, one per node visited, so a
/// path is built only for the nodes that end up in the result.
struct Tracked {
    struct Link {
        std::uint32_t parent;
        const std::string* name;   ///< nullptr for an array element
        std::size_t index;
    };
    struct NodeRef {
        const Json* value;
        std::uint32_t link;   ///< 0: the start node
    };
    std::vector<Link> links{Link{0, nullptr, 0}};

    static const Json& value(NodeRef node) { return *node.value; }
    NodeRef member(NodeRef parent, const Json& child, const std::string& name)
    {
        links.push_back(Link{parent.link, &name, 0});
        return {&child, static_cast<std::uint32_t>(links.size() - 1)};
    }
    NodeRef element(NodeRef parent, const Json& child, std::size_t index)
    {
        links.push_back(Link{parent.link, nullptr, index});
        return {&child, static_cast<std::uint32_t>(links.size() - 1)};
    }
    NormalizedPath path(NodeRef node) const
    {
        NormalizedPath path;
        for (std::uint32_t link = node.link; link != 0; link = links[link].parent) {
            if (links[link].name)
                path.emplace_back(*links[link].name);
            else
                path.emplace_back(links[link].index);
        }
        std::reverse(path.begin(), path.end());
        return path;
    }
};

/// The array index an index selector denotes, or -1 when out of range.
std::int64_t resolveIndex(std::int64_t index, std::size_t size)
{
    const auto length = static_cast<std::int64_t>(size);
    const std::int64_t resolved = index < 0 ? length + index : index;
    return resolved >= 0 && resolved < length ? resolved : -1;
}

template <class Track>
class Run {
public:
    using NodeRef = typename Track::NodeRef;

    Run(const Evaluator& evaluator, Track& track) : evaluator_(evaluator), track_(track) {}

    void query(const QueryAst& query, NodeRef start, std::vector<NodeRef>& out)
    {
        std::vector<NodeRef> current{start};
        std::vector<NodeRef> next;
        for (const Segment& segment : query.segments) {
            next.clear();
            for (const NodeRef node : current) {
                if (segment.descendant)
                    descend(segment, node, next);
                else
                    applySelectors(segment, node, next);
            }
            std::swap(current, next);
            if (current.empty())
                return;
        }
        out.insert(out.end(), current.begin(), current.end());
    }

private:
    void applySelectors(const Segment& segment, NodeRef node, std::vector<NodeRef>& out)
    {
        for (const Selector& selector : segment.selectors)
            select(selector, node, out);
    }

    /// The node and its descendants, parents before children and arrays in order. An
    /// explicit stack: document depth does not touch the call stack.
    void descend(const Segment& segment, NodeRef start, std::vector<NodeRef>& out)
    {
        std::vector<NodeRef> stack{start};
        while (!stack.empty()) {
            const NodeRef node = stack.back();
            stack.pop_back();
            evaluator_.count();
            applySelectors(segment, node, out);
            const Json& value = Track::value(node);
            if (value.is_array()) {
                for (std::size_t i = value.size(); i-- > 0;)
                    stack.push_back(track_.element(node, value[i], i));
            } else if (value.is_object()) {
                for (auto it = value.end(); it != value.begin();) {
                    --it;
                    stack.push_back(track_.member(node, it.value(), it.key()));
                }
            }
        }
    }

    void select(const Selector& selector, NodeRef node, std::vector<NodeRef>& out)
    {
        evaluator_.count();
        const Json& value = Track::value(node);
        switch (selector.kind) {
        case SelectorKind::Name:
            if (value.is_object()) {
                const auto it = value.find(selector.name);
                if (it != value.end())
                    out.push_back(track_.member(node, it.value(), it.key()));
            }
            return;
        case SelectorKind::Index:
            if (value.is_array()) {
                const std::int64_t index = resolveIndex(selector.index, value.size());
                if (index >= 0)
                    out.push_back(track_.element(node, value[static_cast<std::size_t>(index)],
                                                 static_cast<std::size_t>(index)));
            }
            return;
        case SelectorKind::Slice:
            if (value.is_array())
                slice(selector, node, value, out);
            return;
        case SelectorKind::Wildcard:
        case SelectorKind::Filter:
            children(selector, node, value, out);
            return;
        }
    }

    /// The wildcard, or the filter, over the children of an array or object.
    void children(const Selector& selector, NodeRef node, const Json& value, std::vector<NodeRef>& out)
    {
        const Expr* filter = selector.kind == SelectorKind::Filter ? selector.filter.get() : nullptr;
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                evaluator_.count();
                if (!filter || evaluator_.test(*filter, value[i]))
                    out.push_back(track_.element(node, value[i], i));
            }
        } else if (value.is_object()) {
            for (auto it = value.begin(); it != value.end(); ++it) {
                evaluator_.count();
                if (!filter || evaluator_.test(*filter, it.value()))
                    out.push_back(track_.member(node, it.value(), it.key()));
            }
        }
    }

    /// RFC 9535 section 2.3.4.2.2. Bounds are within +-(2^53-1), so no arithmetic overflows.
    void slice(const Selector& selector, NodeRef node, const Json& array, std::vector<NodeRef>& out)
    {
        const std::int64_t step = selector.step;
        if (step == 0)
            return;
        const auto length = static_cast<std::int64_t>(array.size());
        const auto normalize = [length](std::int64_t i) { return i >= 0 ? i : length + i; };
        if (step > 0) {
            const std::int64_t start = selector.start ? normalize(*selector.start) : 0;
            const std::int64_t end = selector.end ? normalize(*selector.end) : length;
            const std::int64_t lower = std::min(std::max(start, std::int64_t{0}), length);
            const std::int64_t upper = std::min(std::max(end, std::int64_t{0}), length);
            for (std::int64_t i = lower; i < upper; i += step)
                pushElement(node, array, i, out);
        } else {
            const std::int64_t start = selector.start ? normalize(*selector.start) : length - 1;
            const std::int64_t end = selector.end ? normalize(*selector.end) : -length - 1;
            const std::int64_t upper = std::min(std::max(start, std::int64_t{-1}), length - 1);
            const std::int64_t lower = std::min(std::max(end, std::int64_t{-1}), length - 1);
            for (std::int64_t i = upper; lower < i; i += step)
                pushElement(node, array, i, out);
        }
    }

    void pushElement(NodeRef node, const Json& array, std::int64_t i, std::vector<NodeRef>& out)
    {
        evaluator_.count();
        const auto index = static_cast<std::size_t>(i);
        out.push_back(track_.element(node, array[index], index));
    }

    const Evaluator& evaluator_;
    Track& track_;
};

} // namespace

void Evaluator::select(const QueryAst& query, const Json& current, std::vector<const Json*>& out) const
{
    const Json& start = query.relative ? current : root_;
    if (query.singular()) {
        if (const Json* node = selectSingular(query, current))
            out.push_back(node);
        return;
    }
    Plain track;
    Run<Plain>(*this, track).query(query, &start, out);
}

std::vector<Node> Evaluator::selectWithPaths(const QueryAst& query, const Json& current) const
{
    const Json& start = query.relative ? current : root_;
    Tracked track;
    std::vector<Tracked::NodeRef> nodes;
    Run<Tracked>(*this, track).query(query, Tracked::NodeRef{&start, 0}, nodes);
    std::vector<Node> result;
    result.reserve(nodes.size());
    for (const Tracked::NodeRef node : nodes)
        result.push_back(Node{node.value, track.path(node)});
    return result;
}

const Json* Evaluator::selectSingular(const QueryAst& query, const Json& current) const
{
    const Json* node = query.relative ? &current : &root_;
    for (const Segment& segment : query.segments) {
        const Selector& selector = segment.selectors.front();
        if (selector.kind == SelectorKind::Name) {
            if (!node->is_object())
                return nullptr;
            const auto it = node->find(selector.name);
            if (it == node->end())
                return nullptr;
            node = &it.value();
        } else {
            if (!node->is_array())
                return nullptr;
            const std::int64_t index = resolveIndex(selector.index, node->size());
            if (index < 0)
                return nullptr;
            node = &(*node)[static_cast<std::size_t>(index)];
        }
    }
    return node;
}

} // namespace mdsl::jsonpath::detail
