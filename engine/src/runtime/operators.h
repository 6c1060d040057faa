#pragma once
// Internal: the value semantics both engines share — numbers (exact 64-bit integers, the
// overflow and division rules), JSON equality, ordering by code point, and the operators.

#include "mdsl/ast.h"
#include "runtime/value.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mdsl::rt {

/// True for an integer that fits int64 (an unsigned input integer above INT64_MAX is not).
bool isInteger(const Json& value) noexcept;
std::int64_t asInteger(const Json& value) noexcept;
double asDouble(const Json& value) noexcept;
/// A double result as JSON; a non-finite result is error E411 at `span`.
Json finiteDouble(double value, Span span);
/// A double that holds an integer value within int64, as that integer; other doubles unchanged.
Json integralOrDouble(double value, Span span);

/// JSON equality: numbers by value (1 == 1.0), objects whatever their member order.
bool jsonEquals(const Json& a, const Json& b);
/// A hash consistent with jsonEquals.
std::size_t jsonHash(const Json& value);
/// Orders two numbers or two strings (by code point); nullopt when they are not comparable.
std::optional<int> compareValues(const Json& a, const Json& b);

/// Text of a value as to_string and concat write it: a string as is, numbers in shortest
/// round-trip form, true/false, null, arrays and objects as compact JSON.
std::string toText(const Json& value);
/// What toText(value) adds to a string being built, for the budget of values built: a
/// string's bytes, at most 24 for the printed form of a number or boolean.
inline std::uint64_t textBytes(const Json& value)
{
    return value.is_string() ? value.get_ref<const std::string&>().size() : 24;
}

/// A binary operator other than `??`, `and`, `or` (which the engines evaluate lazily) on
/// two present operands. Errors are thrown with `span`.
Json applyBinary(ast::BinaryOp op, const Json& left, const Json& right, Span span);
/// Unary minus on a present operand.
Json negate(const Json& operand, Span span);
/// The operand of `not`, `and`, `or`, `when` or a condition as a boolean, or error E410.
bool requireBoolean(const Json& value, std::string_view what, Span span);

} // namespace mdsl::rt
