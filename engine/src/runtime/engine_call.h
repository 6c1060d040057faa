#pragma once
// Internal: how an engine exposes one call to the function library. Both engines hold a
// call's arguments as a list of owning pointers (AST expressions for V1, plan nodes for V2)
// and evaluate them with eval() / evalWithContext().

#include "runtime/functions.h"

#include <memory>
#include <vector>

namespace mdsl::rt {

/// Sets a context pointer for the lifetime of the guard, then puts the previous one back.
class ContextSwap {
public:
    ContextSwap(const Json*& slot, const Json& context) : slot_(slot), saved_(slot) { slot_ = &context; }
    ~ContextSwap() { slot_ = saved_; }
    ContextSwap(const ContextSwap&) = delete;
    ContextSwap& operator=(const ContextSwap&) = delete;

private:
    const Json*& slot_;
    const Json* saved_;
};

template <class Engine, class Arg>
class EngineCall final : public Call {
public:
    EngineCall(Engine& engine, RunState& runState, std::string_view functionName, Span callSpan,
               const std::vector<std::unique_ptr<Arg>>& args)
        : Call(runState, functionName, callSpan), engine_(engine), args_(args)
    {
    }
    int argCount() const override { return static_cast<int>(args_.size()); }
    Value arg(int i) override { return engine_.eval(*args_[static_cast<std::size_t>(i)]); }
    Value argFor(int i, const Json& element) override
    {
        return engine_.evalWithContext(*args_[static_cast<std::size_t>(i)], element);
    }

private:
    Engine& engine_;
    const std::vector<std::unique_ptr<Arg>>& args_;
};

} // namespace mdsl::rt
