#pragma once
// Internal: Unicode text for the function library — code points, case mapping, white space.
// Strings are UTF-8 throughout; counts and positions are in code points.

#include <cstddef>
#include <string>
#include <string_view>

namespace mdsl::rt::text {

/// Number of code points of valid UTF-8.
std::size_t codePointCount(std::string_view s) noexcept;
/// Byte offset of the code point at index `index` (s.size() when past the end).
std::size_t byteOffset(std::string_view s, std::size_t index) noexcept;
/// Unicode upper or lower case (full case mapping, root locale).
std::string toUpper(std::string_view s);
std::string toLower(std::string_view s);
/// Without Unicode White_Space at both ends.
std::string_view trim(std::string_view s);
bool isValidUtf8(std::string_view s) noexcept;

} // namespace mdsl::rt::text
