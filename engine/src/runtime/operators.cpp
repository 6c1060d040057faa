// Numbers, equality, ordering and the operators (docs/language.md, "Expressions"; docs/engines.md, "Numbers").

#include "runtime/operators.h"

#include "runtime/state.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace mdsl::rt {

bool isInteger(const Json& value) noexcept
{
    if (value.is_number_integer() && !value.is_number_unsigned())
        return true;
    return value.is_number_unsigned()
        && value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
}

std::int64_t asInteger(const Json& value) noexcept
{
    return value.is_number_unsigned() ? static_cast<std::int64_t>(value.get<std::uint64_t>())
                                      : value.get<std::int64_t>();
}

double asDouble(const Json& value) noexcept
{
    if (value.is_number_float())
        return value.get<double>();
    if (value.is_number_unsigned())
        return static_cast<double>(value.get<std::uint64_t>());
    return static_cast<double>(value.get<std::int64_t>());
}

Json finiteDouble(double value, Span span)
{
    if (!std::isfinite(value))
        fail("E411.not-finite", span);
    return Json(value);
}

Json integralOrDouble(double value, Span span)
{
    // 2^63 is exactly representable; anything in [-2^63, 2^63) converts without overflow.
    if (std::isfinite(value) && value >= -9223372036854775808.0 && value < 9223372036854775808.0
        && value == std::trunc(value))
        return Json(static_cast<std::int64_t>(value));
    return finiteDouble(value, span);
}

namespace {

bool numbersEqual(const Json& a, const Json& b)
{
    if (isInteger(a) && isInteger(b))
        return asInteger(a) == asInteger(b);
    if (a.is_number_unsigned() && b.is_number_unsigned())
        return a.get<std::uint64_t>() == b.get<std::uint64_t>();
    return asDouble(a) == asDouble(b);
}

} // namespace

bool jsonEquals(const Json& a, const Json& b)
{
    if (a.is_number() && b.is_number())
        return numbersEqual(a, b);
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Json::value_t::array: {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!jsonEquals(a[i], b[i]))
                return false;
        return true;
    }
    case Json::value_t::object: {
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            const auto other = b.find(it.key());
            if (other == b.end() || !jsonEquals(it.value(), *other))
                return false;
        }
        return true;
    }
    default: return a == b;
    }
}

std::size_t jsonHash(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: {
        // Equal numbers hash alike whatever their representation.
        const double d = asDouble(value);
        return std::hash<double>{}(d == 0 ? 0.0 : d);
    }
    case Json::value_t::array: {
        std::size_t h = 0x9e3779b97f4a7c15ull;
        for (const Json& element : value)
            h = (h * 31) ^ jsonHash(element);
        return h;
    }
    case Json::value_t::object: {
        // Order-independent: a sum of the members' hashes.
        std::size_t h = 0x51ed270b27u;
        for (auto it = value.begin(); it != value.end(); ++it)
            h += std::hash<std::string>{}(it.key()) * 7 + jsonHash(it.value());
        return h;
    }
    case Json::value_t::string: return std::hash<std::string>{}(value.get_ref<const std::string&>());
    case Json::value_t::boolean: return value.get<bool>() ? 3 : 2;
    default: return 1;
    }
}

std::optional<int> compareValues(const Json& a, const Json& b)
{
    if (a.is_number() && b.is_number()) {
        if (isInteger(a) && isInteger(b)) {
            const auto x = asInteger(a);
            const auto y = asInteger(b);
            return x < y ? -1 : x > y ? 1 : 0;
        }
        const double x = asDouble(a);
        const double y = asDouble(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.is_string() && b.is_string()) {
        // UTF-8 byte order is code point order.
        const int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    return std::nullopt;
}

std::string toText(const Json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    std::string text;   // dump()'s bytes, without its stream machinery
    appendJson(text, value);
    return text;
}

namespace {

[[noreturn]] void operandError(ast::BinaryOp op, const Json& left, const Json& right, Span span)
{
    const std::string opName(ast::opText(op));
    fail("E410.operands", span, {opName, std::string(typeId(left)), std::string(typeId(right))});
}

Json arithmetic(ast::BinaryOp op, const Json& a, const Json& b, Span span)
{
    using ast::BinaryOp;
    if (isInteger(a) && isInteger(b)) {
        const std::int64_t x = asInteger(a);
        const std::int64_t y = asInteger(b);
        std::int64_t r = 0;
        switch (op) {
        case BinaryOp::Add:
            if (!__builtin_add_overflow(x, y, &r))
                return Json(r);
            break;
        case BinaryOp::Sub:
            if (!__builtin_sub_overflow(x, y, &r))
                return Json(r);
            break;
        case BinaryOp::Mul:
            if (!__builtin_mul_overflow(x, y, &r))
                return Json(r);
            break;
        case BinaryOp::Div:
            if (y == 0)
                fail("E411.division-by-zero", span);
            if (!(x == std::numeric_limits<std::int64_t>::min() && y == -1) && x % y == 0)
                return Json(x / y);
            break;
        case BinaryOp::Mod:
            if (y == 0)
                fail("E411.division-by-zero", span);
            return Json(y == -1 ? std::int64_t{0} : x % y);
        default: break;
        }
        // Overflow, or a division that does not come out exact: a double.
    } else if (op == BinaryOp::Mod) {
        fail("E410.remainder-integers", span, {"%", std::string(typeId(a)), std::string(typeId(b))});
    }
    const double x = asDouble(a);
    const double y = asDouble(b);
    switch (op) {
    case BinaryOp::Add: return finiteDouble(x + y, span);
    case BinaryOp::Sub: return finiteDouble(x - y, span);
    case BinaryOp::Mul: return finiteDouble(x * y, span);
    case BinaryOp::Div:
        if (y == 0)
            fail("E411.division-by-zero", span);
        return finiteDouble(x / y, span);
    default: return finiteDouble(0, span);
    }
}

} // namespace

Json applyBinary(ast::BinaryOp op, const Json& left, const Json& right, Span span)
{
    using ast::BinaryOp;
    switch (op) {
    case BinaryOp::Eq: return Json(jsonEquals(left, right));
    case BinaryOp::Ne: return Json(!jsonEquals(left, right));
    case BinaryOp::Lt:
    case BinaryOp::Le:
    case BinaryOp::Gt:
    case BinaryOp::Ge: {
        const auto c = compareValues(left, right);
        if (!c)
            operandError(op, left, right, span);
        switch (op) {
        case BinaryOp::Lt: return Json(*c < 0);
        case BinaryOp::Le: return Json(*c <= 0);
        case BinaryOp::Gt: return Json(*c > 0);
        default: return Json(*c >= 0);
        }
    }
    case BinaryOp::Add:
        if (left.is_string() && right.is_string())
            return Json(left.get_ref<const std::string&>() + right.get_ref<const std::string&>());
        [[fallthrough]];
    case BinaryOp::Sub:
    case BinaryOp::Mul:
    case BinaryOp::Div:
    case BinaryOp::Mod:
        if (!left.is_number() || !right.is_number())
            operandError(op, left, right, span);
        return arithmetic(op, left, right, span);
    default:
        fail("E499.operator-elsewhere", span, {std::string(ast::opText(op))});
    }
}

Json negate(const Json& operand, Span span)
{
    if (!operand.is_number())
        fail("E410.operand", span, {"-", std::string(typeId(operand))});
    if (isInteger(operand)) {
        const std::int64_t x = asInteger(operand);
        if (x != std::numeric_limits<std::int64_t>::min())
            return Json(-x);
    }
    return finiteDouble(-asDouble(operand), span);
}

bool requireBoolean(const Json& value, std::string_view what, Span span)
{
    if (!value.is_boolean())
        fail("E410.not-boolean", span, {std::string(what), std::string(typeId(value))});
    return value.get<bool>();
}

} // namespace mdsl::rt
