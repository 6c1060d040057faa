// Production's routing (docs/engines.md, "Routing and fallback"): the V2-routed and V1-only forms of the
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

namespace detail {

PreparedMapping prepareCompiled(Route route, const Flags& flags, CompiledMapping primary,
                                std::optional<CompiledMapping> fallback)
{
    auto impl = std::make_shared<PreparedMappingImpl>();
    impl->route = route;
    impl->flags = flags;
    impl->primary = std::move(primary);
    if (impl->primary.engine() == EngineKind::V2 && flags.get(Flag::V1Fallback))
        impl->fallback = std::move(fallback);
    return Access::prepared(std::move(impl));
}

} // namespace detail

PreparedMapping prepare(std::string_view text, Route route, const Flags& flags)
{
    const auto source = detail::parseSource(text);
    const EngineKind engine = routedEngine(route, flags);
    std::optional<CompiledMapping> fallback;
    if (engine == EngineKind::V2 && flags.get(Flag::V1Fallback))
        fallback = detail::compileParsed(source, EngineKind::V1, flags);
    return detail::prepareCompiled(route, flags, detail::compileParsed(source, engine, flags), std::move(fallback));
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

} // namespace mdsl
