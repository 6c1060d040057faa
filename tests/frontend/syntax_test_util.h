#pragma once
// Helpers of the front end tests: parse a text, show its diagnostics and expressions in a
// compact form that a reader can check by eye.

#include "mdsl/ast.h"
#include "mdsl/syntax.h"

#include <QString>
#include <QStringList>

#include <string>

namespace testutil {

/// "E101 2:5-2:7 expected ..., found ..." per diagnostic (line:column, 1-based, code points).
inline QStringList describe(const std::vector<mdsl::Diagnostic>& diagnostics)
{
    QStringList out;
    for (const mdsl::Diagnostic& d : diagnostics) {
        out << QStringLiteral("%1 %2:%3-%4:%5 %6")
                   .arg(QString::fromStdString(d.code))
                   .arg(d.range.start.line)
                   .arg(d.range.start.column)
                   .arg(d.range.end.line)
                   .arg(d.range.end.column)
                   .arg(QString::fromStdString(d.message));
    }
    return out;
}

/// The codes of the diagnostics, in order.
inline QStringList codes(const std::vector<mdsl::Diagnostic>& diagnostics)
{
    QStringList out;
    for (const mdsl::Diagnostic& d : diagnostics)
        out << QString::fromStdString(d.code);
    return out;
}

/// An expression as an S-expression: (+ 1 (* 2 3)), (path a 0), (call f x), (pipe x f a).
inline std::string sexpr(const mdsl::ast::Expr& e)
{
    using namespace mdsl::ast;
    std::string out;
    const auto list = [&](const std::string& head, const std::vector<ExprPtr>& items) {
        std::string s = "(" + head;
        for (const ExprPtr& item : items)
            s += " " + sexpr(*item);
        return s + ")";
    };
    switch (e.kind) {
    case ExprKind::Literal:
        return e.as<LiteralExpr>().value.dump();
    case ExprKind::Array:
        return list("array", e.as<ArrayExpr>().elements);
    case ExprKind::Object: {
        std::string s = "(object";
        for (const ObjectEntry& entry : e.as<ObjectExpr>().entries)
            s += " " + entry.key + ":" + sexpr(*entry.value);
        return s + ")";
    }
    case ExprKind::Path: {
        std::string s = "(path";
        for (const PathSegment& seg : e.as<PathExpr>().segments)
            s += " " + (seg.kind == PathSegment::Kind::Index ? std::to_string(seg.index) : seg.name);
        return s + ")";
    }
    case ExprKind::JsonPath:
        return "(jsonpath " + e.as<JsonPathExpr>().text + ")";
    case ExprKind::Name:
        return e.as<NameExpr>().name;
    case ExprKind::Call:
        return list("call " + e.as<CallExpr>().callee, e.as<CallExpr>().args);
    case ExprKind::Unary:
        return "(" + std::string(opText(e.as<UnaryExpr>().op)) + " " + sexpr(*e.as<UnaryExpr>().operand) + ")";
    case ExprKind::Binary: {
        const auto& b = e.as<BinaryExpr>();
        return "(" + std::string(opText(b.op)) + " " + sexpr(*b.left) + " " + sexpr(*b.right) + ")";
    }
    case ExprKind::Navigate: {
        const auto& n = e.as<NavigateExpr>();
        std::string s = "(get " + sexpr(*n.base);
        for (const PathSegment& seg : n.segments)
            s += " " + (seg.kind == PathSegment::Kind::Index ? std::to_string(seg.index) : seg.name);
        return s + ")";
    }
    case ExprKind::Pipe: {
        const auto& p = e.as<PipeExpr>();
        std::string s = "(pipe " + sexpr(*p.input) + " " + p.callee;
        for (const ExprPtr& a : p.args)
            s += " " + sexpr(*a);
        return s + ")";
    }
    }
    return out;
}

/// The value of the single rule `x <- <expression>` as an S-expression, or the diagnostics.
inline QString exprOf(const std::string& expression)
{
    const mdsl::ParsedDocument parsed = mdsl::parseDocument("x <- " + expression + "\n");
    if (!parsed.diagnostics.empty())
        return describe(parsed.diagnostics).join(QStringLiteral("; "));
    if (parsed.document->statements.size() != 1)
        return QStringLiteral("not one statement");
    const auto* rule = parsed.document->statements[0]->tryAs<mdsl::ast::RuleStmt>();
    if (!rule)
        return QStringLiteral("not a rule");
    return QString::fromStdString(sexpr(*rule->value));
}

} // namespace testutil
