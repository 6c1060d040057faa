#pragma once
// Internal: the validator over an already parsed document, for the engine's passes that parse
// once (the analysis, compilation) and for the tests.

#include "mdsl/ast.h"
#include "mdsl/validate.h"

namespace mdsl {

/// The language version of a parsed document: its header's `version`; without one, 1 for the
/// V1 engine, and for the V2 engine 2 when mapping_dsl_v2_enabled and mapping_dsl_v2_default
/// are both on, else 1.
int documentVersion(const ast::Document& document, const ValidateOptions& options) noexcept;
/// The validator's checks on an already parsed document (no syntax diagnostics), for callers
/// that parse once and validate and compile the same tree. `text` is the parsed text.
std::vector<Diagnostic> checkDocument(const ast::Document& document, std::string_view text,
                                      const ValidateOptions& options);

} // namespace mdsl
