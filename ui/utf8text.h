#pragma once
// The engine speaks UTF-8 std::string; the studio QString.

#include <QString>

#include <string_view>
#include <vector>

namespace studio {

/// The engine's UTF-8 text as a QString.
inline QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// For each byte offset of a UTF-8 text (and its end), the QString / QTextDocument position
/// (UTF-16 code units) there: how the engine's byte spans become places in the editor.
inline std::vector<int> utf16Positions(std::string_view utf8)
{
    std::vector<int> positions;
    positions.reserve(utf8.size() + 1);
    int units = 0;
    for (const char c : utf8) {
        positions.push_back(units);
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80)
            units += byte >= 0xF0 ? 2 : 1;   // a 4-byte sequence is a surrogate pair
    }
    positions.push_back(units);
    return positions;
}

} // namespace studio
