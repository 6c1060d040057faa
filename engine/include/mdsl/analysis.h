#pragma once
// One analysis of a mapping's text under production's flags: parsed once, and everything
// the clients ask of a text version answered from that one parse — the diagnostics of each
// engine and of each form of the operations, the compiled mappings, the routing answer, an
// outline of targets and blocks, and the lineage. The command line, the studio and the
// language server ask it rather than parsing, validating or routing on their own.
//
//   const Analysis a = analyze(text, flags);            // parses once
//   a.diagnostics(Route::V2Routed);                      // production's validate endpoint
//   RunResult r = run(a.compiled(EngineKind::V2), input, options);
//   a.answer(Route::V2Routed, r.status);                 // who answers the dry-run
//
// An Analysis is immutable and cheap to copy (shared); any thread may ask it anything. The
// parts are made when first asked (the compiled V1 mapping is made only if someone asks for
// it), once, whichever thread asks first.

#include "mdsl/diagnostic.h"
#include "mdsl/engine.h"
#include "mdsl/fieldpath.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"
#include "mdsl/source.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

/// What an outline entry is.
enum class OutlineKind : std::uint8_t { Rule, ObjectBlock, ArrayBlock, When, Let, Table };
/// "rule", "object", "array", "when", "let", "table".
std::string_view outlineKindName(OutlineKind kind) noexcept;

/// One statement of the mapping that names something: its rules and blocks (with the target
/// they write), its `when` blocks and its `let` and `table` names. Source order, parents first.
struct OutlineEntry {
    OutlineKind kind = OutlineKind::Rule;
    /// Rules and blocks: the target as written (`order.id`); let and table: the name;
    /// an array block's `as` name is in `alias`; when: empty.
    std::string name;
    /// Rules and blocks: the JSON Pointer written (`/order/lines` for an array block, whose
    /// elements' targets are under `/order/lines/*`); empty for the others.
    std::string target;
    std::string alias;   ///< an array block's `as` name, else empty
    Range range;         ///< the whole statement (a block: to its `}`)
    Range nameRange;     ///< the target or the name; a when's `when` keyword
    int parent = -1;     ///< index of the enclosing block in the outline, -1 at the top
};

/// One source of a lineage entry.
struct LineageSource {
    /// As the mapping reads it, resolved against its context: `$.items[*].sku`,
    /// `$.items[?@.qty > 0].sku` (a query as written, `@` resolved); `@…` when the context
    /// is not a path.
    std::string query;
    /// The input field it names; unset when it names none (descendants, an unknown context).
    std::optional<FieldPath> field;
};

enum class LineageKind : std::uint8_t { Rule, Array };

/// For one target the mapping writes, what it reads.
struct LineageEntry {
    LineageKind kind = LineageKind::Rule;   ///< Array: an array block (the sources it iterates)
    std::string target;                     ///< JSON Pointer; `*` for an array block's elements
    std::vector<LineageSource> sources;
    Range range;                            ///< the rule or the block
};

/// What kind of name: a `let`, a `table`, or an array block's element (`each … as name`).
enum class NameKind : std::uint8_t { Let, Table, Element };

/// A name visible at a place of the mapping.
struct ScopeName {
    std::string name;
    NameKind kind = NameKind::Let;
    Range definition;                  ///< where it is defined (the name)
    /// The input field it holds, when it holds one: an element `$.orders[*]`, a
    /// `let cfg = .settings` `$.settings`.
    std::optional<FieldPath> field;
    /// The keys it is known to have: a table's rows, the keys of a `let`'s object literal.
    std::vector<std::string> keys;
};

/// A `let`, `table` or `as` name and every place that reads it.
struct NameReferences {
    std::string name;
    NameKind kind = NameKind::Let;
    Range definition;           ///< the name where it is defined
    std::vector<Range> uses;    ///< each read of this definition, in source order
};

namespace detail {
struct AnalysisImpl;
}

class Analysis {
public:
    [[nodiscard]] const std::string& text() const noexcept;
    [[nodiscard]] const Flags& flags() const noexcept;
    /// Line and column positions of the text.
    [[nodiscard]] const LineIndex& lines() const noexcept;
    /// The text has no syntax error (E1xx).
    [[nodiscard]] bool syntaxOk() const noexcept;
    /// The document's language version as an engine sees it under the flags (1 or 2).
    [[nodiscard]] int languageVersion(EngineKind engine) const;

    /// Everything the validator finds for an engine, sorted by position: validate()'s answer.
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics(EngineKind engine) const;
    /// What production's validate endpoint of a form answers: the diagnostics of the engine
    /// the route picks under the flags (routedEngine).
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics(Route route) const;
    /// The mapping compiled for an engine (from this parse).
    [[nodiscard]] const CompiledMapping& compiled(EngineKind engine) const;
    /// The mapping prepared for a form of the operations: what dryRun() runs.
    [[nodiscard]] PreparedMapping prepared(Route route) const;
    /// Who answers a dry-run of a form, given how the engine the route picks first ended
    /// (routedAnswer() under these flags).
    [[nodiscard]] RoutedAnswer answer(Route route, RunStatus firstStatus) const noexcept;

    /// The targets, blocks and names, for outlines and navigation.
    [[nodiscard]] const std::vector<OutlineEntry>& outline() const;
    /// For each target the mapping writes, the source paths it reads (see lineageToJson).
    [[nodiscard]] const std::vector<LineageEntry>& lineage() const;
    /// The names visible at a byte offset of the text, in the order they are defined (an
    /// inner name hides an outer one): for completion, hover and navigation into values.
    [[nodiscard]] std::vector<ScopeName> namesAt(std::uint32_t offset) const;
    /// The name defined or read at a byte offset (in the name or just past its end), with
    /// its definition and every read of that definition (a name of the same spelling defined
    /// in an inner block is another name); nullopt when no name is there. For go to
    /// definition, find references and rename.
    [[nodiscard]] std::optional<NameReferences> referencesAt(std::uint32_t offset) const;

private:
    Analysis() = default;
    friend Analysis analyze(std::string_view text, const Flags& flags);
    std::shared_ptr<const detail::AnalysisImpl> impl_;
};

/// Parses the text once and returns its analysis under the flags. Never throws on bad text:
/// syntax errors are diagnostics.
Analysis analyze(std::string_view text, const Flags& flags);

/// The lineage as `mapping-dsl lineage` prints it:
/// [{"target": "/order/id", "sources": ["$.id"], "span": {...}, "kind": "rule"}, ...].
Json lineageToJson(const std::vector<LineageEntry>& lineage);

/// Documents parsed by this process so far (every parse of a mapping's text, whoever asks):
/// what tests read to prove that a text version is parsed once.
std::uint64_t documentsParsed() noexcept;

} // namespace mdsl
