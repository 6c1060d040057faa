#pragma once
// Source positions. Every AST node, token and diagnostic of the engine keeps byte offsets
// (a Span) into the UTF-8 text of the document; lines and columns are computed only when a
// message needs them, through a LineIndex.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

/// A half-open range [begin, end) of byte offsets into a UTF-8 document.
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    friend bool operator==(const Span&, const Span&) = default;
    [[nodiscard]] std::uint32_t size() const noexcept { return end - begin; }
    /// The smallest span covering both.
    [[nodiscard]] Span cover(Span other) const noexcept
    {
        return {begin < other.begin ? begin : other.begin, end > other.end ? end : other.end};
    }
};

/// A resolved position: line and column are 1-based; the column counts Unicode code points
/// (not bytes), so it is right on lines with non-ASCII text; offset is the byte offset.
struct Position {
    int line = 1;
    int column = 1;
    std::uint32_t offset = 0;

    friend bool operator==(const Position&, const Position&) = default;
};

/// A resolved range.
struct Range {
    Position start;
    Position end;

    friend bool operator==(const Range&, const Range&) = default;
};

/// Maps byte offsets of one text to lines and columns. Built once per text, O(log n) lookups.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    /// The position of a byte offset; offsets past the end clamp to the end of the text.
    [[nodiscard]] Position position(std::uint32_t offset) const;
    [[nodiscard]] Range range(Span span) const;
    /// The byte offset of a 1-based line and column (code points); clamps to the line's end.
    [[nodiscard]] std::uint32_t offset(int line, int column) const;
    /// The text of a 1-based line, without its line terminator.
    [[nodiscard]] std::string_view lineText(int line) const;
    [[nodiscard]] int lineCount() const noexcept { return static_cast<int>(lineStarts_.size()); }

private:
    std::string_view text_;
    std::vector<std::uint32_t> lineStarts_;
};

} // namespace mdsl
