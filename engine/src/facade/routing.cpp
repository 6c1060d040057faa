// Production's routing (language design section 9): the V2-routed and V1-only forms of the
// operations, and the V1 fallback when V2 fails.

#include "facade/compiled.h"

namespace mdsl {

std::string_view engineName(EngineKind engine) noexcept
{
    return engine == EngineKind::V1 ? "v1" : "v2";
}

std::string_view routeName(Route route) noexcept
{
    return route == Route::V1Only ? "v1" : "v2";
}

std::string_view statusName(RunStatus status) noexcept
{
    switch (status) {
    case RunStatus::Ok: return "ok";
    case RunStatus::Failed: return "failed";
    case RunStatus::Invalid: return "invalid";
    }
    return "invalid";
}

std::string_view traceKindName(TraceKind kind) noexcept
{
    switch (kind) {
    case TraceKind::RuleEntered: return "rule";
    case TraceKind::Value: return "value";
    case TraceKind::Write: return "write";
    case TraceKind::Skip: return "skip";
    case TraceKind::Error: return "error";
    case TraceKind::ElementEntered: return "enter";
    case TraceKind::ElementLeft: return "leave";
    }
    return "value";
}

EngineKind routedEngine(Route route, const Flags& flags) noexcept
{
    if (route == Route::V1Only || !flags.get(Flag::V2Enabled))
        return EngineKind::V1;
    return EngineKind::V2;
}

RoutedAnswer routedAnswer(Route route, const Flags& flags, RunStatus firstStatus) noexcept
{
    const EngineKind first = routedEngine(route, flags);
    if (first == EngineKind::V2 && firstStatus != RunStatus::Ok && flags.get(Flag::V1Fallback))
        return {EngineKind::V1, true};
    return {first, false};
}

Route PreparedMapping::route() const noexcept
{
    return impl_ ? impl_->route : Route::V2Routed;
}

EngineKind PreparedMapping::primaryEngine() const noexcept
{
    return impl_ ? impl_->primary.engine() : EngineKind::V2;
}

const CompiledMapping& PreparedMapping::primary() const noexcept
{
    static const CompiledMapping kEmpty;
    return impl_ ? impl_->primary : kEmpty;
}

PreparedMapping prepare(std::string_view text, Route route, const Flags& flags)
{
    auto impl = std::make_shared<detail::PreparedMappingImpl>();
    impl->route = route;
    impl->flags = flags;
    const EngineKind engine = routedEngine(route, flags);
    impl->primary = compile(text, engine, flags);
    if (engine == EngineKind::V2 && flags.get(Flag::V1Fallback))
        impl->fallback = compile(text, EngineKind::V1, flags);
    PreparedMapping prepared;
    prepared.impl_ = std::move(impl);
    return prepared;
}

RunResult dryRun(const PreparedMapping& mapping, const Json& input, const RunOptions& options)
{
    RunResult result = run(mapping.primary(), input, options);
    result.route = mapping.route();
    const detail::PreparedMappingImpl* impl = mapping.impl_.get();
    if (!impl || !routedAnswer(impl->route, impl->flags, result.status).fallback || !impl->fallback)
        return result;
    // V2 failed (invalid or failed) and mapping_dsl_v1_fallback is on: V1 answers.
    auto failure = std::make_shared<RunResult>(std::move(result));
    RunResult fallback = run(*impl->fallback, input, options);
    fallback.route = impl->route;
    fallback.fallback = true;
    fallback.v2Failure = std::move(failure);
    return fallback;
}

std::vector<Diagnostic> validateOperation(std::string_view text, Route route, const Flags& flags)
{
    return compile(text, routedEngine(route, flags), flags).diagnostics();
}

} // namespace mdsl
