#pragma once
// The engine's JSON value type. Objects keep their keys in insertion order: values copied
// from the input keep the input's order and output objects the order of first write.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace mdsl {

using Json = nlohmann::ordered_json;

/// Parses one JSON document into exactly the value Json::parse(text) gives (the same number
/// types: unsigned for a non-negative integer, signed for a negative one, double past 64 bits
/// or with a fraction or exponent; a repeated key keeps its first place and its last value; a
/// UTF-8 byte order mark is skipped), without the library's per-character input adapter. Text
/// that is not JSON throws the Json::parse_error that Json::parse throws (same message and
/// position).
Json parseJson(std::string_view text);

/// Appends the JSON text of `value` to `out`: the same bytes as
/// value.dump(indent, ' ', false, Json::error_handler_t::replace) (compact for a negative
/// indent, else pretty-printed `indent` spaces deep; invalid UTF-8 in a string becomes
/// U+FFFD), written without the library's per-character output adapter and without
/// recursion: a value nested 10,000 levels deep is written as any other.
void appendJson(std::string& out, const Json& value, int indent = -1);

/// The JSON text of `value`, as appendJson writes it.
[[nodiscard]] std::string jsonText(const Json& value, int indent = -1);

/// The JSON text of `value` (as jsonText with `indent`), or its first `maxBytes` bytes at most,
/// cut at a character boundary (*cut says so): the cost is that of the bytes written, not of
/// the whole value, for showing a value of any size in a line or a tooltip.
[[nodiscard]] std::string jsonExcerpt(const Json& value, std::size_t maxBytes, bool* cut = nullptr, int indent = -1);

} // namespace mdsl
