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
    std::string_view phraseArgs = {};   ///< the arguments that are phrase ids, as Wording::phraseArgs
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
    /// The arguments that are not data but the id of a phrase (phrases()), by number: "12"
    /// when {1} and {2} are. A phrase argument that is no phrase id is shown as it is (a
    /// quoted token such as ')' where a token kind's words would stand).
    std::string_view phraseArgs = {};
};

/// The wordings of the messages of codes that have several (E410 names the operator or the
/// function and the types involved) or whose arguments hold phrases (E101's token kinds): ids
/// "CODE.name" ("E410.operands"), English patterns and their phrase arguments. A diagnostic
/// with one of them carries its id in Diagnostic::wording; the others are worded by their
/// code's pattern (diagnosticCodes()).
const std::vector<Wording>& messageWordings();

/// Words that stand as an argument of a message, by id: type names ("type.number" -> "a
/// number"), token kinds ("token.end-of-line"), what the parser expected, reasons. A client
/// says them in its own language; the engine's English message substitutes these.
const std::vector<Wording>& phrases();

/// The entry of `id` in `table`, or nullptr.
const Wording* findWording(const std::vector<Wording>& table, std::string_view id) noexcept;

/// The English words of a phrase id, numbers following it after ':' ("arity.range:2:3" -> "2 to
/// 3 arguments"); an argument that is no phrase id is returned as it is.
std::string phraseText(std::string_view id);

/// The values that follow a phrase id after ':', one per placeholder of its pattern, the last
/// taking the rest of the text, colons included ("regex.must-escape:3::" -> "3", ":").
std::vector<std::string> phraseNumbers(std::string_view id);

/// The English message of a diagnostic: the pattern of `wording` (messageWordings()) or, when
/// it is empty, of `code`, with the arguments substituted and phrase arguments put in words.
std::string messageText(std::string_view code, std::string_view wording, const std::vector<std::string>& args);

/// The code of a message wording id: "E410" for "E410.operands" (and for "E410").
std::string_view wordingCode(std::string_view wording) noexcept;

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
///  "fixes":[{"title","edits":[{"range","newText"}]}]} — the one JSON shape of a diagnostic;
///  "wording" follows when the diagnostic has one (Diagnostic::wording).
Json diagnosticToJson(const Diagnostic& diagnostic);
/// {"diagnostics":[…]}.
Json diagnosticsToJson(const std::vector<Diagnostic>& diagnostics);

/// A SARIF 2.1.0 log with one run of the tool "mapping-dsl": a rule for every code of
/// diagnosticCodes(), the diagnostics as results located in `fileUri` (columns in Unicode
/// code points, as the run's columnKind says), related locations and fixes.
Json diagnosticsToSarif(const std::vector<Diagnostic>& diagnostics, std::string_view fileUri);

} // namespace mdsl
