// Targets: every write of the document as an absolute path (blocks resolved), to find a
// target written twice (W201) and a value written where another rule writes below it (E205).
// Writes in the two branches of one `when` exclude each other; a write inside a `when` only
// counts as a double write against writes under the same conditions (`x <- a` then
// `when c { x <- b }` is the usual default-then-override). A target deeper than the output
// may nest, enclosing blocks included, is E209.

#include "mdsl/catalog.h"
#include "mdsl/report.h"
#include "syntax/lexer.h"
#include "util/path_trie.h"
#include "validate/context.h"

#include <cctype>
#include <unordered_map>

namespace mdsl::validator {

using namespace mdsl::ast;

namespace {

Shape shapeOfCall(std::string_view name, int arity)
{
    for (const CatalogEntry* entry : findFunctions(name)) {
        if (!entry->acceptsArity(arity))
            continue;
        const std::string_view sig = entry->signature;
        const std::string_view result = sig.substr(sig.rfind("-> ") + 3);
        if (result == "array")
            return Shape::Array;
        if (result == "string" || result == "number" || result == "integer" || result == "boolean")
            return Shape::Scalar;
        return Shape::Unknown;
    }
    return Shape::Unknown;
}

} // namespace

Shape shapeOf(const Expr& expr)
{
    switch (expr.kind) {
    case ExprKind::Literal:
    case ExprKind::Unary:
        return Shape::Scalar;
    case ExprKind::Array:
        return Shape::Array;
    case ExprKind::Object:
        return Shape::Object;
    case ExprKind::Binary:
        return expr.as<BinaryExpr>().op == BinaryOp::Coalesce ? Shape::Unknown : Shape::Scalar;
    case ExprKind::Call: {
        const auto& call = expr.as<CallExpr>();
        return shapeOfCall(call.callee, static_cast<int>(call.args.size()));
    }
    case ExprKind::Pipe: {
        const auto& pipe = expr.as<PipeExpr>();
        return shapeOfCall(pipe.callee, static_cast<int>(pipe.args.size()) + 1);
    }
    default:
        return Shape::Unknown;
    }
}

namespace {

struct Write {
    util::PathTrie::Id node;
    Span span;
    Shape shape = Shape::Unknown;
    std::vector<std::pair<const WhenBlock*, bool>> conditions;   // enclosing when blocks, branch
};

using Id = util::PathTrie::Id;
using Step = util::PathTrie::Step;

class TargetsPass {
public:
    explicit TargetsPass(Context& context) : c_(context)
    {
        // About one write per 40 bytes of text: growing the tables costs more than the checks.
        const std::size_t expected = context.text.size() / 40 + 16;
        writes_.reserve(expected);
        first_.reserve(expected);
        firstBelow_.reserve(expected);
        valueWrite_.reserve(expected / 2);
    }

    void body(const Body& statements)
    {
        for (const StmtPtr& stmt : statements)
            statement(*stmt);
    }

private:
    void statement(const Stmt& stmt)
    {
        switch (stmt.kind) {
        case StmtKind::Rule: {
            const auto& rule = stmt.as<RuleStmt>();
            const std::size_t mark = path_.size();
            if (push(rule.target))
                record(rule.target.span, shapeOf(*rule.value));
            path_.resize(mark);
            return;
        }
        case StmtKind::ObjectBlock: {
            const auto& block = stmt.as<ObjectBlock>();
            const std::size_t mark = path_.size();
            if (push(block.target))
                body(block.body);
            path_.resize(mark);
            return;
        }
        case StmtKind::ArrayBlock: {
            const auto& block = stmt.as<ArrayBlock>();
            const std::size_t mark = path_.size();
            // The elements' objects are one level below the array.
            if (push(block.target) && deeper(block.target.segments.back().span)) {
                record(block.target.span, Shape::Array);
                path_.push_back(trie_.element(path_.back()));
                body(block.body);
            }
            path_.resize(mark);
            return;
        }
        case StmtKind::When: {
            const auto& when = stmt.as<WhenBlock>();
            conditions_.push_back({&when, true});
            body(when.body);
            conditions_.back().second = false;
            body(when.elseBody);
            conditions_.pop_back();
            return;
        }
        case StmtKind::Let:
        case StmtKind::Table:
            return;
        }
    }

    // The path may go one level deeper; otherwise E209 at `span`, the segment past the limit.
    // The output nests one level per segment (the root object holds the first), so no run could
    // write a target deeper than RunLimits::maxDepth's default (E403).
    bool deeper(Span span)
    {
        if (path_.size() < kMaxDepth)
            return true;
        c_.report("E209", { std::to_string(kMaxDepth) }, span);
        return false;
    }

    // Appends a target's segments to the current path. False, with E209 reported, when the
    // path gets too deep: the caller then checks nothing at or below it (one error says it).
    bool push(const Target& target)
    {
        for (const PathSegment& segment : target.segments) {
            if (!deeper(segment.span))
                return false;
            path_.push_back(trie_.child(path_.empty() ? util::PathTrie::kRoot : path_.back(), segment));
        }
        return true;
    }

    std::string display(Id node) const
    {
        std::vector<Id> chain;
        for (; node != util::PathTrie::kRoot; node = trie_.parent(node))
            chain.push_back(node);
        std::string text;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const std::string_view label = trie_.label(*it);
            switch (trie_.step(*it)) {
            case Step::Index:
                text.append("[").append(label).append("]");
                break;
            case Step::Element:
                text += "[]";
                break;
            default:
                if (!text.empty())
                    text += '.';
                text += syntax::isIdentifier(label) ? std::string(label) : Json(label).dump();
            }
        }
        return text;
    }

    // Two writes never both happen when they sit in different branches of one `when`.
    static bool exclusive(const Write& a, const Write& b)
    {
        const std::size_t n = std::min(a.conditions.size(), b.conditions.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (a.conditions[i].first != b.conditions[i].first)
                return false;
            if (a.conditions[i].second != b.conditions[i].second)
                return true;
        }
        return false;
    }

    static bool conflicts(Shape above, Step next)
    {
        return above == Shape::Scalar || (above == Shape::Array && next == Step::Field);
    }

    // E205 at `at`, the later write; `other` is the earlier one.
    void conflict(const Write& at, const Write& other, Id value, Id below)
    {
        Diagnostic& d = c_.report("E205", { display(value), display(below) }, at.span);
        d.related.push_back(relatedLocation(c_.range(other.span), "written-here", { display(other.node) }));
    }

    // A prefix of the current path and the step that leaves it.
    static std::uint64_t below(Id prefix, Step next)
    {
        return std::uint64_t { prefix } << 2 | static_cast<std::uint64_t>(next);
    }

    void record(Span span, Shape shape)
    {
        writes_.push_back({ path_.back(), span, shape, conditions_ });
        const std::size_t index = writes_.size() - 1;
        const Write& w = writes_[index];

        // A value written above this target?
        for (std::size_t i = 0; i + 1 < path_.size(); ++i) {
            const auto above = valueWrite_.find(path_[i]);
            if (above != valueWrite_.end() && conflicts(writes_[above->second].shape, trie_.step(path_[i + 1]))
                && !exclusive(writes_[above->second], w)) {
                conflict(w, writes_[above->second], path_[i], w.node);
                break;
            }
        }
        // Writes already below this value?
        for (const Step next : { Step::Field, Step::Index, Step::Element }) {
            const auto found = firstBelow_.find(below(w.node, next));
            if (found != firstBelow_.end() && conflicts(w.shape, next) && !exclusive(writes_[found->second], w)) {
                conflict(w, writes_[found->second], w.node, writes_[found->second].node);
                break;
            }
        }
        // The same target again, under the same conditions?
        const auto [same, isNew] = first_.try_emplace(w.node, index);
        if (!isNew && writes_[same->second].conditions == w.conditions) {
            Diagnostic& d = c_.report("W201", { display(w.node) }, span);
            d.related.push_back(relatedLocation(c_.range(writes_[same->second].span), "first-written"));
        }
        if (w.shape == Shape::Scalar || w.shape == Shape::Array)
            valueWrite_.try_emplace(w.node, index);
        for (std::size_t i = 0; i + 1 < path_.size(); ++i)
            firstBelow_.try_emplace(below(path_[i], trie_.step(path_[i + 1])), index);
    }

    static constexpr auto kMaxDepth = static_cast<std::size_t>(RunLimits {}.maxDepth);

    Context& c_;
    util::PathTrie trie_;
    std::vector<Id> path_; // the current path, one node per segment
    std::vector<std::pair<const WhenBlock*, bool>> conditions_;
    std::vector<Write> writes_;
    std::unordered_map<Id, std::size_t> first_; // path -> first write of it
    std::unordered_map<std::uint64_t, std::size_t> firstBelow_; // below(prefix, step) -> first write under it
    std::unordered_map<Id, std::size_t> valueWrite_; // path -> first scalar or array write
};

} // namespace

void checkTargets(Context& context)
{
    TargetsPass pass(context);
    pass.body(context.document.statements);
}

} // namespace mdsl::validator
