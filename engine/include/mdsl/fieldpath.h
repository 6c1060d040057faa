#pragma once
// Field paths: a place in the input data as the lineage, the visual mapping and the edits
// speak of it — from the root, member names and the elements of arrays, written
// `$.items[*].sku`, `$.customer["e-mail"]`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

/// One step of a field path: a member of an object, or the elements of an array (`[*]`).
struct FieldStep {
    enum class Kind : unsigned char { Member, Elements };
    Kind kind = Kind::Member;
    std::string name;             ///< Member: the decoded name

    [[nodiscard]] static FieldStep member(std::string name) { return {Kind::Member, std::move(name)}; }
    [[nodiscard]] static FieldStep elements() { return {Kind::Elements, {}}; }
    [[nodiscard]] bool isElements() const noexcept { return kind == Kind::Elements; }
    friend bool operator==(const FieldStep&, const FieldStep&) = default;
};

/// A field of the input, from its root. Empty: the whole input.
struct FieldPath {
    std::vector<FieldStep> steps;

    /// `$`, then `.name` (an identifier), `["e-mail"]` (any other name) and `[*]` (elements).
    [[nodiscard]] std::string text() const;
    [[nodiscard]] bool hasElements() const noexcept;
    friend bool operator==(const FieldPath&, const FieldPath&) = default;
};

/// Reads a field path written as a JSONPath query (`$.items[*].sku`; a leading `@` or `.`
/// means the same as `$`), with the engine's JSONPath parser: a member selector is a member,
/// any other selection of a child segment (index, wildcard, slice, filter, several selectors)
/// the elements. Nullopt when the text is not a query or has a descendant segment (`..`).
std::optional<FieldPath> parseFieldPath(std::string_view text);

} // namespace mdsl
