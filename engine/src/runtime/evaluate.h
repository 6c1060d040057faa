#pragma once
// Internal: the evaluation rules of the operators and literals, written once for both engines.
// Each engine passes callbacks that evaluate the operands its own way (V1 from the AST, V2
// from the plan); the order of evaluation, the missing rules and the errors live here.

#include "runtime/operators.h"
#include "runtime/state.h"

#include <string>

namespace mdsl::rt {

/// One counted evaluation: a step, a level of depth, and the value's trace event.
template <class Eval>
Value countedValue(RunState& state, Span span, Eval&& evalNode)
{
    state.step(span);
    Value value;
    {
        DepthGuard guard(state, span);
        value = evalNode();
    }
    if (state.tracing)
        state.traceValue(span, value);
    return value;
}

/// The value of a `let`: a runtime error is recorded and leaves the name missing.
template <class Eval>
Value letValue(RunState& state, Eval&& eval)
{
    try {
        return eval();
    } catch (Failure& failure) {
        if (failure.fatal)
            throw;
        state.record(failure.error);
        return Value::missing();
    }
}

/// `-x` or `not x` on an evaluated operand.
inline Value unaryValue(ast::UnaryOp op, const Value& operand, Span span)
{
    if (operand.isMissing())
        return Value::missing();
    if (op == ast::UnaryOp::Negate)
        return Value::own(negate(operand.json(), span));
    return Value::own(Json(!requireBoolean(operand.json(), "operand.not", span)));
}

/// A binary operator. `and`/`or` do not evaluate the right operand when the left decides,
/// `??` only evaluates it when the left is missing or null; the others evaluate both
/// operands, then give missing when either is missing.
template <class Left, class Right>
Value binaryValue(RunState& state, ast::BinaryOp op, Span span, Left&& evalLeft, Right&& evalRight)
{
    switch (op) {
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or: {
        const bool isAnd = op == ast::BinaryOp::And;
        const char* what = isAnd ? "operand.and" : "operand.or";
        const Value left = evalLeft();
        if (left.isMissing())
            return Value::missing();
        if (requireBoolean(left.json(), what, span) != isAnd)
            return Value::own(Json(!isAnd));
        const Value right = evalRight();
        if (right.isMissing())
            return Value::missing();
        return Value::own(Json(requireBoolean(right.json(), what, span)));
    }
    case ast::BinaryOp::Coalesce: {
        Value left = evalLeft();
        if (!left.isMissingOrNull())
            return left;   // moved, not copied (a ?: would copy an owned value)
        return evalRight();
    }
    default: {
        const Value left = evalLeft();
        const Value right = evalRight();
        if (left.isMissing() || right.isMissing())
            return Value::missing();
        if (op == ast::BinaryOp::Add && left.json().is_string() && right.json().is_string())
            state.build(left.json().get_ref<const std::string&>().size()
                            + right.json().get_ref<const std::string&>().size() + 16,
                        span);
        return Value::own(applyBinary(op, left.json(), right.json(), span));
    }
    }
}

/// A literal's element joins the literal: a borrowed one (a `let`, an input value) is copied,
/// and the copy counts against the budget of values built before it is made.
inline Json literalPart(RunState& state, Span span, Value&& value)
{
    if (!value.isOwned())
        state.buildCopy(value.json(), span);
    return std::move(value).take();
}

/// An array literal: a missing element becomes null, so positions hold.
template <class Eval>
Value arrayLiteral(RunState& state, Span span, std::size_t count, Eval&& evalElement)
{
    state.build(16 * count + 64, span);
    Json out = Json::array();
    for (std::size_t i = 0; i < count; ++i) {
        Value value = evalElement(i);
        out.push_back(value.isMissing() ? Json() : literalPart(state, span, std::move(value)));
    }
    return Value::own(std::move(out));
}

/// An object literal: a missing value omits its key; a repeated key keeps its first place.
template <class Key, class Eval>
Value objectLiteral(RunState& state, Span span, std::size_t count, Key&& keyOf, Eval&& evalValue)
{
    state.build(16 * count + 64, span);
    Json out = Json::object();
    for (std::size_t i = 0; i < count; ++i) {
        Value value = evalValue(i);
        if (!value.isMissing()) {
            const std::string& key = keyOf(i);
            state.build(key.size() + 16, span);
            out[key] = literalPart(state, span, std::move(value));
        }
    }
    return Value::own(std::move(out));
}

} // namespace mdsl::rt
