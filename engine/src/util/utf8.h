#pragma once
// UTF-8 helpers shared by the lexers (DSL and JSONPath) and the formatter: byte-level,
// no allocation but appends.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mdsl::utf8 {

/// Length of the valid UTF-8 sequence at text[i], or 0 when the bytes there are not one
/// (overlong forms, surrogates and values past U+10FFFF are not UTF-8).
std::size_t utf8Length(std::string_view text, std::size_t i) noexcept;

/// Appends the UTF-8 encoding of a code point (at most U+10FFFF, not a surrogate).
void appendUtf8(std::string& out, std::uint32_t codePoint);

} // namespace mdsl::utf8
