#include "lsp/document.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace lsp {

namespace {

/// The UTF-16 code units of the UTF-8 sequence that starts with this byte: 2 for a 4-byte
/// sequence (a surrogate pair), 0 for a continuation byte, else 1.
int utf16Units(unsigned char lead)
{
    if (lead >= 0xF0)
        return 2;
    if (lead >= 0x80 && lead < 0xC0)
        return 0;
    return 1;
}

} // namespace

PositionMap::PositionMap(std::string_view text) : text_(text)
{
    starts_.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
            starts_.push_back(i + 1);
    }
}

std::string_view PositionMap::lineText(int line) const
{
    const std::uint32_t begin = starts_[static_cast<std::size_t>(line)];
    std::uint32_t end = static_cast<std::size_t>(line) + 1 < starts_.size() ? starts_[static_cast<std::size_t>(line) + 1]
                                                                             : static_cast<std::uint32_t>(text_.size());
    while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r'))
        --end;
    return text_.substr(begin, end - begin);
}

std::optional<std::uint32_t> PositionMap::offset(std::int64_t line, std::int64_t character, bool clamp) const
{
    if (line < 0 || character < 0) {
        if (!clamp)
            return std::nullopt;
        line = std::max<std::int64_t>(line, 0);
        character = std::max<std::int64_t>(character, 0);
    }
    if (line >= lineCount()) {
        if (!clamp)
            return std::nullopt;
        return static_cast<std::uint32_t>(text_.size());
    }
    const std::string_view text = lineText(static_cast<int>(line));
    const std::uint32_t start = starts_[static_cast<std::size_t>(line)];
    std::int64_t units = 0;
    std::uint32_t i = 0;
    while (i < text.size()) {
        const int size = utf16Units(static_cast<unsigned char>(text[i]));
        if (units + size > character)
            break;
        units += size;
        ++i;
        while (i < text.size() && utf16Units(static_cast<unsigned char>(text[i])) == 0)
            ++i;
    }
    return start + i;
}

int PositionMap::line(std::uint32_t offset) const
{
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<int>(after - starts_.begin()) - 1;
}

Json PositionMap::position(std::uint32_t offset) const
{
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    const int l = line(offset);
    const std::string_view text = lineText(l);
    const std::uint32_t start = starts_[static_cast<std::size_t>(l)];
    const std::uint32_t end = std::min<std::uint32_t>(offset - start, static_cast<std::uint32_t>(text.size()));
    int units = 0;
    for (std::uint32_t i = 0; i < end; ++i)
        units += utf16Units(static_cast<unsigned char>(text[i]));
    return {{"line", l}, {"character", units}};
}

Json PositionMap::range(std::uint32_t begin, std::uint32_t end) const
{
    return {{"start", position(begin)}, {"end", position(std::max(begin, end))}};
}

void Document::edit(std::uint32_t begin, std::uint32_t end, std::string_view newText)
{
    begin = std::min<std::uint32_t>(begin, static_cast<std::uint32_t>(text.size()));
    end = std::clamp<std::uint32_t>(end, begin, static_cast<std::uint32_t>(text.size()));
    lines.reset();   // it views the text being changed
    text.replace(begin, end - begin, newText);
    lines.emplace(text);
}

void Document::setText(std::string newText)
{
    lines.reset();
    text = std::move(newText);
    lines.emplace(text);
}

std::string pathOfUri(std::string_view uri)
{
    constexpr std::string_view scheme = "file://";
    if (uri.substr(0, scheme.size()) != scheme)
        return {};
    uri.remove_prefix(scheme.size());
    // file://host/path: only the local host.
    if (uri.substr(0, 9) == "localhost")
        uri.remove_prefix(9);
    if (uri.empty() || uri.front() != '/')
        return {};
    std::string path;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        unsigned byte = 0;
        const char* digits = uri.data() + i + 1;
        if (uri[i] == '%' && i + 2 < uri.size() && std::from_chars(digits, digits + 2, byte, 16).ptr == digits + 2) {
            path += static_cast<char>(byte);
            i += 2;
        } else {
            path += uri[i];
        }
    }
    return path;
}

std::string uriOfPath(std::string_view path)
{
    // Letters, digits, the unreserved marks and the path's slashes as they are; any other
    // byte (UTF-8 included) percent-encoded.
    constexpr std::string_view kKept = "-._~/";
    std::string uri = "file://";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || kKept.find(c) != std::string_view::npos) {
            uri += c;
            continue;
        }
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
        uri += escaped;
    }
    return uri;
}

} // namespace lsp
