#include "syntax/syntax_errors.h"

#include <array>
#include <utility>

namespace mdsl::syntax {

namespace {

struct ErrorInfo {
    std::string_view code;
    std::string_view pattern;
};

// Indexed by SyntaxError. Codes never change meaning; docs/diagnostics.md mirrors this table.
constexpr std::array<ErrorInfo, 14> kErrors = {{
    {"E100", "unexpected character {0}"},
    {"E101", "expected {0}, found {1}"},
    {"E102", "string is not closed before the end of the line"},
    {"E103", "invalid escape sequence {0} in string"},
    {"E104", "invalid number {0}: {1}"},
    {"E105", "{0} is not closed: expected {1}"},
    {"E106", "control character U+{0} in string: write it as an escape such as \\n or \\u{0}"},
    {"E107", "invalid UTF-8 byte 0x{0}"},
    {"E108", "unsupported language version {0}: expected 1 or 2"},
    {"E109", "the 'mapping' header must come first, and only once"},
    {"E110", "invalid JSONPath query: {0}"},
    {"E111", "comparisons cannot be chained: combine them with 'and'"},
    {"E112", "expected a function name after '|', found {0}"},
    {"E199", "nesting deeper than {0} levels"},
}};

} // namespace

std::string_view errorCode(SyntaxError error) noexcept
{
    return kErrors[static_cast<std::size_t>(error)].code;
}

std::string_view errorPattern(SyntaxError error) noexcept
{
    return kErrors[static_cast<std::size_t>(error)].pattern;
}

Diagnostic makeError(const LineIndex& index, SyntaxError error, Span span, std::vector<std::string> args)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = std::string(errorCode(error));
    d.message = formatMessage(errorPattern(error), args);
    d.args = std::move(args);
    d.range = index.range(span);
    return d;
}

Fix insertionFix(const LineIndex& index, std::string title, std::uint32_t offset, std::string text)
{
    const Position at = index.position(offset);
    return Fix{std::move(title), {TextEdit{Range{at, at}, std::move(text)}}};
}

std::string quoteForMessage(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    std::string shown(text.substr(0, kMax));
    if (text.size() > kMax) {
        // Do not cut a UTF-8 sequence in half.
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0u) == 0x80u)
            shown.pop_back();
        if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0u)
            shown.pop_back();
        shown += "...";
    }
    return "'" + shown + "'";
}

} // namespace mdsl::syntax
