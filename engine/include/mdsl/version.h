#pragma once
// Version information of the engine library.

#include <string_view>

namespace mdsl {

/// The engine library's version (semantic versioning), e.g. "0.1.0".
std::string_view engineVersion() noexcept;

/// The highest language version this engine understands.
inline constexpr int kMaxLanguageVersion = 2;

} // namespace mdsl
