#pragma once
// Repro bundles (.mdslrepro): a production situation in one JSON file, so that support staff
// can carry it to their desk and replay it — the mapping text, the input, production's flags
// and route, the clock, the versions, what production returned and free notes. The format
// and its JSON Schema are documented in docs/repro.md and docs/schemas/mdslrepro.schema.json.
//
//   ReproParse p = parseRepro(fileText);            // untrusted: strict, bounded
//   if (!p.bundle) report(p.error);                 // "/flags/mapping_dsl_v2_enabled: ..."
//   ReproReplay r = replayRepro(*p.bundle);         // reproduced, differs or no output given

#include "mdsl/engine.h"
#include "mdsl/flags.h"
#include "mdsl/json.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mdsl {

/// The format version this engine writes and the only one it reads.
inline constexpr int kReproFormatVersion = 1;
/// The value of the bundle's "format" field, which says what the file is.
inline constexpr std::string_view kReproFormatName = "mdslrepro";
/// A bundle file larger than this is refused before it is parsed (64 MiB).
inline constexpr std::size_t kMaxReproBytes = std::size_t(64) << 20;
/// Arrays and objects nested deeper than this are refused before they are parsed.
inline constexpr int kMaxReproDepth = 512;

/// What production returned, as the ticket or the log shows it.
struct ReproProduction {
    Json output;                          ///< production's output document
    std::optional<EngineKind> engine;     ///< the engine production says answered, if known
    bool fallback = false;                ///< production says V2 failed and V1 answered
    std::string engineVersion;            ///< production's engine version; "" when unknown
};

/// One production situation. Default-constructed: empty mapping, null input, all flags on,
/// the V2-routed operation, the system clock, no production output.
struct ReproBundle {
    std::string createdAt;                ///< ISO 8601 UTC, e.g. "2026-11-24T01:30:00Z"
    std::string engineVersion;            ///< the engine of the tool that wrote the bundle
    std::string studioVersion;            ///< the studio that wrote it; "" for other tools
    std::string mappingName;              ///< the mapping's file name, for display ("orders.mdsl")
    std::string mappingText;
    Json input;
    Flags flags;
    Route route = Route::V2Routed;        ///< the form of the dry-run production answered
    std::optional<std::int64_t> nowMs;    ///< the clock now() read, ms since the Unix epoch (UTC)
    std::optional<ReproProduction> production;
    std::string notes;                    ///< free text: ticket, symptoms, what was tried
};

/// The outcome of reading a bundle: the bundle, or one message saying what is wrong and where.
struct ReproParse {
    std::optional<ReproBundle> bundle;
    /// One line, e.g. "/flags/mapping_dsl_v2_enabled: expected a boolean, found a string" or
    /// "not JSON: parse error at line 3, column 5: ...". Empty when the bundle is valid.
    std::string error;
    /// The JSON Pointer of the offending value ("" for the whole document or a syntax error).
    std::string pointer;
};

/// Parses one JSON document from outside (a production output, a sample input) under the
/// bundle's limits: size, nesting. nullopt with a one-line `error` when it is not one.
std::optional<Json> parseUntrustedJson(std::string_view text, std::string& error);

/// Reads a bundle from untrusted text: size and nesting bounded, every field checked (type,
/// range, known format version, no unknown fields). Never throws.
ReproParse parseRepro(std::string_view text);

/// The bundle as JSON, keys in the documented order (what writeRepro prints).
Json reproToJson(const ReproBundle& bundle);
/// The bundle as a .mdslrepro file: pretty-printed JSON, stable key order, final newline.
std::string writeRepro(const ReproBundle& bundle);

/// "v2-routed" or "v1-only", the bundle's names of the two routes.
std::string_view reproRouteName(Route route) noexcept;

enum class ReproVerdict {
    Reproduced,           ///< our run is ok and its output equals production's
    Differs,              ///< the outputs differ, or our run failed where production answered
    NoProductionOutput,   ///< the bundle holds no production output to compare with
};
/// "reproduced", "differs" or "no-production-output".
std::string_view reproVerdictName(ReproVerdict verdict) noexcept;

struct ReproReplay {
    RunResult ours;                                    ///< our dry-run of the bundle
    ReproVerdict verdict = ReproVerdict::NoProductionOutput;
    /// RFC 6902 patch turning production's output into ours (a missing output counts as
    /// null); an empty array unless the verdict is Differs.
    Json patch = Json::array();
    /// Production named an engine (or a fallback) other than the one that answered here.
    bool engineDiffers = false;
};

/// Production's recorded answer against ours: the verdict, the patch and whether another engine
/// answered. What replayRepro() says of its own run; a client that ran the mapping itself (the
/// studio's preview) asks it too, so that both say the same of every bundle. `ours` is the
/// answer for the bundle's route (dryRun's result, or the run routedAnswer() names).
struct ReproJudgement {
    ReproVerdict verdict = ReproVerdict::NoProductionOutput;
    Json patch = Json::array();   ///< as ReproReplay::patch
    bool engineDiffers = false;   ///< as ReproReplay::engineDiffers
};
ReproJudgement judgeRepro(const ReproProduction* production, RunStatus status, const std::optional<Json>& output,
                          RoutedAnswer ours);

/// Replays a bundle: its mapping on its input under its flags, route and clock, through the
/// facade (prepare + dryRun), and compares with production's output (judgeRepro).
ReproReplay replayRepro(const ReproBundle& bundle, const RunLimits& limits = {});

} // namespace mdsl
