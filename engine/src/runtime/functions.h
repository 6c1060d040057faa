#pragma once
// Internal: the function library of section 6, implemented once for both engines. An engine
// calls a function through a Call, which evaluates the call's arguments on demand (so that
// `if`, `default`, `switch` and the per-element arguments of map/filter/... are lazy) — V1
// from the AST, V2 from its plan.

#include "mdsl/source.h"
#include "runtime/state.h"
#include "runtime/value.h"

#include <span>
#include <string_view>

namespace mdsl::rt {

/// One call being evaluated, as the engine that evaluates it exposes it to the library.
class Call {
public:
    Call(RunState& runState, std::string_view functionName, Span callSpan)
        : state(runState), name(functionName), span(callSpan)
    {
    }
    virtual ~Call() = default;
    Call(const Call&) = delete;
    Call& operator=(const Call&) = delete;

    [[nodiscard]] virtual int argCount() const = 0;
    /// Evaluates argument i in the call's context.
    virtual Value arg(int i) = 0;
    /// Evaluates argument i with `element` as the context (per-element arguments).
    virtual Value argFor(int i, const Json& element) = 0;

    RunState& state;
    std::string_view name;
    Span span;
};

/// How a function treats missing and null arguments before its body runs.
enum class Nulls {
    Raw,            ///< the body sees every argument as it is
    MissingOnly,    ///< any missing argument: the result is missing
    MissingOrNull,  ///< any missing argument: missing; a null first argument: null
};

/// A function whose arguments are all evaluated first, in order.
using StrictBody = Value (*)(Call& call, std::span<Value> args);
/// A function that evaluates its arguments itself through the Call.
using LazyBody = Value (*)(Call& call);

/// An implementation bound to a catalog entry (name and arity range).
/// FunctionImpl::maxArity of a function taking any number of arguments.
inline constexpr int kVariadic = -1;

struct FunctionImpl {
    std::string_view name;
    int minArity = 0;
    int maxArity = 0;   ///< kVariadic: any number
    Nulls nulls = Nulls::MissingOrNull;
    StrictBody strict = nullptr;
    LazyBody lazy = nullptr;
    /// Depends on the run (now(), index()): never folded as a constant.
    bool dependsOnRun = false;

    [[nodiscard]] bool accepts(int count) const noexcept
    {
        return count >= minArity && (maxArity < 0 || count <= maxArity);
    }
};

/// The implementation of `name` for `arity` arguments, or nullptr.
const FunctionImpl* findFunction(std::string_view name, int arity);
/// Every implementation (for the test that binds them to the catalog).
std::span<const FunctionImpl> allFunctions();

/// Calls a function: evaluates strict arguments, applies the missing/null rule, runs the body.
Value invoke(const FunctionImpl& function, Call& call);

// The groups of the library, one file each.
std::span<const FunctionImpl> v1Functions();
std::span<const FunctionImpl> newOpsFunctions();
std::span<const FunctionImpl> arrayFunctions();

// Helpers for function bodies.
[[noreturn]] void argumentTypeError(const Call& call, int index, std::string_view expected, const Value& got);
const std::string& requireString(const Call& call, std::span<Value> args, int index);
std::int64_t requireInteger(const Call& call, std::span<Value> args, int index);
const Json& requireArray(const Call& call, std::span<Value> args, int index);
const Json& requireObject(const Call& call, std::span<Value> args, int index);
double requireNumber(const Call& call, std::span<Value> args, int index);
/// A condition of if/filter/any/all/find: missing and null are false, else it must be a boolean.
bool conditionHolds(const Call& call, const Value& condition);

} // namespace mdsl::rt
