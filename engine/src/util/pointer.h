#pragma once
// JSON Pointer texts as the engine compares them.

#include <string_view>

namespace mdsl::util {

/// `pointer` is `base` or a location inside it, by whole segments: "/a/b" is within "/a", "/ab"
/// is not; everything is within "" (the whole document).
inline bool pointerWithin(std::string_view pointer, std::string_view base) noexcept
{
    return pointer.size() >= base.size() && pointer.substr(0, base.size()) == base
        && (pointer.size() == base.size() || pointer[base.size()] == '/');
}

} // namespace mdsl::util
