#pragma once
// The production feature flags, under their production names, and the YAML flag file that
// production writes (docs/language.md, "Versions and flags").

#include "mdsl/diagnostic.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

enum class Flag {
    V2Enabled,      ///< mapping_dsl_v2_enabled: route the V2-routed operations to the V2 engine
    V2Default,      ///< mapping_dsl_v2_default: documents without a version are version 2
    V1Fallback,     ///< mapping_dsl_v1_fallback: when V2 fails, answer with V1, marked as fallback
    V2Containers,   ///< mapping_dsl_v2_containers: object/array/when blocks, object and array literals
    V2JsonPath,     ///< mapping_dsl_v2_jsonpath: JSONPath queries
    V2ArrayOps,     ///< mapping_dsl_v2_array_ops: array functions
    V2NewOps,       ///< mapping_dsl_v2_new_ops: ??, |, and the new functions
};

inline constexpr std::array<Flag, 7> kAllFlags = {
    Flag::V2Enabled,    Flag::V2Default,  Flag::V1Fallback, Flag::V2Containers,
    Flag::V2JsonPath,   Flag::V2ArrayOps, Flag::V2NewOps,
};

/// The production name, e.g. "mapping_dsl_v2_enabled".
std::string_view flagName(Flag flag) noexcept;
/// The flag of a production name, if it is one.
std::optional<Flag> flagFromName(std::string_view name) noexcept;

/// A set of flag values. Default-constructed: all seven on, the production configuration.
class Flags {
public:
    Flags() { values_.fill(true); }

    [[nodiscard]] bool get(Flag flag) const noexcept { return values_[static_cast<std::size_t>(flag)]; }
    void set(Flag flag, bool on) noexcept { values_[static_cast<std::size_t>(flag)] = on; }

    friend bool operator==(const Flags&, const Flags&) = default;

private:
    std::array<bool, kAllFlags.size()> values_{};
};

/// A parsed flag file: the flags (defaults where a key is absent) and what was wrong with it
/// (unknown keys are warnings, wrong types errors, each with its line).
struct FlagsFile {
    Flags flags;
    std::vector<Diagnostic> diagnostics;
};

/// Parses the production flag file (YAML, comments allowed).
FlagsFile parseFlags(std::string_view yaml);

/// Writes the flags as production's flag file: the seven keys in production's order.
std::string writeFlags(const Flags& flags);

} // namespace mdsl
