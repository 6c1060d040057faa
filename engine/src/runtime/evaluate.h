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
    return Value::own(Json(!requireBoolean(operand.json(), "the operand of `not`", span)));
}

/// A binary operator. `and`/`or` do not evaluate the right operand when the left decides,
/// `??` only evaluates it when the left is missing or null; the others evaluate both
/// operands, then give missing when either is missing.
template <class Left, class Right>
Value binaryValue(ast::BinaryOp op, Span span, Left&& evalLeft, Right&& evalRight)
{
    switch (op) {
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or: {
        const bool isAnd = op == ast::BinaryOp::And;
        const char* what = isAnd ? "an operand of `and`" : "an operand of `or`";
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
        return Value::own(applyBinary(op, left.json(), right.json(), span));
    }
    }
}

/// An array literal: a missing element becomes null, so positions hold.
template <class Eval>
Value arrayLiteral(std::size_t count, Eval&& evalElement)
{
    Json out = Json::array();
    for (std::size_t i = 0; i < count; ++i) {
        Value value = evalElement(i);
        out.push_back(value.isMissing() ? Json() : std::move(value).take());
    }
    return Value::own(std::move(out));
}

/// An object literal: a missing value omits its key; a repeated key keeps its first place.
template <class Key, class Eval>
Value objectLiteral(std::size_t count, Key&& keyOf, Eval&& evalValue)
{
    Json out = Json::object();
    for (std::size_t i = 0; i < count; ++i) {
        Value value = evalValue(i);
        if (!value.isMissing())
            out[keyOf(i)] = std::move(value).take();
    }
    return Value::own(std::move(out));
}

} // namespace mdsl::rt
