#pragma once
// The engine speaks UTF-8 std::string; the studio QString.

#include <QString>

#include <string_view>

namespace studio {

/// The engine's UTF-8 text as a QString.
inline QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace studio
