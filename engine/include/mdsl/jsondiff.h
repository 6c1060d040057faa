#pragma once
// Structural differences of JSON documents as RFC 6902 JSON Patches.

#include "mdsl/json.h"

#include <string>
#include <string_view>

namespace mdsl {

/// Structural equality: numbers by value (1 and 1.0 are equal, exactly, without rounding
/// through double), object key order ignored, array order kept.
bool jsonEqual(const Json& a, const Json& b);

/// One JSON Pointer (RFC 6901) reference token for an object key: '~' as "~0", '/' as "~1".
std::string pointerToken(std::string_view key);

/// A JSON Patch (RFC 6902) that turns `from` into `to`: an array of add/remove/replace
/// operations with JSON Pointer (RFC 6901) paths. Empty when the documents are equal
/// (numbers compare by value: 1 and 1.0 are equal). Object key order is not a difference.
/// Arrays are compared position by position: the common prefix recursively, then trailing
/// elements added (ascending indices) or removed (descending indices); no move detection.
Json jsonPatch(const Json& from, const Json& to);

/// Applies a JSON Patch (add, remove, replace, move, copy, test). Throws std::invalid_argument
/// with a message naming the failing operation when the patch does not apply.
Json applyPatch(const Json& document, const Json& patch);

} // namespace mdsl
