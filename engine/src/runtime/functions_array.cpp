// The version 2 functions of the flag mapping_dsl_v2_array_ops (docs/functions.md).
// Per-element arguments (map, filter, sort_by, group_by, index_by, any, all, find) are
// evaluated through Call::argFor, once per element, with the element as the context.

#include "runtime/functions.h"
#include "runtime/operators.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <vector>

namespace mdsl::rt {

namespace {

/// Argument 0 of a per-element function: missing stays missing, null gives null, and
/// anything else must be an array. Returns false when the result is already decided.
bool perElementSource(Call& call, Value& source, Value& result)
{
    source = call.arg(0);
    if (source.isMissingOrNull()) {
        result = source.isMissing() ? Value::missing() : Value::own(Json());
        return false;
    }
    if (!source.json().is_array())
        argumentTypeError(call, 0, "type.array", source);
    return true;
}

Value mapBody(Call& call)
{
    Value source, result;
    if (!perElementSource(call, source, result))
        return result;
    Json out = Json::array();
    for (const Json& element : source.json()) {
        call.state.tick(call.span);
        Value mapped = call.argFor(1, element);
        // A borrowed result (the element, a `let`) is copied: counted first, since the same
        // large value may be copied once per element.
        if (!mapped.isMissing() && !mapped.isOwned())
            call.state.buildCopy(mapped.json(), call.span);
        out.push_back(mapped.isMissing() ? Json() : std::move(mapped).take());
    }
    return Value::own(std::move(out));
}

Value filterBody(Call& call)
{
    Value source, result;
    if (!perElementSource(call, source, result))
        return result;
    Json out = Json::array();
    for (const Json& element : source.json()) {
        call.state.tick(call.span);
        if (conditionHolds(call, call.argFor(1, element)))
            out.push_back(element);
    }
    return Value::own(std::move(out));
}

/// any (wanted true), all (wanted false: stops at the first false).
Value quantifier(Call& call, bool any)
{
    Value source, result;
    if (!perElementSource(call, source, result))
        return result;
    for (const Json& element : source.json()) {
        call.state.tick(call.span);
        if (conditionHolds(call, call.argFor(1, element)) == any)
            return Value::own(Json(any));
    }
    return Value::own(Json(!any));
}

Value anyBody(Call& call) { return quantifier(call, true); }
Value allBody(Call& call) { return quantifier(call, false); }

Value findBody(Call& call)
{
    Value source, result;
    if (!perElementSource(call, source, result))
        return result;
    for (const Json& element : source.json()) {
        call.state.tick(call.span);
        if (conditionHolds(call, call.argFor(1, element)))
            return source.part(element);
    }
    return Value::missing();
}

/// Stable order of `keys`, which must be all numbers or all strings.
std::vector<std::size_t> sortedOrder(Call& call, const std::vector<const Json*>& keys)
{
    for (const Json* key : keys) {
        if (!key->is_number() && !key->is_string())
            fail("E410.order-type", call.span, {std::string(call.name), std::string(typeId(*key))});
        if (key->is_number() != keys.front()->is_number())
            fail("E410.order-mixed", call.span, {std::string(call.name)});
    }
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto before = [&](std::size_t a, std::size_t b) { return *compareValues(*keys[a], *keys[b]) < 0; };
    if (order.size() <= 16) {
        // A short array (the usual case): a stable insertion sort, without the temporary
        // buffer std::stable_sort allocates.
        for (std::size_t i = 1; i < order.size(); ++i)
            for (std::size_t j = i; j > 0 && before(order[j], order[j - 1]); --j)
                std::swap(order[j], order[j - 1]);
        return order;
    }
    std::stable_sort(order.begin(), order.end(), before);
    return order;
}

Value sortBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    std::vector<const Json*> keys;
    keys.reserve(array.size());
    for (const Json& element : array)
        keys.push_back(&element);
    const std::vector<std::size_t> order = sortedOrder(call, keys);
    Json out = Json::array();
    Json::array_t& sorted = *out.get_ptr<Json::array_t*>();
    sorted.reserve(order.size());
    if (args[0].isOwned()) {
        // An array computed for this call (`distinct(…) | sort`): its elements move.
        Json source = std::move(args[0]).take();
        Json::array_t& elements = *source.get_ptr<Json::array_t*>();
        for (const std::size_t i : order)
            sorted.push_back(std::move(elements[i]));
    } else {
        for (const std::size_t i : order)
            sorted.push_back(array[i]);
    }
    return Value::own(std::move(out));
}

/// The per-element key of every element (sort_by, group_by, index_by).
std::vector<Value> elementKeys(Call& call, const Json& array)
{
    std::vector<Value> keys;
    keys.reserve(array.size());
    for (const Json& element : array) {
        call.state.tick(call.span);
        keys.push_back(call.argFor(1, element));
    }
    return keys;
}

Value sortByBody(Call& call)
{
    Value source, result;
    if (!perElementSource(call, source, result))
        return result;
    const Json& array = source.json();
    const std::vector<Value> keys = elementKeys(call, array);
    std::vector<const Json*> keyRefs;
    for (const Value& key : keys) {
        if (key.isMissing())
            fail("E410.sort-key-missing", call.span, {"sort_by"});
        keyRefs.push_back(&key.json());
    }
    Json out = Json::array();
    for (const std::size_t i : sortedOrder(call, keyRefs))
        out.push_back(array[i]);
    return Value::own(std::move(out));
}

std::string groupKey(Call& call, const Value& key)
{
    if (key.isMissing() || key.json().is_null() || key.json().is_structured())
        fail("E410.key-type", call.span, {std::string(call.name), std::string(typeId(key))});
    return toText(key.json());
}

/// group_by (every element kept under its key) or index_by (the last element per key).
Value keyedBody(Call& call, bool group)
{
    Value source, result;
    if (!perElementSource(call, source, result))
        return result;
    const Json& array = source.json();
    const std::vector<Value> keys = elementKeys(call, array);
    Json out = Json::object();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        Json& slot = out[groupKey(call, keys[i])];
        if (group)
            slot.push_back(array[i]);
        else
            slot = array[i];
    }
    return Value::own(std::move(out));
}

Value groupByBody(Call& call) { return keyedBody(call, true); }
Value indexByBody(Call& call) { return keyedBody(call, false); }

Value flattenBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    Json out = Json::array();
    for (const Json& element : array) {
        call.state.tick(call.span);
        call.state.buildCopy(element, call.span);
        if (element.is_array())
            for (const Json& inner : element)
                out.push_back(inner);
        else
            out.push_back(element);
    }
    return Value::own(std::move(out));
}

Value distinctBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    Json out = Json::array();
    if (array.size() <= 16) {
        // A short array (the usual case): compared with what is kept, no hash table.
        Json::array_t& kept = *out.get_ptr<Json::array_t*>();
        kept.reserve(array.size());
        for (const Json& element : array) {
            call.state.tick(call.span);
            if (std::none_of(kept.begin(), kept.end(), [&](const Json& k) { return jsonEquals(k, element); }))
                kept.push_back(element);
        }
        return Value::own(std::move(out));
    }
    std::unordered_multimap<std::size_t, const Json*> seen;
    for (const Json& element : array) {
        call.state.tick(call.span);
        const std::size_t h = jsonHash(element);
        const auto [first, last] = seen.equal_range(h);
        const bool repeated = std::any_of(first, last, [&](const auto& entry) { return jsonEquals(*entry.second, element); });
        if (!repeated) {
            seen.emplace(h, &element);
            out.push_back(element);
        }
    }
    return Value::own(std::move(out));
}

Json sumOf(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    Json total(std::int64_t{0});
    for (const Json& element : array) {
        if (!element.is_number())
            fail("E410.sum-type", call.span, {std::string(call.name), std::string(typeId(element))});
        total = applyBinary(ast::BinaryOp::Add, total, element, call.span);
    }
    return total;
}

Value sumBody(Call& call, std::span<Value> args)
{
    return Value::own(sumOf(call, args));
}

Value avgBody(Call& call, std::span<Value> args)
{
    const Json total = sumOf(call, args);
    const auto count = static_cast<std::int64_t>(args[0].json().size());
    if (count == 0)
        return Value::missing();
    return Value::own(applyBinary(ast::BinaryOp::Div, total, Json(count), call.span));
}

Value extremeOfArray(Call& call, std::span<Value> args, int sign)
{
    const Json& array = requireArray(call, args, 0);
    if (array.empty())
        return Value::missing();
    std::vector<const Json*> keys;
    for (const Json& element : array)
        keys.push_back(&element);
    const std::vector<std::size_t> order = sortedOrder(call, keys);
    // The first smallest, or the first largest: equal elements keep their order.
    std::size_t pick = order.front();
    if (sign > 0) {
        pick = order.back();
        for (const std::size_t i : order)
            if (*compareValues(array[i], array[order.back()]) == 0) {
                pick = i;
                break;
            }
    }
    return args[0].part(array[pick]);
}

Value minBody(Call& call, std::span<Value> args) { return extremeOfArray(call, args, -1); }
Value maxBody(Call& call, std::span<Value> args) { return extremeOfArray(call, args, +1); }

Value countBody(Call& call, std::span<Value> args)
{
    return Value::own(Json(static_cast<std::int64_t>(requireArray(call, args, 0).size())));
}

Value firstBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    return array.empty() ? Value::missing() : args[0].part(array.front());
}

Value lastBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    return array.empty() ? Value::missing() : args[0].part(array.back());
}

Value joinBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    const std::string separator = args.size() > 1 ? requireString(call, args, 1) : std::string();
    std::string out;
    bool first = true;
    for (const Json& element : array) {
        if (element.is_null())
            continue;
        if (element.is_structured())
            fail("E410.join-type", call.span, {"join", std::string(typeId(element))});
        // Counted as it grows: a long separator between many short elements multiplies.
        call.state.build(separator.size() + textBytes(element), call.span);
        if (!first)
            out += separator;
        out += toText(element);
        first = false;
    }
    return Value::own(Json(std::move(out)));
}

Value reverseBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    Json out = Json::array();
    for (auto it = array.rbegin(); it != array.rend(); ++it)
        out.push_back(*it);
    return Value::own(std::move(out));
}

Value sliceBody(Call& call, std::span<Value> args)
{
    const Json& array = requireArray(call, args, 0);
    const auto size = static_cast<std::int64_t>(array.size());
    const auto clamp = [size](std::int64_t position) {
        if (position < 0)
            position = position < -size ? 0 : size + position;
        return std::min(position, size);
    };
    const std::int64_t begin = clamp(requireInteger(call, args, 1));
    const std::int64_t end = args.size() > 2 ? clamp(requireInteger(call, args, 2)) : size;
    Json out = Json::array();
    for (std::int64_t i = begin; i < end; ++i)
        out.push_back(array[static_cast<std::size_t>(i)]);
    return Value::own(std::move(out));
}

Value zipBody(Call& call, std::span<Value> args)
{
    std::size_t shortest = SIZE_MAX;
    for (std::size_t i = 0; i < args.size(); ++i)
        shortest = std::min(shortest, requireArray(call, args, static_cast<int>(i)).size());
    Json out = Json::array();
    for (std::size_t row = 0; row < shortest; ++row) {
        call.state.tick(call.span);
        Json tuple = Json::array();
        for (const Value& arg : args) {
            call.state.buildCopy(arg.json()[row], call.span);
            tuple.push_back(arg.json()[row]);
        }
        out.push_back(std::move(tuple));
    }
    return Value::own(std::move(out));
}

Value indexBody(Call& call, std::span<Value>)
{
    if (call.state.elementIndex < 0)
        return Value::missing();
    return Value::own(Json(call.state.elementIndex));
}

const FunctionImpl kArrayOpsFunctions[] = {
    {"map", 2, 2, Nulls::Raw, nullptr, mapBody},
    {"filter", 2, 2, Nulls::Raw, nullptr, filterBody},
    {"flatten", 1, 1, Nulls::MissingOrNull, flattenBody, nullptr},
    {"sort", 1, 1, Nulls::MissingOrNull, sortBody, nullptr},
    {"sort_by", 2, 2, Nulls::Raw, nullptr, sortByBody},
    {"distinct", 1, 1, Nulls::MissingOrNull, distinctBody, nullptr},
    {"group_by", 2, 2, Nulls::Raw, nullptr, groupByBody},
    {"index_by", 2, 2, Nulls::Raw, nullptr, indexByBody},
    {"sum", 1, 1, Nulls::MissingOrNull, sumBody, nullptr},
    {"avg", 1, 1, Nulls::MissingOrNull, avgBody, nullptr},
    {"min", 1, 1, Nulls::MissingOrNull, minBody, nullptr},
    {"max", 1, 1, Nulls::MissingOrNull, maxBody, nullptr},
    {"count", 1, 1, Nulls::MissingOrNull, countBody, nullptr},
    {"first", 1, 1, Nulls::MissingOrNull, firstBody, nullptr},
    {"last", 1, 1, Nulls::MissingOrNull, lastBody, nullptr},
    {"join", 1, 2, Nulls::MissingOrNull, joinBody, nullptr},
    {"reverse", 1, 1, Nulls::MissingOrNull, reverseBody, nullptr},
    {"slice", 2, 3, Nulls::MissingOrNull, sliceBody, nullptr},
    {"zip", 2, kVariadic, Nulls::MissingOnly, zipBody, nullptr},
    {"any", 2, 2, Nulls::Raw, nullptr, anyBody},
    {"all", 2, 2, Nulls::Raw, nullptr, allBody},
    {"find", 2, 2, Nulls::Raw, nullptr, findBody},
    {"index", 0, 0, Nulls::Raw, indexBody, nullptr, true},
};

} // namespace

std::span<const FunctionImpl> arrayFunctions()
{
    return kArrayOpsFunctions;
}

} // namespace mdsl::rt
