#pragma once
// Internal: builds diagnostics from the table of codes (report.h, diagnosticCodes()), so that
// every stage words a code the same way and the studio can translate it from code + args.

#include "mdsl/diagnostic.h"
#include "mdsl/report.h"

#include <string>
#include <string_view>
#include <vector>

namespace mdsl::detail {

/// A diagnostic of a registered code ("E201") or message wording ("E312.not-scalar"): severity
/// and English message come from the tables. An unregistered code is a programming error; it
/// still yields an error diagnostic.
Diagnostic makeDiagnostic(std::string_view wording, std::vector<std::string> args, Range range);

} // namespace mdsl::detail
