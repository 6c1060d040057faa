// Binding and calling the function library; argument checks shared by the function bodies.

#include "runtime/functions.h"

#include "runtime/operators.h"

#include <new>
#include <vector>

namespace mdsl::rt {

namespace {

std::vector<FunctionImpl> gatherAll()
{
    std::vector<FunctionImpl> all;
    for (const auto group : {v1Functions(), newOpsFunctions(), arrayFunctions()})
        all.insert(all.end(), group.begin(), group.end());
    return all;
}

const std::vector<FunctionImpl>& library()
{
    static const std::vector<FunctionImpl> all = gatherAll();
    return all;
}

/// A function's result counts against the run's budget of values built: what the body built
/// and did not account for itself (the bodies that can build much more than they read, such
/// as concat or pad_left, account for it before building; values computed inside the body,
/// lazy arguments included, are already counted).
Value accounted(Call& call, std::uint64_t builtBefore, Value result)
{
    if (!result.isOwned())
        return result;
    const Json& json = result.json();
    if (!json.is_string() && !json.is_structured())
        return result;
    const std::uint64_t cost = footprint(json, call.state.options.limits.maxDepth);
    const std::uint64_t counted = call.state.built() - builtBefore;
    if (cost > counted)
        call.state.build(cost - counted, call.span);
    return result;
}

Value applyNulls(const FunctionImpl& function, Call& call, std::span<Value> args)
{
    if (function.nulls != Nulls::Raw) {
        for (const Value& value : args)
            if (value.isMissing())
                return Value::missing();
        if (function.nulls == Nulls::MissingOrNull && !args.empty() && args[0].isNull())
            return Value::own(Json());
    }
    const std::uint64_t before = call.state.built();
    return accounted(call, before, function.strict(call, args));
}

} // namespace

const FunctionImpl* findFunction(std::string_view name, int arity)
{
    for (const FunctionImpl& function : library())
        if (function.name == name && function.accepts(arity))
            return &function;
    return nullptr;
}

std::span<const FunctionImpl> allFunctions()
{
    return library();
}

Value invoke(const FunctionImpl& function, Call& call)
{
    if (function.lazy) {
        const std::uint64_t before = call.state.built();
        return accounted(call, before, function.lazy(call));
    }
    const int count = call.argCount();
    constexpr int kInline = 6;
    if (count <= kInline) {
        // Only `count` values are made (and destroyed), in place.
        struct Arguments {
            alignas(Value) unsigned char storage[kInline * sizeof(Value)];
            int made = 0;
            Value* data() noexcept { return std::launder(reinterpret_cast<Value*>(storage)); }
            ~Arguments()
            {
                for (int i = made; i-- > 0;)
                    data()[i].~Value();
            }
        } args;
        for (int i = 0; i < count; ++i) {
            new (args.storage + static_cast<std::size_t>(i) * sizeof(Value)) Value(call.arg(i));
            ++args.made;
        }
        return applyNulls(function, call, std::span<Value>(args.data(), static_cast<std::size_t>(count)));
    }
    std::vector<Value> args;
    args.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        args.push_back(call.arg(i));
    return applyNulls(function, call, args);
}

void argumentTypeError(const Call& call, int index, std::string_view expected, const Value& got)
{
    const std::string position = std::to_string(index + 1);
    fail("E410.argument", call.span, {std::string(call.name), position, std::string(expected), std::string(typeId(got))});
}

const std::string& requireString(const Call& call, std::span<Value> args, int index)
{
    const Value& value = args[static_cast<std::size_t>(index)];
    if (value.isMissing() || !value.json().is_string())
        argumentTypeError(call, index, "type.string", value);
    return value.json().get_ref<const std::string&>();
}

std::int64_t requireInteger(const Call& call, std::span<Value> args, int index)
{
    const Value& value = args[static_cast<std::size_t>(index)];
    if (value.isMissing() || !isInteger(value.json()))
        argumentTypeError(call, index, "type.integer", value);
    return asInteger(value.json());
}

const Json& requireArray(const Call& call, std::span<Value> args, int index)
{
    const Value& value = args[static_cast<std::size_t>(index)];
    if (value.isMissing() || !value.json().is_array())
        argumentTypeError(call, index, "type.array", value);
    return value.json();
}

const Json& requireObject(const Call& call, std::span<Value> args, int index)
{
    const Value& value = args[static_cast<std::size_t>(index)];
    if (value.isMissing() || !value.json().is_object())
        argumentTypeError(call, index, "type.object", value);
    return value.json();
}

double requireNumber(const Call& call, std::span<Value> args, int index)
{
    const Value& value = args[static_cast<std::size_t>(index)];
    if (value.isMissing() || !value.json().is_number())
        argumentTypeError(call, index, "type.number", value);
    return asDouble(value.json());
}

bool conditionHolds(const Call& call, const Value& condition)
{
    if (condition.isMissingOrNull())
        return false;
    if (!condition.json().is_boolean())
        fail("E410.condition", call.span, {std::string(call.name), std::string(typeId(condition))});
    return condition.json().get<bool>();
}

} // namespace mdsl::rt
