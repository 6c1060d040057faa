#pragma once
// Internal: the JSON reader behind mdsl::parseJson (mdsl/json.h), without its exception.

#include "mdsl/json.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mdsl::detail {

/// An object's members as the vector they are (the base of nlohmann's ordered_map), to be
/// indexed without the map's lookup by key.
using JsonMembers = std::vector<std::pair<const std::string, Json>>;
inline JsonMembers& membersOf(Json& object)
{
    return *object.get_ptr<Json::object_t*>();
}
inline const JsonMembers& membersOf(const Json& object)
{
    return *object.get_ptr<const Json::object_t*>();
}

/// Reads one JSON document as Json::parse would. False when the text is not JSON, with
/// `failedAt` the byte offset where reading stopped (for a number out of the range of a
/// double, where the number starts); Json::parse then says why, or throws out_of_range 406
/// for such a number.
bool readJson(std::string_view text, Json& result, std::size_t& failedAt);

/// Destroys `value` (leaving null) without the library's teardown, which allocates a stack
/// and moves every node of the tree onto it: the containers are emptied bottom-up instead.
/// No recursion (any depth).
void releaseJson(Json& value) noexcept;

} // namespace mdsl::detail
