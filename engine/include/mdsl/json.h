#pragma once
// The engine's JSON value type. Objects keep their keys in insertion order: values copied
// from the input keep the input's order and output objects the order of first write.

#include <nlohmann/json.hpp>

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

/// Appends the compact JSON text of `value` to `out`: the same bytes as
/// value.dump(-1, ' ', false, Json::error_handler_t::replace) (invalid UTF-8 in a string
/// becomes U+FFFD), written without the library's per-character output adapter.
void appendJson(std::string& out, const Json& value);

} // namespace mdsl
