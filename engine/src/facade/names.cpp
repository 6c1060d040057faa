// The uses of each `let`, `table` and `as` name: which definition every name read resolves
// to, with the scopes of the language (a block's names are visible in the block after their
// definition; an array block's `as` name in its body; a `let`'s own name not in its value).
// What go to definition, find references and rename ask.

#include "facade/analysis_impl.h"

#include "mdsl/ast.h"

#include <map>

namespace mdsl::detail {

namespace {

class NameUseWalker final : public ast::AstVisitor {
public:
    explicit NameUseWalker(const LineIndex& lines) : lines_(lines) {}

    struct Symbol {
        std::string name;
        NameKind kind = NameKind::Let;
        Span definition;
        std::vector<Span> uses;
    };
    std::vector<Symbol> symbols;

    // The parser bounds the nesting of blocks and expressions: the recursion is bounded.
    void visitBody(const ast::Body& body) override
    {
        scopes_.emplace_back();
        ast::AstVisitor::visitBody(body);
        scopes_.pop_back();
    }

    void visitLet(const ast::LetStmt& stmt) override
    {
        visitExpr(*stmt.value);   // before the name is defined: not visible in its own value
        define(stmt.name, NameKind::Let, stmt.nameSpan);
    }

    void visitTable(const ast::TableStmt& stmt) override
    {
        visitExpr(*stmt.value);
        define(stmt.name, NameKind::Table, stmt.nameSpan);
    }

    void visitArrayBlock(const ast::ArrayBlock& stmt) override
    {
        visitExpr(*stmt.source);
        scopes_.emplace_back();
        if (stmt.alias)
            define(*stmt.alias, NameKind::Element, stmt.aliasSpan);
        visitBody(stmt.body);
        scopes_.pop_back();
    }

    void visitName(const ast::NameExpr& expr) override
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            const auto found = scope->find(expr.name);
            if (found != scope->end()) {
                symbols[found->second].uses.push_back(expr.span);
                return;
            }
        }
    }

    [[nodiscard]] NameReferences resolved(const Symbol& symbol) const
    {
        NameReferences out{symbol.name, symbol.kind, lines_.range(symbol.definition), {}};
        for (const Span use : symbol.uses)
            out.uses.push_back(lines_.range(use));
        return out;
    }

private:
    void define(const std::string& name, NameKind kind, Span span)
    {
        if (scopes_.empty())
            scopes_.emplace_back();
        symbols.push_back({name, kind, span, {}});
        scopes_.back()[name] = symbols.size() - 1;
    }

    const LineIndex& lines_;
    std::vector<std::map<std::string, std::size_t>> scopes_;
};

bool touches(Span span, std::uint32_t offset)
{
    return span.begin <= offset && offset <= span.end;
}

} // namespace

std::optional<NameReferences> referencesAt(const ParsedSource& source, std::uint32_t offset)
{
    NameUseWalker walker(source.lines);
    walker.visitDocument(*source.parsed.document);
    for (const NameUseWalker::Symbol& symbol : walker.symbols) {
        if (touches(symbol.definition, offset))
            return walker.resolved(symbol);
        for (const Span use : symbol.uses)
            if (touches(use, offset))
                return walker.resolved(symbol);
    }
    return std::nullopt;
}

} // namespace mdsl::detail
