#pragma once
// Comparison of JSON values as RFC 9535 section 2.3.5.2.2 defines it: numbers by value
// (1 == 1.0 whatever their representation), strings by Unicode scalar values, arrays and
// objects deeply (objects regardless of member order).

#include "mdsl/json.h"

namespace mdsl::jsonpath::detail {

/// Deep equality. Iterative: deeply nested documents cannot exhaust the stack.
bool equal(const Json& a, const Json& b);
/// a < b: only numbers with numbers and strings with strings are ordered.
bool less(const Json& a, const Json& b);

} // namespace mdsl::jsonpath::detail
