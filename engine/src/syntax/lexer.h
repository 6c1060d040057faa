#pragma once
// The lexer over a text whose LineIndex the caller already built (the parser shares it).

#include "mdsl/source.h"
#include "mdsl/syntax.h"

namespace mdsl::syntax {

/// tokenize() with the caller's LineIndex of the same text.
LexResult lex(std::string_view text, const LineIndex& index);

/// True when NAME is written as a bare identifier (a letter or '_', then letters, digits, '_').
/// Keywords are identifiers too: see isKeyword().
bool isIdentifier(std::string_view name) noexcept;

/// True when NAME is one of the language's keywords.
bool isKeyword(std::string_view name) noexcept;

} // namespace mdsl::syntax
