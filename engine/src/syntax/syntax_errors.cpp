#include "syntax/syntax_errors.h"

#include "report/codes.h"
#include "util/utf8.h"

#include <array>
#include <utility>

namespace mdsl::syntax {

namespace {

// Indexed by SyntaxError. The English patterns live in the one table of diagnostic codes
// (report/codes.cpp), which docs/diagnostics.md mirrors.
constexpr std::array<std::string_view, 14> kCodes = {
    "E100", "E101", "E102", "E103", "E104", "E105", "E106",
    "E107", "E108", "E109", "E110", "E111", "E112", "E199",
};

} // namespace

std::string_view errorCode(SyntaxError error) noexcept
{
    return kCodes[static_cast<std::size_t>(error)];
}

Diagnostic makeError(const LineIndex& index, SyntaxError error, Span span, std::vector<std::string> args,
                     std::string_view wording)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = std::string(errorCode(error));
    d.wording = std::string(wording);
    for (std::string& arg : args)
        arg = utf8::forMessage(arg);   // E101 and E110 quote the text, whatever its bytes
    d.message = messageText(d.code, d.wording, args);
    d.args = std::move(args);
    d.range = index.range(span);
    return d;
}

Fix insertionFix(const LineIndex& index, std::string_view id, std::vector<std::string> args, std::uint32_t offset,
                 std::string text)
{
    const Position at = index.position(offset);
    return makeFix(id, std::move(args), {TextEdit{Range{at, at}, std::move(text)}});
}

std::string quoteForMessage(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    std::string shown(utf8::truncate(text, kMax));
    if (text.size() > kMax)
        shown += "...";
    return "'" + shown + "'";
}

} // namespace mdsl::syntax
