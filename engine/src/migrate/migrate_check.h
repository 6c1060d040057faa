#pragma once
// The check every migration passes before it is returned (mdsl/migrate.h): the migrated
// text means what the original means, as far as its syntax tree says.

#include "mdsl/ast.h"
#include "mdsl/flags.h"

#include <string>
#include <string_view>

namespace mdsl::migration {

/// "" when `migrated` validates as version 2 under the flags and its normalized syntax tree,
/// with object blocks flattened into prefixed targets and `a ?? b` read as `default(a, b)`,
/// equals the original's (the header's name included); else why not, in English.
std::string checkEquivalent(const ast::Document& original, std::string_view migrated, const Flags& flags);

} // namespace mdsl::migration
