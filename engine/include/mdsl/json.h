#pragma once
// The engine's JSON value type. Objects keep their keys in insertion order: values copied
// from the input keep the input's order and output objects the order of first write.

#include <nlohmann/json.hpp>

namespace mdsl {

using Json = nlohmann::ordered_json;

} // namespace mdsl
