#pragma once
// Diagnostics for people and tools: the table of every diagnostic code, compiler-style text,
// the JSON shape shared by validate and dry-run results, and SARIF 2.1.0 for code scanning.

#include "mdsl/diagnostic.h"
#include "mdsl/json.h"

#include <string>
#include <string_view>
#include <vector>

namespace mdsl {

/// One stable diagnostic code: its default severity, its English message pattern ({0}, {1}…
/// are the diagnostic's args) and a one-line summary for rule lists and docs.
struct DiagnosticCode {
    std::string_view code;      ///< "E201"
    Severity severity = Severity::Error;
    std::string_view pattern;   ///< e.g. "unknown function `{0}`"
    std::string_view summary;   ///< e.g. "A call names no function of the catalog."
};

/// Every code the engine reports (syntax, names/targets, version/flags, warnings), by code.
const std::vector<DiagnosticCode>& diagnosticCodes();

/// The entry of a code, or nullptr.
const DiagnosticCode* findDiagnosticCode(std::string_view code) noexcept;

/// One wording of a related location ("first written here"), a fix's title or a feature named
/// in a message: a stable id and its English pattern ({0}… are its arguments). The studio and
/// other clients translate by id; every table's ids and patterns are listed in docs/diagnostics.md.
struct Wording {
    std::string_view id;        ///< "first-written"
    std::string_view pattern;   ///< "first written here"
};

/// Every wording a related location of the engine can have.
const std::vector<Wording>& relatedMessages();

/// A related location with the wording `id` (one of relatedMessages()) and its arguments.
RelatedLocation relatedLocation(Range range, std::string_view id, std::vector<std::string> args = {});

/// Every wording a fix's title can have, as relatedMessages() for related locations.
const std::vector<Wording>& fixMessages();

/// A fix titled with the wording `id` (one of fixMessages()) and its arguments.
Fix makeFix(std::string_view id, std::vector<std::string> args, std::vector<TextEdit> edits);

/// The language features E301 and E302 name ("the `??` operator"). Their first argument is a
/// feature's id, followed by `:` and a function name for "function" and "array-form"
/// ("function:split"); their English message says the feature in words.
const std::vector<Wording>& featureWordings();

/// The English words of a feature argument ("function:split" -> "the function `split`").
std::string featureText(std::string_view feature);

/// Compiler-style text, one block per diagnostic:
///   file:line:col: error[E201]: message
///    12 | the source line
///       |     ^~~~
/// then a "note" block per related location and a "= fix:" line per fix. The caret line is
/// aligned in display columns (tabs kept, wide characters count two, combining marks none).
/// `text` is the document the ranges point into.
std::string renderText(const std::vector<Diagnostic>& diagnostics, std::string_view text,
                       std::string_view fileName);

/// {"line","column","offset"}.
Json positionToJson(const Position& position);
/// {"start":{…},"end":{…}}.
Json rangeToJson(const Range& range);
/// {"severity","code","message","args","range","related":[{"range","message"}],
///  "fixes":[{"title","edits":[{"range","newText"}]}]} — the one JSON shape of a diagnostic.
Json diagnosticToJson(const Diagnostic& diagnostic);
/// {"diagnostics":[…]}.
Json diagnosticsToJson(const std::vector<Diagnostic>& diagnostics);

/// A SARIF 2.1.0 log with one run of the tool "mapping-dsl": a rule for every code of
/// diagnosticCodes(), the diagnostics as results located in `fileUri` (columns in Unicode
/// code points, as the run's columnKind says), related locations and fixes.
Json diagnosticsToSarif(const std::vector<Diagnostic>& diagnostics, std::string_view fileUri);

} // namespace mdsl
