#pragma once
// Internal: the JSON reader behind mdsl::parseJson (mdsl/json.h), without its exception.

#include "mdsl/json.h"

#include <cstddef>
#include <string_view>

namespace mdsl::detail {

/// Reads one JSON document as Json::parse would. False when the text is not JSON, with
/// `failedAt` the byte offset where reading stopped (for a number out of the range of a
/// double, where the number starts); Json::parse then says why, or throws out_of_range 406
/// for such a number.
bool readJson(std::string_view text, Json& result, std::size_t& failedAt);

} // namespace mdsl::detail
