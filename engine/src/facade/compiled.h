#pragma once
// Internal: what a CompiledMapping and a PreparedMapping hold.

#include "mdsl/engine.h"
#include "mdsl/syntax.h"
#include "v1/interpreter.h"
#include "v2/plan.h"

#include <memory>
#include <string>

namespace mdsl::detail {

struct CompiledMappingImpl {
    EngineKind engine = EngineKind::V2;
    int version = 1;
    std::string text;                               ///< the document (the AST's spans point into it)
    std::unique_ptr<LineIndex> lines;
    ParsedDocument parsed;
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

} // namespace mdsl::detail
