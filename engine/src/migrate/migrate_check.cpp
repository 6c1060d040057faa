// The migration's check (migrate_check.h). The V2 compiler flattens object blocks into
// prefixed targets and runs `??` and `default` through the same rule (value, or fallback
// when it is missing or null; the fallback evaluated only then): undoing exactly these two
// rewrites on the migrated tree must give the original tree back. The trees are compared
// node by node, without building anything (the check runs on every migration).

#include "migrate/migrate_check.h"

#include "mdsl/ast.h"
#include "mdsl/checks.h"
#include "mdsl/syntax.h"
#include "mdsl/validate.h"

namespace mdsl::migration {

namespace {

using namespace ast;

using Segments = std::vector<PathSegment>;

bool sameSegments(const Segments& a, const Segments& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!sameSegment(a[i], b[i]))
            return false;
    return true;
}

/// `original` means what `migrated` means once its `a ?? b` are read as `default(a, b)`.
/// The parser bounds both trees' depth, so the recursion is bounded too.
bool sameExpr(const Expr& original, const Expr& migrated)
{
    if (const auto* coalesce = migrated.tryAs<BinaryExpr>(); coalesce && coalesce->op == BinaryOp::Coalesce) {
        const auto* call = original.tryAs<CallExpr>();
        return call && call->callee == "default" && call->args.size() == 2 && sameExpr(*call->args[0], *coalesce->left)
            && sameExpr(*call->args[1], *coalesce->right);
    }
    if (original.kind != migrated.kind)
        return false;
    switch (original.kind) {
    case ExprKind::Literal: {
        const auto& a = original.as<LiteralExpr>();
        const auto& b = migrated.as<LiteralExpr>();
        return a.type == b.type && a.value == b.value;
    }
    case ExprKind::Path:
        return sameSegments(original.as<PathExpr>().segments, migrated.as<PathExpr>().segments);
    case ExprKind::Name:
        return original.as<NameExpr>().name == migrated.as<NameExpr>().name;
    case ExprKind::Call: {
        const auto& a = original.as<CallExpr>();
        const auto& b = migrated.as<CallExpr>();
        if (a.callee != b.callee || a.args.size() != b.args.size())
            return false;
        for (std::size_t i = 0; i < a.args.size(); ++i)
            if (!sameExpr(*a.args[i], *b.args[i]))
                return false;
        return true;
    }
    case ExprKind::Unary: {
        const auto& a = original.as<UnaryExpr>();
        const auto& b = migrated.as<UnaryExpr>();
        return a.op == b.op && sameExpr(*a.operand, *b.operand);
    }
    case ExprKind::Binary: {
        const auto& a = original.as<BinaryExpr>();
        const auto& b = migrated.as<BinaryExpr>();
        return a.op == b.op && sameExpr(*a.left, *b.left) && sameExpr(*a.right, *b.right);
    }
    default:
        // Version 2 expressions (literals of containers, JSONPath, pipes, reading into a
        // value) are not in a version 1 document, and no rewrite makes them: as written.
        return astToJson(original) == astToJson(migrated);
    }
}

/// The migrated statements with object blocks flattened, each rule with its blocks' targets
/// before its own.
struct FlatStatement {
    const Stmt* stmt = nullptr;
    Segments prefix;
};

bool flatten(const Body& body, const Segments& prefix, std::vector<FlatStatement>& out)
{
    for (const StmtPtr& stmt : body) {
        if (const auto* block = stmt->tryAs<ObjectBlock>()) {
            Segments inner = prefix;
            inner.insert(inner.end(), block->target.segments.begin(), block->target.segments.end());
            if (!flatten(block->body, inner, out))
                return false;
        } else if (stmt->kind == StmtKind::Rule || prefix.empty()) {
            out.push_back({stmt.get(), prefix});
        } else {
            return false;   // only rules are ever moved into a block
        }
    }
    return true;
}

bool sameStatement(const Stmt& original, const FlatStatement& migrated)
{
    const Stmt& m = *migrated.stmt;
    if (original.kind != m.kind)
        return false;
    switch (original.kind) {
    case StmtKind::Rule: {
        const auto& a = original.as<RuleStmt>();
        const auto& b = m.as<RuleStmt>();
        Segments target = migrated.prefix;
        target.insert(target.end(), b.target.segments.begin(), b.target.segments.end());
        return sameSegments(a.target.segments, target) && sameExpr(*a.value, *b.value);
    }
    case StmtKind::Let: {
        const auto& a = original.as<LetStmt>();
        const auto& b = m.as<LetStmt>();
        return a.name == b.name && sameExpr(*a.value, *b.value);
    }
    case StmtKind::Table:
        return original.as<TableStmt>().name == m.as<TableStmt>().name
            && astToJson(*original.as<TableStmt>().value) == astToJson(*m.as<TableStmt>().value);
    default:
        return false;   // a version 1 document has no blocks
    }
}

} // namespace

std::string checkEquivalent(const ast::Document& original, std::string_view migrated, const Flags& flags)
{
    const ParsedDocument after = parseDocument(migrated);
    ValidateOptions options;
    options.flags = flags;
    options.engine = EngineKind::V2;
    std::vector<Diagnostic> diagnostics = after.diagnostics;
    if (after.ok()) {
        std::vector<Diagnostic> checks = checkDocument(*after.document, migrated, options);
        diagnostics.insert(diagnostics.end(), checks.begin(), checks.end());
    }
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error)
            return "the rewritten mapping does not validate as version 2 (" + d.code + ": " + d.message
                 + "); nothing was migrated (a bug: please report it)";

    const Document& result = *after.document;
    if (!result.header || result.header->version != 2)
        return "the rewritten mapping does not say version 2 (a bug: please report it)";
    if (original.header && original.header->name != result.header->name)
        return "the rewritten mapping lost its name (a bug: please report it)";
    std::vector<FlatStatement> flat;
    bool same = flatten(result.statements, {}, flat) && flat.size() == original.statements.size();
    for (std::size_t i = 0; same && i < flat.size(); ++i)
        same = sameStatement(*original.statements[i], flat[i]);
    if (!same)
        return "the rewritten mapping does not mean the same as the original (a bug: please report it)";
    return {};
}

} // namespace mdsl::migration
