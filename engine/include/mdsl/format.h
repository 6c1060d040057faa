#pragma once
// The formatter: one canonical layout for every document, so that diffs show meaning.
//
// Layout: blocks indent by 2 spaces; within a group of consecutive rules (ended by a blank
// line, a comment line, a block or another kind of statement) the `<-` are aligned; one space
// around binary operators, `<-`, `=` and `|`; `, ` after commas and `: ` after object keys; no
// space inside brackets; a literal, call or argument list written over several lines keeps one
// element per line; a line break the author put after an operator is kept; at most one blank
// line between statements and none at the start or end of a block; comments are kept, on
// their own line or at the end of a line; the text ends with one newline. Spellings are kept:
// numbers, strings, quoted names and JSONPath queries are written as in the source.
//
// Formatting is idempotent and never changes meaning: the normalized AST (astToJson without
// spans) of the result equals that of the input.

#include "mdsl/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

struct FormatResult {
    bool ok = false;                        ///< false when the text has syntax errors
    std::string text;                       ///< the formatted text when ok
    std::vector<Diagnostic> diagnostics;    ///< the syntax errors that prevented formatting
};

/// Formats a document. A document with syntax errors is not formatted: ok is false and the
/// diagnostics say why.
FormatResult formatDocument(std::string_view text);

} // namespace mdsl
