// Compiler-style text rendering of diagnostics, with the source line and a caret line.

#include "mdsl/report.h"

#include "util/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace mdsl {

namespace {

// Display columns of one code point in a terminal: wide East Asian characters and emoji
// take two, combining marks and format characters none, the rest one.
int displayWidth(UChar32 c)
{
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR)
        return 0;
    const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// Appends what stands under line[from, to): tabs stay tabs (so the caret lines up however
// the terminal expands them), other characters become as many `fill` as they are wide, and
// bytes that are not UTF-8 four each (the line shows them as \xFF, utf8::forMessage).
void appendUnder(std::string& out, std::string_view line, std::size_t from, std::size_t to, char fill)
{
    auto i = static_cast<int32_t>(from);
    const auto end = static_cast<int32_t>(std::min(to, line.size()));
    while (i < end) {
        UChar32 c = 0;
        const int32_t start = i;
        U8_NEXT(line.data(), i, end, c);
        if (c == '\t' && fill == ' ') {
            out += '\t';
            continue;
        }
        out.append(static_cast<std::size_t>(c < 0 ? 4 * (i - start) : displayWidth(c)), fill);
    }
}

void appendSnippet(std::string& out, const Range& range, const LineIndex& index)
{
    const int line = range.start.line;
    if (line < 1 || line > index.lineCount())
        return;
    const std::string_view lineText = index.lineText(line);
    const std::string number = std::to_string(line);
    const std::string gutter(std::max<std::size_t>(number.size(), 4), ' ');
    out += std::string(gutter.size() - number.size(), ' ') + number + " | ";
    out += utf8::forMessage(lineText);
    out += '\n';
    out += gutter + " | ";

    const std::uint32_t lineStart = index.offset(line, 1);
    const std::size_t from = std::min<std::size_t>(range.start.offset - lineStart, lineText.size());
    // A range running past its first line is underlined to that line's end.
    const std::size_t to = range.end.line == line
        ? std::min<std::size_t>(range.end.offset - lineStart, lineText.size())
        : lineText.size();
    appendUnder(out, lineText, 0, from, ' ');
    std::string marks;
    appendUnder(marks, lineText, from, to, '~');
    if (marks.empty())
        marks = "^";
    else
        marks[0] = '^';
    out += marks;
    out += '\n';
}

void appendHeading(std::string& out, std::string_view fileName, const Position& at)
{
    out += fileName;
    out += ':' + std::to_string(at.line) + ':' + std::to_string(at.column) + ": ";
}

} // namespace

std::string renderText(const std::vector<Diagnostic>& diagnostics, std::string_view text,
                       std::string_view fileName)
{
    const LineIndex index(text);
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        appendHeading(out, fileName, d.range.start);
        out += severityName(d.severity);
        if (!d.code.empty())
            out += '[' + d.code + ']';
        out += ": " + d.message + '\n';
        appendSnippet(out, d.range, index);
        for (const RelatedLocation& related : d.related) {
            appendHeading(out, fileName, related.range.start);
            out += "note: " + related.message + '\n';
            appendSnippet(out, related.range, index);
        }
        for (const Fix& fix : d.fixes)
            out += "  = fix: " + fix.title + '\n';
    }
    return out;
}

} // namespace mdsl
