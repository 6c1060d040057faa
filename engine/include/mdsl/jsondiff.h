#pragma once
// Structural differences of JSON documents as RFC 6902 JSON Patches.

#include "mdsl/json.h"

namespace mdsl {

/// A JSON Patch (RFC 6902) that turns `from` into `to`: an array of add/remove/replace
/// operations with JSON Pointer (RFC 6901) paths. Empty when the documents are equal
/// (numbers compare by value: 1 and 1.0 are equal). Object key order is not a difference.
Json jsonPatch(const Json& from, const Json& to);

/// Applies a JSON Patch (add, remove, replace, move, copy, test). Throws std::invalid_argument
/// with a message naming the failing operation when the patch does not apply.
Json applyPatch(const Json& document, const Json& patch);

} // namespace mdsl
