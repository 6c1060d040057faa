// Targets: every write of the document as an absolute path (blocks resolved), to find a
// target written twice (W201) and a value written where another rule writes below it (E205).
// Writes in the two branches of one `when` exclude each other; a write inside a `when` only
// counts as a double write against writes under the same conditions (`x <- a` then
// `when c { x <- b }` is the usual default-then-override).

#include "mdsl/catalog.h"
#include "mdsl/report.h"
#include "validate/context.h"
#include "syntax/lexer.h"

#include <cctype>
#include <unordered_map>

namespace mdsl::validator {

namespace {

using namespace mdsl::ast;

// What a rule is known to write, as far as the validator can see without data.
enum class Shape { Unknown, Object, Array, Scalar };

// Segment encodings in path keys: a marker byte, then the name or index.
constexpr char kField = '\x01';
constexpr char kIndex = '\x02';
constexpr char kElement = '\x03';   // the current element of an array block

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

struct Write {
    std::string key;
    std::string display;
    Span span;
    Shape shape = Shape::Unknown;
    std::vector<std::pair<const WhenBlock*, bool>> conditions;   // enclosing when blocks, branch
};

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
            const std::size_t mark = push(rule.target);
            record(rule.target.span, shapeOf(*rule.value));
            pop(mark);
            return;
        }
        case StmtKind::ObjectBlock: {
            const auto& block = stmt.as<ObjectBlock>();
            const std::size_t mark = push(block.target);
            body(block.body);
            pop(mark);
            return;
        }
        case StmtKind::ArrayBlock: {
            const auto& block = stmt.as<ArrayBlock>();
            const std::size_t mark = push(block.target);
            record(block.target.span, Shape::Array);
            key_ += kElement;
            display_ += "[]";
            body(block.body);
            pop(mark);
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

    // Appends a target's segments to the current path; returns the mark to pop back to.
    std::size_t push(const Target& target)
    {
        const std::size_t mark = key_.size();
        displayMarks_.push_back(display_.size());
        for (const PathSegment& segment : target.segments) {
            if (segment.kind == PathSegment::Kind::Index) {
                key_ += kIndex + std::to_string(segment.index);
                display_ += "[" + std::to_string(segment.index) + "]";
                continue;
            }
            key_ += kField + segment.name;
            if (!display_.empty())
                display_ += '.';
            display_ += syntax::isIdentifier(segment.name) ? segment.name : Json(segment.name).dump();
        }
        return mark;
    }

    void pop(std::size_t mark)
    {
        key_.resize(mark);
        display_.resize(displayMarks_.back());
        displayMarks_.pop_back();
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

    static bool conflicts(Shape above, char next)
    {
        return above == Shape::Scalar || (above == Shape::Array && next == kField);
    }

    // E205 at `at`, the later write; `other` is the earlier one.
    void conflict(const Write& at, const Write& other, const std::string& value, const std::string& below)
    {
        Diagnostic& d = c_.report("E205", {value, below}, at.span);
        d.related.push_back(relatedLocation(c_.range(other.span), "written-here", {other.display}));
    }

    void record(Span span, Shape shape)
    {
        writes_.push_back({key_, display_, span, shape, conditions_});
        const std::size_t index = writes_.size() - 1;
        const Write& w = writes_[index];

        // A value written above this target?
        for (std::size_t i = 1; i < w.key.size(); ++i) {
            const char marker = w.key[i];
            if (marker != kField && marker != kIndex && marker != kElement)
                continue;
            const auto above = valueWrite_.find(std::string_view(w.key).substr(0, i));
            if (above != valueWrite_.end() && conflicts(writes_[above->second].shape, marker)
                && !exclusive(writes_[above->second], w)) {
                conflict(w, writes_[above->second], writes_[above->second].display, w.display);
                break;
            }
        }
        // Writes already below this value?
        for (char marker : {kField, kIndex, kElement}) {
            scratch_.assign(w.key).push_back(marker);
            const auto below = firstBelow_.find(scratch_);
            if (below != firstBelow_.end() && conflicts(w.shape, marker) && !exclusive(writes_[below->second], w)) {
                conflict(w, writes_[below->second], w.display, writes_[below->second].display);
                break;
            }
        }
        // The same target again, under the same conditions?
        const auto [same, isNew] = first_.try_emplace(w.key, index);
        if (!isNew && writes_[same->second].conditions == w.conditions) {
            Diagnostic& d = c_.report("W201", {w.display}, span);
            d.related.push_back(relatedLocation(c_.range(writes_[same->second].span), "first-written"));
        }
        if (w.shape == Shape::Scalar || w.shape == Shape::Array)
            valueWrite_.try_emplace(w.key, index);
        for (std::size_t i = 1; i < w.key.size(); ++i) {
            const char marker = w.key[i];
            if (marker == kField || marker == kIndex || marker == kElement)
                if (firstBelow_.find(std::string_view(w.key).substr(0, i + 1)) == firstBelow_.end())
                    firstBelow_.emplace(w.key.substr(0, i + 1), index);
        }
    }

    Context& c_;
    std::string key_;
    std::string display_;
    std::vector<std::size_t> displayMarks_;
    std::vector<std::pair<const WhenBlock*, bool>> conditions_;
    std::vector<Write> writes_;
    // Looked up by string_view (prefixes of keys) without building strings.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
    };
    using Index = std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>>;
    Index first_;        // key -> first write of it
    Index firstBelow_;   // key + the marker of the next segment -> first write below
    Index valueWrite_;   // key -> first scalar or array write
    std::string scratch_;
};

} // namespace

void checkTargets(Context& context)
{
    TargetsPass pass(context);
    pass.body(context.document.statements);
}

} // namespace mdsl::validator
