#pragma once
// Migration of a version 1 mapping to idiomatic version 2 (docs/migration.md): what
// `mapping-dsl migrate` and the studio's File > Migrate to V2… run.
//
//   MigrationResult m = migrateToVersion2(text, {flags, "customer-v1"});
//   if (m.outcome == MigrationOutcome::Migrated) write(m.text);   // m.changes says what changed
//
// Every rewrite keeps what the mapping computes, by construction, and the result is checked
// before it is returned: its syntax tree, with the rewrites undone (object blocks flattened
// into prefixed targets, `a ?? b` read as `default(a, b)`), must equal the original's, and it
// must validate as version 2 under the flags. The rewrites:
//   - the header says `version 2` (a header is added when there is none);
//   - consecutive rules whose targets share a prefix become an object block (nested blocks
//     for deeper shared prefixes), flag mapping_dsl_v2_containers: the rules keep their
//     order, so the writes, and the output's key order of first write, stay the same;
//   - `default(x, f)` becomes `x ?? f` (the catalog: "same as value ?? fallback"), flag
//     mapping_dsl_v2_new_ops.
// Names, comments, lets, tables and rule order are kept; the formatter lays the text out.

#include "mdsl/corpus.h"
#include "mdsl/diagnostic.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

enum class MigrationOutcome {
    Migrated,          ///< `text` holds the version 2 document
    AlreadyVersion2,   ///< the document is version 2: nothing to do
    HasErrors,         ///< the document has errors (`diagnostics`): it is not migrated
    Blocked,           ///< it cannot be migrated under these flags, or the check refused it (`reason`)
};

/// "migrated", "version2", "errors" or "blocked".
std::string_view migrationOutcomeName(MigrationOutcome outcome) noexcept;

enum class MigrationChangeKind {
    Header,        ///< the header says version 2
    ObjectBlock,   ///< consecutive rules under one prefix became an object block
    Coalesce,      ///< default(x, f) became x ?? f
};

/// "header", "object_block" or "coalesce".
std::string_view migrationChangeKindName(MigrationChangeKind kind) noexcept;

/// One rewrite, located in the original text.
struct MigrationChange {
    MigrationChangeKind kind = MigrationChangeKind::Header;
    int line = 0;              ///< first line of the original text it concerns (1-based)
    int endLine = 0;           ///< last line
    std::string description;   ///< one English sentence
    /// What a translation needs: the sentence's id and its arguments, in order —
    /// "header.version" (), "header.added" (), "header.created" (name), "block" (rule count,
    /// prefix), "coalesce" (the call, the `??` expression), each as code where it is code.
    std::string wording;
    std::vector<std::string> args;
};

/// A rewrite that was not made because the flag it needs is off.
struct HeldBackRewrite {
    MigrationChangeKind kind = MigrationChangeKind::ObjectBlock;
    Flag flag = Flag::V2Containers;
    int line = 0;
    int endLine = 0;
    std::string description;   ///< one English sentence naming the flag
    /// "block.held" (rule count, prefix, flag) or "coalesce.held" (the call, flag).
    std::string wording;
    std::vector<std::string> args;
};

struct MigrationResult {
    MigrationOutcome outcome = MigrationOutcome::Blocked;
    std::string text;                         ///< Migrated: the version 2 document, formatted
    std::vector<MigrationChange> changes;     ///< Migrated: in the order of the original text
    std::vector<HeldBackRewrite> heldBack;    ///< rewrites left out because their flag is off
    std::vector<Diagnostic> diagnostics;      ///< HasErrors: the document's errors (and warnings)
    /// Why nothing was migrated (AlreadyVersion2, HasErrors, Blocked), one English sentence.
    std::string reason;
    /// Blocked because a flag is off (mapping_dsl_v2_enabled: production runs no version 2).
    std::optional<Flag> blockingFlag;
};

struct MigrateOptions {
    Flags flags;        ///< production's flags: only the features they turn on are used
    std::string name;   ///< the mapping's name for a document without a header (e.g. the file's stem)
};

/// Rewrites a version 1 document (a header `version 1`, or none) as version 2. A document
/// without a version that is valid only as version 2 is AlreadyVersion2. Never throws.
MigrationResult migrateToVersion2(std::string_view text, const MigrateOptions& options);

/// The result as JSON: {"outcome", "reason" (null when migrated), "changes": [{"kind",
/// "line", "end_line", "description"}], "held_back": [{"kind", "flag", "line", "end_line",
/// "description"}], "diagnostics": [...] (validate --format json's shape)}. The text is not in it.
Json migrationToJson(const MigrationResult& result);

/// The changes for people, one per line: "FILE:LINE: description" (FILE:LINE-END for a
/// range), then the held-back rewrites prefixed with "not rewritten: ".
std::string migrationChangesText(const MigrationResult& result, std::string_view fileName);

/// The corpus comparison of a migration: the original on the V1 engine (left) against the
/// migrated text on the V2 engine (right), under the same flags, record by record.
struct MigrationCorpusCheck {
    CorpusReport report;
    /// Every compared record gave the same status and output, both sides ran, and the corpus
    /// was read to its end: the migrated text may be written.
    bool same = false;
    std::uint64_t differing = 0;              ///< compared records whose results differ
    std::vector<std::uint64_t> lines;         ///< the first of them (line numbers), in order
    std::string summary;                      ///< one English sentence: the verdict of the check
};

/// Runs the comparison (compareCorpus) over `corpus` (NDJSON, or {"input","output"} pairs
/// when `pairs`). `jobs` 0: all cores. At most `maxLines` differing lines are listed.
MigrationCorpusCheck checkMigrationOnCorpus(std::istream& corpus, std::string_view original, std::string_view migrated,
                                            const Flags& flags, bool pairs = false, unsigned jobs = 0,
                                            std::size_t maxLines = 100);

} // namespace mdsl
