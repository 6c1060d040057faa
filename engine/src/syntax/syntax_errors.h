#pragma once
// The syntax diagnostics (E100-E199) of the lexer and the parser: one table of codes and
// English message patterns, so the codes and texts stay stable and documented in one place.

#include "mdsl/diagnostic.h"
#include "mdsl/source.h"

#include <string>
#include <string_view>
#include <vector>

namespace mdsl::syntax {

enum class SyntaxError {
    UnexpectedCharacter,   // E100
    UnexpectedToken,       // E101
    UnterminatedString,    // E102
    InvalidEscape,         // E103
    InvalidNumber,         // E104
    Unclosed,              // E105
    ControlCharacter,      // E106
    InvalidUtf8,           // E107
    UnsupportedVersion,    // E108
    MisplacedHeader,       // E109
    InvalidJsonPath,       // E110
    ChainedComparison,     // E111
    PipeNeedsFunction,     // E112
    TooDeep,               // E199
};

/// The stable code, e.g. "E101".
std::string_view errorCode(SyntaxError error) noexcept;

/// Builds an error diagnostic over span of the text that index describes, worded by the code's
/// pattern or by `wording` (an id of messageWordings(), "E101.found-text").
Diagnostic makeError(const LineIndex& index, SyntaxError error, Span span,
                     std::vector<std::string> args = {}, std::string_view wording = {});

/// A fix that inserts text at a byte offset, titled with the wording `id` of fixMessages().
Fix insertionFix(const LineIndex& index, std::string_view id, std::vector<std::string> args, std::uint32_t offset,
                 std::string text);

/// How a piece of source text is quoted in a message: 'x' (shortened when long).
std::string quoteForMessage(std::string_view text);

} // namespace mdsl::syntax
