#pragma once
// The check every migration passes before it is returned (mdsl/migrate.h): the migrated
// text means what the original means, as far as its syntax tree says.

#include "mdsl/ast.h"
#include "mdsl/flags.h"

#include <string>
#include <string_view>

namespace mdsl::migration {

/// The same field (by its decoded name: `a` and `"a"` are one field) or the same index.
inline bool sameSegment(const ast::PathSegment& a, const ast::PathSegment& b)
{
    return a.kind == b.kind
        && (a.kind == ast::PathSegment::Kind::Field ? a.name == b.name : a.index == b.index);
}

/// "" when `migrated` validates as version 2 under the flags and its syntax tree, with object
/// blocks flattened into prefixed targets and `a ?? b` read as `default(a, b)`, means what
/// the original's does, node by node (layout, comments and parentheses aside; the header's
/// name included); else why not, in English.
std::string checkEquivalent(const ast::Document& original, std::string_view migrated, const Flags& flags);

} // namespace mdsl::migration
