#pragma once
// Internal: how the mapping tests' messages show a value.

#include "mdsl/json.h"

#include <optional>
#include <string>

namespace mdsl::detail {

/// Compact JSON cut to at most `maxBytes` (ending in "..."), or "missing" for nullopt.
std::string testValueText(const std::optional<Json>& value, std::size_t maxBytes);

} // namespace mdsl::detail
