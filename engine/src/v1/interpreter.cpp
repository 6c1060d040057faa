// The V1 interpreter. Deliberately plain: names are looked up by name, functions by name at
// each call, paths are walked from the AST. The V2 engine must agree with it on every
// version 1 document.

#include "v1/interpreter.h"

#include "runtime/constness.h"
#include "runtime/engine_call.h"
#include "runtime/functions.h"
#include "runtime/evaluate.h"
#include "runtime/output.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace mdsl::v1 {

namespace {

/// Marks the expressions under a constant expression as quiet.
class QuietMarker final : public ast::AstVisitor {
public:
    explicit QuietMarker(std::unordered_set<const ast::Expr*>& quiet) : quiet_(quiet) {}

    void visitExpr(const ast::Expr& expr) override
    {
        if (insideConstant_ > 0) {
            quiet_.insert(&expr);
            AstVisitor::visitExpr(expr);
            return;
        }
        const bool constant = rt::isConstant(expr);
        insideConstant_ += constant ? 1 : 0;
        AstVisitor::visitExpr(expr);
        insideConstant_ -= constant ? 1 : 0;
    }

private:
    std::unordered_set<const ast::Expr*>& quiet_;
    int insideConstant_ = 0;
};

class Interpreter {
public:
    Interpreter(const Program& program, rt::RunState& state)
        : program_(program), state_(state), context_(&state.input)
    {
    }

    void execute(const ast::Body& body, Json& output)
    {
        for (const ast::StmtPtr& stmt : body)
            executeStmt(*stmt, output);
    }

    rt::Value eval(const ast::Expr& expr)
    {
        if (program_.isQuiet(expr))
            return evalNode(expr);
        return rt::countedValue(state_, expr.span, [&] { return evalNode(expr); });
    }

    rt::Value evalWithContext(const ast::Expr& expr, const Json& context)
    {
        const rt::ContextSwap swap(context_, context);
        return eval(expr);
    }

private:
    void executeStmt(const ast::Stmt& stmt, Json& output)
    {
        switch (stmt.kind) {
        case ast::StmtKind::Let: {
            const auto& let = stmt.as<ast::LetStmt>();
            define(let.name, *let.value);
            return;
        }
        case ast::StmtKind::Table: {
            const auto& table = stmt.as<ast::TableStmt>();
            define(table.name, *table.value);
            return;
        }
        case ast::StmtKind::Rule: {
            const auto& rule = stmt.as<ast::RuleStmt>();
            rt::runRule(state_, rule.span, rule.target.span, output, rule.target.segments,
                        [&] { return eval(*rule.value); });
            return;
        }
        default:
            // Blocks are version 2: the facade never gives this engine a version 2 document.
            state_.record(rt::runtimeError("E499.v1-blocks", stmt.span));
            return;
        }
    }

    /// A `let` or `table`: its value, or missing when evaluating it failed (error recorded).
    void define(const std::string& name, const ast::Expr& expr)
    {
        names_.insert_or_assign(name, rt::letValue(state_, [&] { return eval(expr); }));
    }

    rt::Value evalNode(const ast::Expr& expr)
    {
        switch (expr.kind) {
        case ast::ExprKind::Literal: return rt::Value::borrow(expr.as<ast::LiteralExpr>().value);
        case ast::ExprKind::Path: return evalPath(expr.as<ast::PathExpr>());
        case ast::ExprKind::Name: {
            const auto found = names_.find(expr.as<ast::NameExpr>().name);
            if (found == names_.end() || found->second.isMissing())
                return rt::Value::missing();
            return rt::Value::borrow(found->second.json());
        }
        case ast::ExprKind::Call: return evalCall(expr.as<ast::CallExpr>());
        case ast::ExprKind::Unary: return evalUnary(expr.as<ast::UnaryExpr>());
        case ast::ExprKind::Binary: return evalBinary(expr.as<ast::BinaryExpr>());
        case ast::ExprKind::Object: return evalObject(expr.as<ast::ObjectExpr>());
        case ast::ExprKind::Array: {
            const auto& elements = expr.as<ast::ArrayExpr>().elements;
            return rt::arrayLiteral(state_, expr.span, elements.size(), [&](std::size_t i) { return eval(*elements[i]); });
        }
        case ast::ExprKind::JsonPath:
        case ast::ExprKind::Pipe:
        case ast::ExprKind::Navigate: break;
        }
        rt::fail("E499.v1-version-2", expr.span);
    }

    rt::Value evalPath(const ast::PathExpr& path) const
    {
        const Json* node = context_;
        for (const ast::PathSegment& segment : path.segments) {
            if (segment.kind == ast::PathSegment::Kind::Field) {
                if (!node->is_object())
                    return rt::Value::missing();
                const auto found = node->find(segment.name);
                if (found == node->end())
                    return rt::Value::missing();
                node = &*found;
            } else {
                if (!node->is_array() || static_cast<std::uint64_t>(segment.index) >= node->size())
                    return rt::Value::missing();
                node = &(*node)[static_cast<std::size_t>(segment.index)];
            }
        }
        return rt::Value::borrow(*node);
    }

    rt::Value evalCall(const ast::CallExpr& call)
    {
        const rt::FunctionImpl* function = rt::findFunction(call.callee, static_cast<int>(call.args.size()));
        if (!function)
            rt::fail("E499.v1-arity", call.span, {call.callee, std::to_string(call.args.size())});
        rt::EngineCall<Interpreter, ast::Expr> v1Call(*this, state_, call.callee, call.span, call.args);
        return rt::invoke(*function, v1Call);
    }

    rt::Value evalUnary(const ast::UnaryExpr& unary)
    {
        return rt::unaryValue(unary.op, eval(*unary.operand), unary.span);
    }

    rt::Value evalBinary(const ast::BinaryExpr& binary)
    {
        return rt::binaryValue(state_, binary.op, binary.span, [&] { return eval(*binary.left); },
                               [&] { return eval(*binary.right); });
    }

    rt::Value evalObject(const ast::ObjectExpr& object)
    {
        return rt::objectLiteral(
            state_, object.span, object.entries.size(), [&](std::size_t i) -> const std::string& { return object.entries[i].key; },
            [&](std::size_t i) { return eval(*object.entries[i].value); });
    }

    const Program& program_;
    rt::RunState& state_;
    const Json* context_;
    std::unordered_map<std::string, rt::Value> names_;
};

} // namespace

Program::Program(const ast::Document& document) : document_(document)
{
    QuietMarker marker(quiet_);
    marker.visitDocument(document);
}

void run(const Program& program, rt::RunState& state, Json& output)
{
    Interpreter interpreter(program, state);
    interpreter.execute(program.document().statements, output);
}

} // namespace mdsl::v1
