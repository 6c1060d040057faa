#pragma once
// The lexer over a text whose LineIndex the caller already built (the parser shares it).

#include "mdsl/source.h"
#include "mdsl/syntax.h"

namespace mdsl::syntax {

/// tokenize() with the caller's LineIndex of the same text.
LexResult lex(std::string_view text, const LineIndex& index);

} // namespace mdsl::syntax
