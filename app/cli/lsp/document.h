#pragma once
// The documents the client has open: their text as the client edits it, and positions as
// LSP counts them (0-based lines; columns in UTF-16 code units, a character outside the
// Basic Multilingual Plane counting two) converted to and from the engine's byte offsets.

#include "mdsl/analysis.h"
#include "mdsl/json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lsp {

using mdsl::Json;

/// Line starts of a text, for LSP positions. Lines end at "\n", "\r\n" or "\r".
class PositionMap {
public:
    explicit PositionMap(std::string_view text);

    /// The byte offset of a position. A line past the last one is nullopt (or, with clamp,
    /// the end of the text); a character past the end of its line is the end of the line,
    /// as the specification says.
    [[nodiscard]] std::optional<std::uint32_t> offset(std::int64_t line, std::int64_t character, bool clamp = false) const;
    /// The LSP position {line, character} of a byte offset (clamped to the text).
    [[nodiscard]] Json position(std::uint32_t offset) const;
    [[nodiscard]] Json range(std::uint32_t begin, std::uint32_t end) const;
    [[nodiscard]] Json range(const mdsl::Range& range) const { return this->range(range.start.offset, range.end.offset); }
    /// 0-based line of a byte offset.
    [[nodiscard]] int line(std::uint32_t offset) const;
    [[nodiscard]] int lineCount() const noexcept { return static_cast<int>(starts_.size()); }
    /// A line's text without its terminator.
    [[nodiscard]] std::string_view lineText(int line) const;
    /// The byte offset where a 0-based line starts.
    [[nodiscard]] std::uint32_t lineStart(int line) const { return starts_[static_cast<std::size_t>(line)]; }

private:
    std::string_view text_;
    std::vector<std::uint32_t> starts_;
};

/// An open document: its text at the client's version and its analysis, made when first
/// asked (by the diagnostics worker or a request).
struct Document {
    Document() = default;
    Document(const Document&) = delete;   // `lines` views `text`: never copied or moved
    Document& operator=(const Document&) = delete;

    std::string uri;
    std::string path;              ///< the local file, when the URI is a file: URI
    std::int64_t version = 0;
    std::uint64_t ticket = 0;      ///< changes with every edit and every change of flags
    std::string text;
    std::optional<PositionMap> lines;
    std::optional<mdsl::Analysis> analysis;

    /// Replaces [begin, end) with new text.
    void edit(std::uint32_t begin, std::uint32_t end, std::string_view newText);
    void setText(std::string newText);
};

/// The local path of a file: URI ("file:///a%20b/m.mdsl" -> "/a b/m.mdsl"); empty for others.
std::string pathOfUri(std::string_view uri);
/// The file: URI of a local absolute path.
std::string uriOfPath(std::string_view path);

} // namespace lsp
