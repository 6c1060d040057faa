#pragma once
// Internal: what a CompiledMapping and a PreparedMapping hold.

#include "mdsl/engine.h"
#include "mdsl/syntax.h"
#include "v1/interpreter.h"
#include "v2/plan.h"

#include <memory>
#include <string>

namespace mdsl::detail {

/// A text parsed once: what every compilation and pass of one text version shares. Made in
/// place and never moved (the line index and the AST's spans refer to `text`).
struct ParsedSource {
    explicit ParsedSource(std::string_view source);
    ParsedSource(const ParsedSource&) = delete;
    ParsedSource& operator=(const ParsedSource&) = delete;

    const std::string text;
    const LineIndex lines;
    std::int64_t parseUs = 0;   ///< what parsing took: part of each compilation's time (set by `parsed`'s initializer)
    const ParsedDocument parsed;
};

std::shared_ptr<const ParsedSource> parseSource(std::string_view text);

struct CompiledMappingImpl {
    EngineKind engine = EngineKind::V2;
    int version = 1;
    std::shared_ptr<const ParsedSource> source;     ///< the V1 program and V2 plan point into it
    std::vector<Diagnostic> diagnostics;            ///< validation
    bool ok = false;
    std::unique_ptr<v1::Program> v1;                ///< V1, when ok
    std::unique_ptr<v2::Plan> v2;                   ///< V2, when ok
    std::int64_t compileUs = 0;                     ///< validation and compilation
};

struct PreparedMappingImpl {
    Route route = Route::V2Routed;
    Flags flags;
    CompiledMapping primary;
    /// V1, compiled when the route may fall back to it (V2 primary and mapping_dsl_v1_fallback on).
    std::optional<CompiledMapping> fallback;
};

/// The friend of the facade's handles: makes them from their implementations.
struct Access {
    static CompiledMapping compiled(std::shared_ptr<const CompiledMappingImpl> impl);
    static PreparedMapping prepared(std::shared_ptr<const PreparedMappingImpl> impl);
};

/// Validates and compiles a parsed text for one engine under the flags.
CompiledMapping compileParsed(std::shared_ptr<const ParsedSource> source, EngineKind engine, const Flags& flags);
/// A mapping prepared for a form of the operations from its compilations (fallback: V1's,
/// used when the route picks V2 and mapping_dsl_v1_fallback is on).
PreparedMapping prepareCompiled(Route route, const Flags& flags, CompiledMapping primary,
                                std::optional<CompiledMapping> fallback);

} // namespace mdsl::detail
