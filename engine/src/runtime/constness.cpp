// Constant expressions.

#include "runtime/constness.h"

#include "runtime/functions.h"

namespace mdsl::rt {

namespace {

bool allConstant(const std::vector<ast::ExprPtr>& exprs)
{
    for (const ast::ExprPtr& expr : exprs)
        if (!isConstant(*expr))
            return false;
    return true;
}

bool pureFunction(std::string_view name, std::size_t arity)
{
    const FunctionImpl* function = findFunction(name, static_cast<int>(arity));
    return function && !function->dependsOnRun;
}

} // namespace

bool isConstant(const ast::Expr& expr)
{
    switch (expr.kind) {
    case ast::ExprKind::Literal: return true;
    case ast::ExprKind::Array: return allConstant(expr.as<ast::ArrayExpr>().elements);
    case ast::ExprKind::Object:
        for (const ast::ObjectEntry& entry : expr.as<ast::ObjectExpr>().entries)
            if (!isConstant(*entry.value))
                return false;
        return true;
    case ast::ExprKind::Unary: return isConstant(*expr.as<ast::UnaryExpr>().operand);
    case ast::ExprKind::Binary: {
        const auto& binary = expr.as<ast::BinaryExpr>();
        return isConstant(*binary.left) && isConstant(*binary.right);
    }
    case ast::ExprKind::Call: {
        const auto& call = expr.as<ast::CallExpr>();
        return pureFunction(call.callee, call.args.size()) && allConstant(call.args);
    }
    case ast::ExprKind::Pipe: {
        const auto& pipe = expr.as<ast::PipeExpr>();
        return pureFunction(pipe.callee, pipe.args.size() + 1) && isConstant(*pipe.input) && allConstant(pipe.args);
    }
    case ast::ExprKind::Navigate: return isConstant(*expr.as<ast::NavigateExpr>().base);
    case ast::ExprKind::Path:
    case ast::ExprKind::JsonPath:
    case ast::ExprKind::Name: return false;
    }
    return false;
}

} // namespace mdsl::rt
