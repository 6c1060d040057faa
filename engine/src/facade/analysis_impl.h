#pragma once
// Internal: what an Analysis holds, and the passes that make its parts from the one parse.

#include "facade/compiled.h"
#include "mdsl/analysis.h"

#include <mutex>
#include <optional>

namespace mdsl::detail {

struct AnalysisImpl {
    std::shared_ptr<const ParsedSource> source;
    Flags flags;

    // Made when first asked, once (std::call_once: any thread may ask).
    mutable std::once_flag v1Once, v2Once, outlineOnce, lineageOnce;
    mutable std::optional<CompiledMapping> v1, v2;
    mutable std::vector<OutlineEntry> outline;
    mutable std::vector<LineageEntry> lineage;
};

/// The lineage of a parsed text (facade/lineage.cpp).
std::vector<LineageEntry> lineageOf(const ParsedSource& source);
/// The names visible at a byte offset of a parsed text (facade/lineage.cpp).
std::vector<ScopeName> namesAt(const ParsedSource& source, std::uint32_t offset);
/// The name at a byte offset of a parsed text and its reads (facade/names.cpp).
std::optional<NameReferences> referencesAt(const ParsedSource& source, std::uint32_t offset);
/// The outline of a parsed text (facade/analysis.cpp).
std::vector<OutlineEntry> outlineOf(const ParsedSource& source);

} // namespace mdsl::detail
