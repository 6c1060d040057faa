#pragma once
// Internal: the parts of the catalog table, one file per group, and a short constructor so
// that each entry reads as one block of data.

#include "mdsl/catalog.h"

#include <vector>

namespace mdsl::detail {

/// A function entry; version and flag are set by the group that adds it.
CatalogEntry function(std::string_view name, std::string_view signature, int minArity, int maxArity,
                      std::string_view summary, std::string_view missing, std::string_view errors,
                      std::vector<CatalogExample> examples, std::uint32_t perElementArgs = 0);

// Each appends its group, with its version and flag set.
void addV1Functions(std::vector<CatalogEntry>& out);
void addNewOpsFunctions(std::vector<CatalogEntry>& out);
void addArrayOpsFunctions(std::vector<CatalogEntry>& out);
void addOperators(std::vector<CatalogEntry>& out);

// Wording shared by many entries.
inline constexpr std::string_view kMissingOrNull =
    "Missing when an argument is missing; null when the first argument is null.";
inline constexpr std::string_view kMissingOnly = "Missing when an argument is missing.";

} // namespace mdsl::detail
