#pragma once
// The validator: every problem that can be found without input data (docs/diagnostics.md)
// — syntax errors (from the parser), unknown names and functions, arity, invalid
// regular expressions, target conflicts and double writes, unused names, features above the
// document's version or behind a flag that is off, and version 2 disabled.

#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"
#include "mdsl/flags.h"

#include <string_view>
#include <vector>

namespace mdsl {

struct ValidateOptions {
    Flags flags;                           ///< production's flags (default: all on)
    EngineKind engine = EngineKind::V2;    ///< the engine the document is validated for
};

/// The language version of a document without `version` in its header: 1 for the V1 engine,
/// and for the V2 engine 2 when mapping_dsl_v2_enabled and mapping_dsl_v2_default are both on,
/// else 1. What the studio gives a new mapping.
int defaultVersion(const ValidateOptions& options) noexcept;

/// Parses and validates a document: the syntax diagnostics and every finding of the
/// validator, sorted by position. Never throws; bad input gives diagnostics. A client that
/// asks more of the same text (the routed form, compiling, running) asks analyze() once.
std::vector<Diagnostic> validate(std::string_view text, const ValidateOptions& options);

} // namespace mdsl
