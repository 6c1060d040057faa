// Well-typedness of filter expressions (RFC 9535 sections 2.4.3 and 2.4.4-2.4.8).

#include "typecheck.h"

#include "regex.h"

#include "mdsl/report.h"

#include <array>

namespace mdsl::jsonpath::detail {

namespace {

const std::array<Signature, 5>& signatures()
{
    static const std::array<Signature, 5> table = {{
        {"length", Function::Length, {Type::Value}, Type::Value},
        {"count", Function::Count, {Type::Nodes}, Type::Value},
        {"match", Function::Match, {Type::Value, Type::Value}, Type::Logical},
        {"search", Function::Search, {Type::Value, Type::Value}, Type::Logical},
        {"value", Function::Value, {Type::Nodes}, Type::Value},
    }};
    return table;
}

std::size_t span(const Expr& expr)
{
    return expr.end > expr.offset ? expr.end - expr.offset : 1;
}

std::string callName(const Expr& call)
{
    return std::string(functionName(call.function)) + "()";
}

std::string ordinal(std::size_t index)
{
    static const char* names[] = {"first", "second", "third"};
    return index < 3 ? names[index] : "argument " + std::to_string(index + 1);
}

void checkArgument(const Cursor& cursor, const Expr& call, const Expr& arg, std::size_t index, Type param)
{
    const std::string where = "the " + ordinal(index) + " argument of " + callName(call);
    switch (param) {
    case Type::Value:
        if (arg.kind == ExprKind::Literal || (arg.kind == ExprKind::Query && arg.query.singular())
            || (arg.kind == ExprKind::Call && resultType(arg.function) == Type::Value))
            return;
        cursor.fail(arg.offset, span(arg),
                    where + " must be a value: a literal, a singular query (name and index selectors only) "
                            "or a function returning a value",
                    ErrorCode::Type);
    case Type::Nodes:
        if (arg.kind == ExprKind::Query || (arg.kind == ExprKind::Call && resultType(arg.function) == Type::Nodes))
            return;
        cursor.fail(arg.offset, span(arg), where + " must be a query (it takes a nodelist)", ErrorCode::Type);
    case Type::Logical:
        if (arg.kind == ExprKind::Literal
            || (arg.kind == ExprKind::Call && resultType(arg.function) == Type::Value))
            cursor.fail(arg.offset, span(arg), where + " must be a logical expression", ErrorCode::Type);
        return;
    }
}

} // namespace

const Signature* findFunction(std::string_view name)
{
    for (const Signature& signature : signatures()) {
        if (signature.name == name)
            return &signature;
    }
    return nullptr;
}

Type resultType(Function function)
{
    return signatures()[static_cast<std::size_t>(function)].result;
}

std::string_view functionName(Function function)
{
    return signatures()[static_cast<std::size_t>(function)].name;
}

void checkComparable(const Cursor& cursor, const Expr& expr)
{
    if (expr.kind == ExprKind::Query && !expr.query.singular())
        cursor.fail(expr.offset, span(expr),
                    "only a singular query (name and index selectors only) can be compared; "
                    "use count(), value() or an existence test",
                    ErrorCode::Type);
    if (expr.kind == ExprKind::Call && resultType(expr.function) != Type::Value)
        cursor.fail(expr.offset, span(expr), "the result of " + callName(expr) + " is logical and cannot be compared",
                    ErrorCode::Type);
}

void checkTest(const Cursor& cursor, const Expr& expr)
{
    if (expr.kind == ExprKind::Literal)
        cursor.fail(expr.offset, span(expr),
                    "a literal cannot stand alone in a filter: expected a comparison operator "
                    "(==, !=, <, <=, >, >=) after it",
                    ErrorCode::Type);
    if (expr.kind == ExprKind::Call && resultType(expr.function) == Type::Value)
        cursor.fail(expr.offset, span(expr),
                    "the result of " + callName(expr)
                        + " is a value and must be compared (==, !=, <, <=, >, >=)",
                    ErrorCode::Type);
}

void checkCall(const Cursor& cursor, Expr& call, const Signature& signature)
{
    if (call.children.size() != signature.params.size()) {
        const std::size_t want = signature.params.size();
        cursor.fail(call.offset, signature.name.size(),
                    callName(call) + " takes " + std::to_string(want) + (want == 1 ? " argument" : " arguments")
                        + ", not " + std::to_string(call.children.size()),
                    ErrorCode::Type);
    }
    for (std::size_t i = 0; i < call.children.size(); ++i)
        checkArgument(cursor, call, *call.children[i], i, signature.params[i]);

    if (call.function == Function::Match || call.function == Function::Search) {
        const Expr& pattern = *call.children[1];
        if (pattern.kind == ExprKind::Literal && pattern.literal.is_string()) {
            std::string error;
            call.regex = compileIRegexp(pattern.literal.get_ref<const std::string&>(), error);
            if (!call.regex)
                cursor.fail(pattern.offset, span(pattern), "invalid I-Regexp pattern: " + phraseText(error), ErrorCode::Regex);
        }
    }
}

} // namespace mdsl::jsonpath::detail
