#pragma once
// Internal: which expressions are constant (literals, and operators and pure functions over
// constants). The V2 compiler folds them; both engines count one step and record one trace
// value for a whole constant expression, so that their steps and traces stay identical.

#include "mdsl/ast.h"

namespace mdsl::rt {

/// True when the expression's value depends on nothing but its text.
bool isConstant(const ast::Expr& expr);

} // namespace mdsl::rt
