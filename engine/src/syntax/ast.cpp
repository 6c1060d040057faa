// The do-nothing visitor and operator spellings of the AST.

#include "mdsl/ast.h"

namespace mdsl::ast {

std::string_view opText(BinaryOp op) noexcept
{
    switch (op) {
    case BinaryOp::Coalesce: return "??";
    case BinaryOp::Or: return "or";
    case BinaryOp::And: return "and";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    }
    return "?";
}

std::string_view opText(UnaryOp op) noexcept
{
    return op == UnaryOp::Not ? "not" : "-";
}

void AstVisitor::visitDocument(const Document& document)
{
    visitBody(document.statements);
}

void AstVisitor::visitBody(const Body& body)
{
    for (const StmtPtr& stmt : body)
        visitStmt(*stmt);
}

void AstVisitor::visitStmt(const Stmt& stmt)
{
    switch (stmt.kind) {
    case StmtKind::Let: visitLet(stmt.as<LetStmt>()); return;
    case StmtKind::Table: visitTable(stmt.as<TableStmt>()); return;
    case StmtKind::Rule: visitRule(stmt.as<RuleStmt>()); return;
    case StmtKind::ObjectBlock: visitObjectBlock(stmt.as<ObjectBlock>()); return;
    case StmtKind::ArrayBlock: visitArrayBlock(stmt.as<ArrayBlock>()); return;
    case StmtKind::When: visitWhen(stmt.as<WhenBlock>()); return;
    }
}

void AstVisitor::visitLet(const LetStmt& stmt)
{
    visitExpr(*stmt.value);
}

void AstVisitor::visitTable(const TableStmt& stmt)
{
    visitExpr(*stmt.value);
}

void AstVisitor::visitRule(const RuleStmt& stmt)
{
    visitExpr(*stmt.value);
}

void AstVisitor::visitObjectBlock(const ObjectBlock& stmt)
{
    visitBody(stmt.body);
}

void AstVisitor::visitArrayBlock(const ArrayBlock& stmt)
{
    visitExpr(*stmt.source);
    visitBody(stmt.body);
}

void AstVisitor::visitWhen(const WhenBlock& stmt)
{
    visitExpr(*stmt.condition);
    visitBody(stmt.body);
    visitBody(stmt.elseBody);
}

void AstVisitor::visitExpr(const Expr& expr)
{
    switch (expr.kind) {
    case ExprKind::Literal: visitLiteral(expr.as<LiteralExpr>()); return;
    case ExprKind::Array: visitArray(expr.as<ArrayExpr>()); return;
    case ExprKind::Object: visitObject(expr.as<ObjectExpr>()); return;
    case ExprKind::Path: visitPath(expr.as<PathExpr>()); return;
    case ExprKind::JsonPath: visitJsonPath(expr.as<JsonPathExpr>()); return;
    case ExprKind::Name: visitName(expr.as<NameExpr>()); return;
    case ExprKind::Call: visitCall(expr.as<CallExpr>()); return;
    case ExprKind::Unary: visitUnary(expr.as<UnaryExpr>()); return;
    case ExprKind::Binary: visitBinary(expr.as<BinaryExpr>()); return;
    case ExprKind::Pipe: visitPipe(expr.as<PipeExpr>()); return;
    case ExprKind::Navigate: visitNavigate(expr.as<NavigateExpr>()); return;
    }
}

void AstVisitor::visitArray(const ArrayExpr& expr)
{
    for (const ExprPtr& e : expr.elements)
        visitExpr(*e);
}

void AstVisitor::visitObject(const ObjectExpr& expr)
{
    for (const ObjectEntry& e : expr.entries)
        visitExpr(*e.value);
}

void AstVisitor::visitCall(const CallExpr& expr)
{
    for (const ExprPtr& e : expr.args)
        visitExpr(*e);
}

void AstVisitor::visitUnary(const UnaryExpr& expr)
{
    visitExpr(*expr.operand);
}

void AstVisitor::visitBinary(const BinaryExpr& expr)
{
    visitExpr(*expr.left);
    visitExpr(*expr.right);
}

void AstVisitor::visitPipe(const PipeExpr& expr)
{
    visitExpr(*expr.input);
    for (const ExprPtr& e : expr.args)
        visitExpr(*e);
}

void AstVisitor::visitNavigate(const NavigateExpr& expr)
{
    visitExpr(*expr.base);
}

} // namespace mdsl::ast
