#pragma once
// Evaluation of a parsed query over a document (RFC 9535 sections 2.3-2.5). Reads the tree
// and the document; copies neither. Nodelists are pointers into the document.

#include "ast.h"

#include <vector>

namespace mdsl::jsonpath::detail {

class Evaluator {
public:
    /// root is what '$' stands for, in the query and in its filters; watch (optional) hears
    /// of the nodes visited and selected.
    explicit Evaluator(const Json& root, Watch* watch = nullptr) : root_(root), watch_(watch) {}

    /// Appends the query's nodelist; current is what '@' stands for at the top.
    void select(const QueryAst& query, const Json& current, std::vector<const Json*>& out) const;
    /// The nodelist with normalized paths (relative to the node the query starts from).
    [[nodiscard]] std::vector<Node> selectWithPaths(const QueryAst& query, const Json& current) const;
    /// A singular query's node, or nullptr. Walks the path directly, no nodelists.
    [[nodiscard]] const Json* selectSingular(const QueryAst& query, const Json& current) const;
    /// Evaluates a filter's logical expression with current as '@' (filter.cpp).
    [[nodiscard]] bool test(const Expr& expr, const Json& current) const;

    /// One node visited or selected: every Watch::kInterval of them, the watch hears of it.
    void count() const
    {
        if (watch_ && ++counted_ == Watch::kInterval) {
            counted_ = 0;
            watch_->progress(Watch::kInterval);
        }
    }

private:
    const Json& root_;
    Watch* watch_;
    mutable std::uint64_t counted_ = 0;
};

} // namespace mdsl::jsonpath::detail
