#pragma once
// The syntax tree of a parsed JSONPath query. Built once by the parser, then only read by the
// evaluator. Every node keeps the byte offset where it starts in the query text.

#include "mdsl/jsonpath.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace mdsl::jsonpath::detail {

struct Expr;

enum class SelectorKind : std::uint8_t { Name, Wildcard, Index, Slice, Filter };

struct Selector {
    SelectorKind kind = SelectorKind::Name;
    std::uint32_t offset = 0;
    std::string name;                    ///< Name: the member name, unescaped
    std::int64_t index = 0;              ///< Index: may be negative (from the end)
    std::optional<std::int64_t> start;   ///< Slice bounds, absent = the default for the step sign
    std::optional<std::int64_t> end;
    std::int64_t step = 1;
    std::unique_ptr<Expr> filter;        ///< Filter: a logical expression
};

struct Segment {
    bool descendant = false;   ///< '..' rather than a child segment
    std::vector<Selector> selectors;
};

struct QueryAst {
    bool relative = false;     ///< starts with '@'
    std::uint32_t offset = 0;
    std::vector<Segment> segments;

    /// Name and index selectors only, one per child segment: selects at most one node.
    [[nodiscard]] bool singular() const
    {
        for (const Segment& segment : segments) {
            if (segment.descendant || segment.selectors.size() != 1)
                return false;
            const SelectorKind kind = segment.selectors.front().kind;
            if (kind != SelectorKind::Name && kind != SelectorKind::Index)
                return false;
        }
        return true;
    }
};

/// The declared types of RFC 9535 section 2.4.1.
enum class Type : std::uint8_t { Value, Logical, Nodes };

enum class Function : std::uint8_t { Length, Count, Match, Search, Value };

enum class ExprKind : std::uint8_t {
    Or,        ///< children: operands
    And,       ///< children: operands
    Not,       ///< children: the operand
    Compare,   ///< children: left and right comparables
    Literal,   ///< literal (only as a comparable or a function argument)
    Query,     ///< query: an existence test, a singular comparable or a nodes argument
    Call,      ///< function and children: arguments
};

enum class CompareOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

struct Expr {
    ExprKind kind = ExprKind::Literal;
    std::uint32_t offset = 0;
    std::uint32_t end = 0;   ///< byte offset just past the expression, for error spans
    std::vector<std::unique_ptr<Expr>> children;
    CompareOp op = CompareOp::Eq;
    Json literal;
    QueryAst query;
    Function function = Function::Length;
    /// match()/search() with a string literal pattern: compiled once, at parse time.
    std::shared_ptr<const re2::RE2> regex;
};

/// What a Query shares between its copies.
struct QueryImpl {
    std::string text;
    QueryAst ast;

    static Query make(std::shared_ptr<const QueryImpl> impl)
    {
        Query query;
        query.impl_ = std::move(impl);
        return query;
    }
    static const QueryImpl* of(const Query& query) { return query.impl_.get(); }
};

} // namespace mdsl::jsonpath::detail
