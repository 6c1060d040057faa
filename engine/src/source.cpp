#include "mdsl/source.h"

#include <algorithm>

namespace mdsl {

namespace {

bool isContinuationByte(unsigned char c) noexcept
{
    return (c & 0xC0u) == 0x80u;
}

} // namespace

LineIndex::LineIndex(std::string_view text)
    : text_(text)
{
    lineStarts_.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            lineStarts_.push_back(i + 1);
    }
}

Position LineIndex::position(std::uint32_t offset) const
{
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const auto line = static_cast<int>(it - lineStarts_.begin());
    const std::uint32_t start = lineStarts_[static_cast<std::size_t>(line - 1)];
    int column = 1;
    for (std::uint32_t i = start; i < offset; ++i) {
        if (!isContinuationByte(static_cast<unsigned char>(text_[i])))
            ++column;
    }
    return {line, column, offset};
}

Range LineIndex::range(Span span) const
{
    return {position(span.begin), position(span.end)};
}

std::uint32_t LineIndex::offset(int line, int column) const
{
    if (line < 1)
        return 0;
    if (line > lineCount())
        return static_cast<std::uint32_t>(text_.size());
    const std::string_view lineView = lineText(line);
    std::uint32_t offset = lineStarts_[static_cast<std::size_t>(line - 1)];
    std::uint32_t i = 0;
    for (int c = 1; c < column && i < lineView.size(); ++c) {
        ++i;
        while (i < lineView.size() && isContinuationByte(static_cast<unsigned char>(lineView[i])))
            ++i;
    }
    return offset + i;
}

std::string_view LineIndex::lineText(int line) const
{
    if (line < 1 || line > lineCount())
        return {};
    const std::uint32_t start = lineStarts_[static_cast<std::size_t>(line - 1)];
    std::uint32_t end = line < lineCount() ? lineStarts_[static_cast<std::size_t>(line)] - 1
                                           : static_cast<std::uint32_t>(text_.size());
    if (end > start && text_[end - 1] == '\r')
        --end;
    return text_.substr(start, end - start);
}

} // namespace mdsl
