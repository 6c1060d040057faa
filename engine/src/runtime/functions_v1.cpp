// The version 1 functions (docs/functions.md). Their documentation, with examples,
// is the catalog's (engine/src/catalog/functions_v1.cpp); this file is their behaviour.

#include "runtime/functions.h"
#include "runtime/operators.h"
#include "runtime/text.h"

#include <cmath>
#include <limits>

namespace mdsl::rt {

namespace {

Value concatBody(Call& call, std::span<Value> args)
{
    // Counted before building: `concat(b, b, b, …)` over a large `b` must stop before it
    // allocates, not after.
    std::uint64_t total = 16;
    for (const Value& arg : args)
        if (!arg.isMissingOrNull())
            total += textBytes(arg.json());
    call.state.build(total, call.span);
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].isMissingOrNull())
            continue;
        const Json& value = args[i].json();
        if (value.is_structured())
            argumentTypeError(call, static_cast<int>(i), "types.string-number-boolean", args[i]);
        out += toText(value);
    }
    return Value::own(Json(std::move(out)));
}

Value upperBody(Call& call, std::span<Value> args)
{
    return Value::own(Json(text::toUpper(requireString(call, args, 0))));
}

Value lowerBody(Call& call, std::span<Value> args)
{
    return Value::own(Json(text::toLower(requireString(call, args, 0))));
}

Value trimBody(Call& call, std::span<Value> args)
{
    return Value::own(Json(std::string(text::trim(requireString(call, args, 0)))));
}

Value lengthBody(Call& call, std::span<Value> args)
{
    const Json& value = args[0].json();
    if (value.is_string())
        return Value::own(Json(static_cast<std::int64_t>(text::codePointCount(value.get_ref<const std::string&>()))));
    if (value.is_structured())
        return Value::own(Json(static_cast<std::int64_t>(value.size())));
    argumentTypeError(call, 0, "types.string-array-object", args[0]);
}

Value substringBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    const std::int64_t start = requireInteger(call, args, 1);
    std::int64_t count = std::numeric_limits<std::int64_t>::max();
    if (args.size() > 2)
        count = requireInteger(call, args, 2);
    if (start < 0 || count < 0)
        fail("E412.substring-negative", call.span, {"substring"});
    const std::size_t begin = text::byteOffset(s, static_cast<std::size_t>(start));
    std::size_t end = s.size();
    if (count != std::numeric_limits<std::int64_t>::max()) {
        const std::string_view rest = std::string_view(s).substr(begin);
        end = begin + text::byteOffset(rest, static_cast<std::size_t>(count));
    }
    return Value::own(Json(s.substr(begin, end - begin)));
}

Value replaceBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    const std::string& search = requireString(call, args, 1);
    const std::string& replacement = requireString(call, args, 2);
    if (search.empty())
        fail("E412.replace-empty", call.span, {"replace"});
    std::string out;
    std::size_t from = 0;
    call.state.build(s.size() + 16, call.span);
    for (std::size_t at = s.find(search); at != std::string::npos; at = s.find(search, from)) {
        call.state.tick(call.span);
        if (replacement.size() > search.size())   // the text grows: count the growth first
            call.state.build(replacement.size() - search.size(), call.span);
        out.append(s, from, at - from);
        out += replacement;
        from = at + search.size();
    }
    out.append(s, from);
    return Value::own(Json(std::move(out)));
}

Value toStringBody(Call&, std::span<Value> args)
{
    if (args[0].json().is_string())
        return std::move(args[0]);
    return Value::own(Json(toText(args[0].json())));
}

Value toNumberBody(Call& call, std::span<Value> args)
{
    const Json& value = args[0].json();
    if (value.is_number())
        return std::move(args[0]);
    if (value.is_boolean())
        return Value::own(Json(std::int64_t{value.get<bool>() ? 1 : 0}));
    if (!value.is_string())
        argumentTypeError(call, 0, "types.string-number-boolean", args[0]);
    const std::string_view textValue = text::trim(value.get_ref<const std::string&>());
    Json parsed = Json::parse(textValue.begin(), textValue.end(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_number())
        fail("E412.not-a-number", call.span, {"to_number", std::string(textValue)});
    if (parsed.is_number_unsigned() && !isInteger(parsed))
        return Value::own(Json(asDouble(parsed)));
    if (parsed.is_number_unsigned())
        return Value::own(Json(asInteger(parsed)));
    return Value::own(std::move(parsed));
}

Value toBooleanBody(Call& call, std::span<Value> args)
{
    const Json& value = args[0].json();
    if (value.is_boolean())
        return std::move(args[0]);
    if (value.is_number())
        return Value::own(Json(asDouble(value) != 0));
    if (value.is_string()) {
        const std::string& s = value.get_ref<const std::string&>();
        if (s == "true" || s == "false")
            return Value::own(Json(s == "true"));
        fail("E412.not-a-boolean", call.span, {"to_boolean", s});
    }
    argumentTypeError(call, 0, "types.boolean-string-number", args[0]);
}

Value defaultBody(Call& call)
{
    Value value = call.arg(0);
    if (!value.isMissingOrNull())
        return value;
    return call.arg(1);
}

Value ifBody(Call& call)
{
    const Value condition = call.arg(0);
    if (conditionHolds(call, condition))
        return call.arg(1);
    return call.argCount() > 2 ? call.arg(2) : Value::missing();
}

Value lookupBody(Call& call)
{
    const Value table = call.arg(0);
    const Value key = call.arg(1);
    if (!table.isMissingOrNull() && !table.json().is_object())
        argumentTypeError(call, 0, "type.object", table);
    if (!key.isMissingOrNull() && key.json().is_structured())
        argumentTypeError(call, 1, "types.string-number-boolean", key);
    if (!table.isMissingOrNull() && !key.isMissingOrNull()) {
        const Json& object = table.json();
        const auto found = object.find(toText(key.json()));
        if (found != object.end())
            return table.part(*found);
    }
    return call.argCount() > 2 ? call.arg(2) : Value::missing();
}

// An integer rounded to tens, hundreds… (digits < 0), exactly: through doubles,
// round(-9223372036854775808, -18) gave -8999999999999998976. Half away from zero, as for
// doubles; a result beyond int64 is a double, as an integer `+` that overflows.
Json roundInteger(std::int64_t x, std::int64_t digits, Span span)
{
    if (digits < -18)
        return Json(std::int64_t { 0 }); // |x| < 9.3e18 is below half of 10^19
    std::int64_t unit = 1;
    for (std::int64_t i = 0; i < -digits; ++i)
        unit *= 10;
    std::int64_t quotient = x / unit;
    const std::int64_t remainder = x % unit; // |remainder| < unit <= 10^18: doubling fits
    if (2 * (remainder < 0 ? -remainder : remainder) >= unit)
        quotient += x < 0 ? -1 : 1;
    std::int64_t result = 0;
    if (__builtin_mul_overflow(quotient, unit, &result))
        return finiteDouble(static_cast<double>(quotient) * static_cast<double>(unit), span);
    return Json(result);
}

Value roundBody(Call& call, std::span<Value> args)
{
    requireNumber(call, args, 0);
    const Json& x = args[0].json();
    const std::int64_t digits = args.size() > 1 ? requireInteger(call, args, 1) : 0;
    if (isInteger(x) && digits >= 0)
        return std::move(args[0]);
    if (isInteger(x))
        return Value::own(roundInteger(asInteger(x), digits, call.span));
    const double value = asDouble(x);
    if (digits == 0)
        return Value::own(integralOrDouble(std::round(value), call.span));
    if (digits > 15 || digits < -18)
        return digits > 0 ? std::move(args[0]) : Value::own(Json(std::int64_t{0}));
    const double factor = std::pow(10.0, static_cast<double>(digits));
    const double scaled = value * factor;
    if (!std::isfinite(scaled))
        return std::move(args[0]);
    const double rounded = std::round(scaled) / factor;
    return Value::own(digits < 0 ? integralOrDouble(rounded, call.span) : finiteDouble(rounded, call.span));
}

Value floorBody(Call& call, std::span<Value> args)
{
    const double value = requireNumber(call, args, 0);
    if (isInteger(args[0].json()))
        return std::move(args[0]);
    return Value::own(integralOrDouble(std::floor(value), call.span));
}

Value ceilBody(Call& call, std::span<Value> args)
{
    const double value = requireNumber(call, args, 0);
    if (isInteger(args[0].json()))
        return std::move(args[0]);
    return Value::own(integralOrDouble(std::ceil(value), call.span));
}

Value absBody(Call& call, std::span<Value> args)
{
    const double value = requireNumber(call, args, 0);
    const Json& x = args[0].json();
    if (isInteger(x)) {
        const std::int64_t i = asInteger(x);
        if (i >= 0)
            return std::move(args[0]);
        if (i != std::numeric_limits<std::int64_t>::min())
            return Value::own(Json(-i));
    }
    return Value::own(finiteDouble(std::fabs(value), call.span));
}

/// min/max of two or more scalars: -1 picks the smallest, +1 the largest.
Value extremeOfArgs(Call& call, std::span<Value> args, int sign)
{
    for (const Value& value : args)
        if (value.isMissing())
            return Value::missing();
    for (const Value& value : args)
        if (value.isNull())
            return Value::own(Json());
    std::size_t best = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const Json& value = args[i].json();
        if (!value.is_number() && !value.is_string())
            argumentTypeError(call, static_cast<int>(i), "types.number-or-string", args[i]);
        if (i == 0)
            continue;
        const auto c = compareValues(value, args[best].json());
        if (!c)
            fail("E410.compare", call.span,
                 {std::string(call.name), std::string(typeId(args[best])), std::string(typeId(args[i]))});
        if (*c * sign > 0)
            best = i;
    }
    return std::move(args[best]);
}

Value minBody(Call& call, std::span<Value> args) { return extremeOfArgs(call, args, -1); }
Value maxBody(Call& call, std::span<Value> args) { return extremeOfArgs(call, args, +1); }

Value existsBody(Call&, std::span<Value> args)
{
    return Value::own(Json(!args[0].isMissing()));
}

Value isNullBody(Call&, std::span<Value> args)
{
    return Value::own(Json(args[0].isMissingOrNull()));
}

const FunctionImpl kV1Functions[] = {
    {"concat", 1, kVariadic, Nulls::Raw, concatBody, nullptr},
    {"upper", 1, 1, Nulls::MissingOrNull, upperBody, nullptr},
    {"lower", 1, 1, Nulls::MissingOrNull, lowerBody, nullptr},
    {"trim", 1, 1, Nulls::MissingOrNull, trimBody, nullptr},
    {"length", 1, 1, Nulls::MissingOrNull, lengthBody, nullptr},
    {"substring", 2, 3, Nulls::MissingOrNull, substringBody, nullptr},
    {"replace", 3, 3, Nulls::MissingOrNull, replaceBody, nullptr},
    {"to_string", 1, 1, Nulls::MissingOrNull, toStringBody, nullptr},
    {"to_number", 1, 1, Nulls::MissingOrNull, toNumberBody, nullptr},
    {"to_boolean", 1, 1, Nulls::MissingOrNull, toBooleanBody, nullptr},
    {"default", 2, 2, Nulls::Raw, nullptr, defaultBody},
    {"if", 2, 3, Nulls::Raw, nullptr, ifBody},
    {"lookup", 2, 3, Nulls::Raw, nullptr, lookupBody},
    {"round", 1, 2, Nulls::MissingOrNull, roundBody, nullptr},
    {"floor", 1, 1, Nulls::MissingOrNull, floorBody, nullptr},
    {"ceil", 1, 1, Nulls::MissingOrNull, ceilBody, nullptr},
    {"abs", 1, 1, Nulls::MissingOrNull, absBody, nullptr},
    {"min", 2, kVariadic, Nulls::Raw, minBody, nullptr},
    {"max", 2, kVariadic, Nulls::Raw, maxBody, nullptr},
    {"exists", 1, 1, Nulls::Raw, existsBody, nullptr},
    {"is_null", 1, 1, Nulls::Raw, isNullBody, nullptr},
};

} // namespace

std::span<const FunctionImpl> v1Functions()
{
    return kV1Functions;
}

} // namespace mdsl::rt
