#pragma once
// UTF-8 helpers shared by the lexers (DSL and JSONPath), the formatter and everything that
// makes a message: byte-level, no allocation but appends and the copies they return.

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

/// Text as a message may show it: valid UTF-8 is kept, and each byte that is not part of a
/// valid sequence is written as the four characters \xFF (upper-case hex). The result is
/// always valid UTF-8, so a message or argument made of it serializes to JSON and SARIF; and
/// valid text comes back unchanged, so applying it twice changes nothing.
std::string forMessage(std::string_view text);

/// The longest prefix of `text` of at most `maxBytes` bytes that does not end inside a
/// UTF-8 sequence: a cut never splits a character.
std::string_view truncate(std::string_view text, std::size_t maxBytes) noexcept;

} // namespace mdsl::utf8
