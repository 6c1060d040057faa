// The table of diagnostic codes. Codes are stable: a code is never reused for another
// meaning; docs/diagnostics.md documents each one (a test checks it).

#include "report/codes.h"
#include "util/utf8.h"

#include <algorithm>

namespace mdsl {

namespace {

using S = Severity;

// Sorted by code (findDiagnosticCode() relies on it).
const std::vector<DiagnosticCode> kCodes = {
    // E1xx: syntax, reported by the lexer and parser (patterns as syntax/syntax_errors.cpp).
    {"E100", S::Error, "unexpected character {0}", "A character that starts no token."},
    {"E101", S::Error, "expected {0}, found {1}", "A token where the grammar expects something else.", "01"},
    {"E102", S::Error, "string is not closed before the end of the line", "A string literal has no closing quote on its line."},
    {"E103", S::Error, "invalid escape sequence {0} in string", "A string literal has an escape that JSON does not define."},
    {"E104", S::Error, "invalid number {0}: {1}", "A number literal is not JSON number syntax.", "1"},
    {"E105", S::Error, "{0} is not closed: expected {1}", "A bracket or block is not closed."},
    {"E106", S::Error, "control character U+{0} in string: write it as an escape such as \\n or \\u{0}", "A string literal holds a raw control character."},
    {"E107", S::Error, "invalid UTF-8 byte 0x{0}", "The text is not valid UTF-8."},
    {"E108", S::Error, "unsupported language version {0}: expected 1 or 2", "The header's version is neither 1 nor 2."},
    {"E109", S::Error, "the 'mapping' header must come first, and only once", "A header appears after a statement, or twice."},
    {"E110", S::Error, "invalid JSONPath query: {0}", "A JSONPath literal is not valid RFC 9535 syntax."},
    {"E111", S::Error, "comparisons cannot be chained: combine them with 'and'", "`a < b < c` and the like."},
    {"E112", S::Error, "expected a function name after '|', found {0}", "`x | 1` and the like.", "0"},
    {"E199", S::Error, "nesting deeper than {0} levels", "Blocks or expressions nest deeper than the parser accepts."},
    // E2xx: names, types, targets.
    {"E201", S::Error, "unknown name `{0}`", "An expression uses a name that no `let`, `table` or `each … as` defines in scope."},
    {"E202", S::Error, "unknown function `{0}`", "A call names no function of the catalog."},
    {"E203", S::Error, "`{0}` takes {1}, not {2}", "A call has the wrong number of arguments.", "1"},
    {"E204", S::Error, "invalid regular expression for `{0}`: {1}", "A regular expression literal is not valid I-Regexp (RFC 9485).", "1"},
    {"E205", S::Error, "`{0}` is written as a value, so `{1}` cannot be written under it", "Two rules write a target and a path below it."},
    {"E206", S::Error, "`{0}` is already defined in this scope", "A `let`, `table` or `each … as` name is defined twice in the same block."},
    {"E207", S::Error, "`index()` is only defined inside an array block", "`index()` is called outside `each`."},
    {"E208", S::Error, "a table holds constants: `{0}` is not a literal", "A `table` value is not a literal (or an array or object of literals)."},
    {"E209", S::Error, "the target nests deeper than {0} levels, its blocks included", "A target, with the targets of its enclosing blocks, nests the output deeper than a run may (RunLimits::maxDepth's default)."},
    // E3xx: version and flags.
    {"E301", S::Error, "{0} needs language version 2, but this document is version 1", "A version 2 feature is used in a version 1 document."},
    {"E302", S::Error, "{0} needs the feature flag `{1}`, which is off", "A version 2 feature is used while its production flag is off."},
    {"E303", S::Error, "the V1 engine does not run version 2 documents", "A version 2 document is validated for the V1 engine."},
    {"E304", S::Error, "version 2 documents need the feature flag `mapping_dsl_v2_enabled`, which is off", "A version 2 document is validated for the V2-routed engine while V2 is disabled."},
    {"E310", S::Error, "the flag file is not valid YAML: {0}", "The flag file cannot be read as YAML."},
    {"E311", S::Error, "the flag file must map flag names to true or false", "The flag file's top level is not a mapping."},
    {"E312", S::Error, "the flag `{0}` must be true or false, not `{1}`", "A flag's value is not a boolean."},
    // E4xx: runtime, reported by the engines' runs (dry-run, compare), never by validation.
    // E401-E405 stop the run; the others abandon one rule. E401-E405, E414, E415 and E420 are
    // worded from these patterns; E410-E413 and E499 have several wordings (messageWordings(),
    // report/wordings.cpp): their pattern here is the usual or general one.
    {"E401", S::Error, "the run took more than {0} steps", "The run took more evaluation steps than its limit (RunLimits::maxSteps)."},
    {"E402", S::Error, "the output grew past {0} bytes", "The output document grew past its size limit (RunLimits::maxOutputBytes)."},
    {"E403", S::Error, "values or expressions nest deeper than {0} levels", "Evaluation, a value built or the input nests deeper than the limit (RunLimits::maxDepth)."},
    {"E404", S::Error, "the run took longer than {0} ms", "The run took longer than its time limit (RunLimits::maxTime)."},
    {"E405", S::Error, "the run built more than {0} bytes of values", "The strings, arrays and objects the run built (intermediate values and JSONPath nodelists included) grew past their budget (RunLimits::maxBuildBytes)."},
    {"E410", S::Error, "an operand or argument has the wrong type", "An operand or argument of the wrong type: `upper(42)`, `1 + \"a\"`, a condition that is not a boolean."},
    {"E411", S::Error, "division by zero, or a result that is not a finite number", "Division or remainder by zero, or a result that is not a finite number."},
    {"E412", S::Error, "an argument has an invalid value", "An argument of the right type but an invalid value: a negative `substring` start, text that is not a number or a date."},
    {"E413", S::Error, "cannot write `{0}`: `{1}` is {2}", "A write under a scalar (`a <- 1` then `a.b <- 2`), or a field written into an array."},
    {"E414", S::Error, "`each` needs an array, not {0}", "The source of an array block is neither an array nor missing or null.", "0"},
    {"E415", S::Error, "invalid regular expression for `{0}`: {1}", "A regular expression computed at run time is not valid I-Regexp (RFC 9485).", "1"},
    {"E420", S::Error, "line {0}, column {1}: the input is not JSON: {2}", "A line of a batch's NDJSON input is not a JSON document."},
    {"E499", S::Error, "a construct the engine cannot run", "An internal error: the validator should have refused what the engine cannot run (a bug to report)."},
    // Warnings.
    {"W201", S::Warning, "`{0}` is written twice; the later write replaces the earlier one", "A rule writes a target that an earlier rule of the same block already writes."},
    {"W202", S::Warning, "`let {0}` is never used", "A `let` name is defined and never read."},
    {"W203", S::Warning, "`table {0}` is never used", "A `table` name is defined and never read."},
    {"W204", S::Warning, "the key `{0}` appears twice; the later value is used", "An object literal or table repeats a key."},
    {"W205", S::Warning, "`{0}` never holds an object or an array: `{0}{1}` is always missing", "A path is read from a `let` whose value is a number, a string, a boolean or null."},
    {"W310", S::Warning, "unknown flag `{0}` is ignored", "The flag file has a key that is not one of the seven production flags."},
};

} // namespace

const std::vector<DiagnosticCode>& diagnosticCodes()
{
    return kCodes;
}

const std::vector<Wording>& relatedMessages()
{
    static const std::vector<Wording> messages = {
        {"first-written", "first written here"},         // W201, W204: the earlier write
        {"first-defined", "first defined here"},         // E206: the earlier definition
        {"written-here", "`{0}` is written here"},       // E205: the write it conflicts with
    };
    return messages;
}

const std::vector<Wording>& fixMessages()
{
    static const std::vector<Wording> messages = {
        {"close-string", "close the string"},                                    // E102
        {"insert", "insert {0}"},                                                // E105: the missing closer
        {"did-you-mean", "did you mean `{0}`?"},                                 // E201, E202: a close name
        {"remove-unused", "remove the unused `{0}`"},                            // W202, W203: `let` or `table`
        {"add-header", "add the header `mapping \"untitled\" version 2`"},     // E301 without a header
        {"change-version", "change the header to `version 2`"},                 // E301, version 1
        {"add-version", "add `version 2` to the header"},                       // E301, no version
    };
    return messages;
}

const std::vector<Wording>& featureWordings()
{
    static const std::vector<Wording> features = {
        {"object-block", "an object block"},
        {"array-block", "an array block (`each`)"},
        {"when-block", "a `when` block"},
        {"array-literal", "an array literal"},
        {"object-literal", "an object literal"},
        {"jsonpath", "a JSONPath query"},
        {"coalesce", "the `??` operator"},
        {"pipe", "the pipe `|`"},
        {"navigate", "reading `{0}` from a value"},
        {"function", "the function `{0}`"},
        {"array-form", "the array form of `{0}`"},
    };
    return features;
}

namespace {

/// A wording of `table` with its arguments, in English.
std::string worded(const std::vector<Wording>& table, std::string_view id, const std::vector<std::string>& args)
{
    const auto it = std::find_if(table.begin(), table.end(), [id](const Wording& m) { return m.id == id; });
    return it != table.end() ? formatMessage(it->pattern, args) : std::string(id);
}

} // namespace

RelatedLocation relatedLocation(Range range, std::string_view id, std::vector<std::string> args)
{
    std::string message = worded(relatedMessages(), id, args);
    return RelatedLocation{range, std::move(message), std::string(id), std::move(args)};
}

std::string featureText(std::string_view feature)
{
    const std::size_t colon = feature.find(':');
    std::vector<std::string> args;
    if (colon != std::string_view::npos)
        args.emplace_back(feature.substr(colon + 1));
    return worded(featureWordings(), feature.substr(0, colon), args);
}

Fix makeFix(std::string_view id, std::vector<std::string> args, std::vector<TextEdit> edits)
{
    std::string title = worded(fixMessages(), id, args);
    return Fix{std::move(title), std::move(edits), std::string(id), std::move(args)};
}

const DiagnosticCode* findDiagnosticCode(std::string_view code) noexcept
{
    const auto it = std::lower_bound(kCodes.begin(), kCodes.end(), code,
                                     [](const DiagnosticCode& entry, std::string_view c) { return entry.code < c; });
    return it != kCodes.end() && it->code == code ? &*it : nullptr;
}

namespace detail {

Diagnostic makeDiagnostic(std::string_view wording, std::vector<std::string> args, Range range)
{
    Diagnostic diagnostic;
    const std::string_view code = wordingCode(wording);
    diagnostic.code = std::string(code);
    if (code.size() != wording.size())
        diagnostic.wording = std::string(wording);
    for (std::string& arg : args)
        arg = utf8::forMessage(arg);   // the arguments are shown too (the studio's translations)
    diagnostic.range = range;
    if (const DiagnosticCode* entry = findDiagnosticCode(code))
        diagnostic.severity = entry->severity;
    diagnostic.message = messageText(code, diagnostic.wording, args);
    diagnostic.args = std::move(args);
    return diagnostic;
}

} // namespace detail

} // namespace mdsl
