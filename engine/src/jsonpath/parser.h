#pragma once
// The JSONPath grammar (RFC 9535 section 2), by recursive descent with a nesting limit.

#include "ast.h"

#include <string_view>

namespace mdsl::jsonpath::detail {

/// Parses the query at the start of text. Returns the tree and sets consumed; throws
/// ParseFailure on the first error.
QueryAst parseQuery(std::string_view text, const ParseOptions& options, std::size_t& consumed);

} // namespace mdsl::jsonpath::detail
