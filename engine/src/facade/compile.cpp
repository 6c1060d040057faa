// compile() and run(): one engine, validated first, then the V1 program or the V2 plan.

#include "facade/compiled.h"

#include "mdsl/checks.h"
#include "report/codes.h"
#include "runtime/profile.h"
#include "runtime/state.h"
#include "util/utf8.h"

#include <algorithm>
#include <chrono>

namespace mdsl {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t microsSince(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

Diagnostic toDiagnostic(const rt::RuntimeError& error, const LineIndex& lines)
{
    Diagnostic diagnostic;
    diagnostic.severity = Severity::Error;
    diagnostic.code = error.code;
    // Every runtime error passes here: values quoted from the input or the mapping may hold
    // bytes that are not UTF-8 (from_base64), shown as \xFF.
    diagnostic.message = utf8::forMessage(error.message);
    for (const std::string& arg : error.args)
        diagnostic.args.push_back(utf8::forMessage(arg));
    diagnostic.range = lines.range(error.span);
    diagnostic.wording = error.wording;
    return diagnostic;
}

} // namespace

EngineKind CompiledMapping::engine() const noexcept
{
    return impl_ ? impl_->engine : EngineKind::V2;
}

int CompiledMapping::languageVersion() const noexcept
{
    return impl_ ? impl_->version : 1;
}

const std::vector<Diagnostic>& CompiledMapping::diagnostics() const noexcept
{
    static const std::vector<Diagnostic> kNone;
    return impl_ ? impl_->diagnostics : kNone;
}

bool CompiledMapping::ok() const noexcept
{
    return impl_ && impl_->ok;
}

Json CompiledMapping::planJson() const
{
    if (!impl_ || !impl_->ok)
        return Json();
    if (impl_->engine == EngineKind::V2)
        return v2::planToJson(*impl_->v2);
    return astToJson(*impl_->source->parsed.document);
}

namespace detail {

namespace {

ParsedDocument timedParse(std::string_view text, std::int64_t& micros)
{
    const auto start = Clock::now();
    ParsedDocument parsed = parseDocument(text);
    micros = microsSince(start);
    return parsed;
}

} // namespace

ParsedSource::ParsedSource(std::string_view source)
    : text(source)
    , lines(text)
    , parsed(timedParse(text, parseUs))
{
}

std::shared_ptr<const ParsedSource> parseSource(std::string_view text)
{
    return std::make_shared<const ParsedSource>(text);
}

CompiledMapping Access::compiled(std::shared_ptr<const CompiledMappingImpl> impl)
{
    CompiledMapping mapping;
    mapping.impl_ = std::move(impl);
    return mapping;
}

PreparedMapping Access::prepared(std::shared_ptr<const PreparedMappingImpl> impl)
{
    PreparedMapping mapping;
    mapping.impl_ = std::move(impl);
    return mapping;
}

CompiledMapping compileParsed(std::shared_ptr<const ParsedSource> source, EngineKind engine, const Flags& flags)
{
    const auto start = Clock::now();
    auto impl = std::make_shared<CompiledMappingImpl>();
    impl->engine = engine;
    impl->source = std::move(source);
    const ParsedSource& parsed = *impl->source;
    ValidateOptions options;
    options.flags = flags;
    options.engine = engine;
    // What validate() reports: the syntax diagnostics and the validator's, by position.
    impl->diagnostics = parsed.parsed.diagnostics;
    std::vector<Diagnostic> checks = checkDocument(*parsed.parsed.document, parsed.text, options);
    impl->diagnostics.insert(impl->diagnostics.end(), std::make_move_iterator(checks.begin()),
                             std::make_move_iterator(checks.end()));
    std::stable_sort(impl->diagnostics.begin(), impl->diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.range.start.offset < b.range.start.offset; });
    impl->version = documentVersion(*parsed.parsed.document, options);
    impl->ok = !hasErrors(impl->diagnostics) && parsed.parsed.ok();
    if (impl->ok) {
        if (engine == EngineKind::V1)
            impl->v1 = std::make_unique<v1::Program>(*parsed.parsed.document);
        else
            impl->v2 = v2::compile(*parsed.parsed.document);
    }
    impl->compileUs = parsed.parseUs + microsSince(start);
    return Access::compiled(std::move(impl));
}

} // namespace detail

CompiledMapping compile(std::string_view text, EngineKind engine, const Flags& flags)
{
    return detail::compileParsed(detail::parseSource(text), engine, flags);
}

RunResult run(const CompiledMapping& mapping, const Json& input, const RunOptions& options)
{
    const auto start = Clock::now();
    RunResult result;
    result.engine = mapping.engine();
    result.route = mapping.engine() == EngineKind::V1 ? Route::V1Only : Route::V2Routed;
    result.diagnostics = mapping.diagnostics();
    const detail::CompiledMappingImpl* impl = mapping.impl_.get();
    if (!impl || !impl->ok) {
        result.status = RunStatus::Invalid;
        result.stats.elapsedUs = impl ? impl->compileUs : 0;
        return result;
    }
    rt::RunState state(options, input, start);
    std::optional<rt::ProfileRecorder> profiler;
    if (options.profile) {
        profiler.emplace();
        state.profiler = &*profiler;
    }
    const auto runStart = Clock::now();
    Json output = Json::object();
    try {
        // The input nests no deeper than the depth limit: every later walk of a value may then
        // recurse safely.
        if (rt::nestsDeeper(input, options.limits.maxDepth))
            state.depthLimit(Span{});
        if (impl->engine == EngineKind::V1)
            v1::run(*impl->v1, state, output);
        else
            v2::execute(*impl->v2, state, output);
        state.checkClock(Span{});
    } catch (rt::Failure& failure) {
        state.record(failure.error);
    }
    if (profiler)
        result.profile = profiler->finish(impl->source->text, impl->source->lines,
                                          std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - runStart).count());
    for (const rt::RuntimeError& error : state.errors)
        result.diagnostics.push_back(toDiagnostic(error, impl->source->lines));
    result.status = state.errors.empty() ? RunStatus::Ok : RunStatus::Failed;
    result.output = std::move(output);
    result.trace = std::move(state.trace);
    result.traceTruncated = state.traceTruncated;
    result.stats = state.stats;
    result.stats.elapsedUs = impl->compileUs + microsSince(start);
    return result;
}

} // namespace mdsl
