// The wordings of messages and the phrases their arguments name. A message is data: a code,
// a wording id and arguments; its English text is made here, from one table, and clients such
// as the studio say the same ids in their own language. docs/diagnostics.md lists every id
// (a test checks it).

#include "mdsl/report.h"

#include <algorithm>

namespace mdsl {

const std::vector<Wording>& messageWordings()
{
    // {id, English pattern, the arguments that are phrase ids}. Ids are stable: a wording is
    // never reused for another meaning.
    static const std::vector<Wording> wordings = {
        // E101 and E112 when the token found quotes its text: "found identifier 'x'".
        {"E101.found-text", "expected {0}, found {1} {2}", "01"},
        {"E112.found-text", "expected a function name after '|', found {0} {1}", "0"},
        // E203 for a name with two overloads (the catalog has at most two of a name).
        {"E203.overloads", "`{0}` takes {1} or {2}, not {3}", "12"},
        // E312 and W310 when the YAML node is not a scalar: "not `a list`".
        {"E312.not-scalar", "the flag `{0}` must be true or false, not `{1}`", "1"},
        {"W310.not-scalar", "unknown flag `{0}` is ignored", "0"},
        // E410: an operand or argument of the wrong type.
        {"E410.operands", "`{0}` cannot take {1} and {2}", "12"},
        {"E410.operand", "`{0}` cannot take {1}", "1"},
        {"E410.remainder-integers", "`{0}` needs two integers, not {1} and {2}", "12"},
        {"E410.not-boolean", "{0} must be a boolean, not {1}", "01"},
        {"E410.condition", "the condition of `{0}` must be a boolean, not {1}", "1"},
        {"E410.argument", "argument {1} of `{0}` must be {2}, not {3}", "23"},
        {"E410.order-type", "`{0}` can only order numbers or strings, not {1}", "1"},
        {"E410.order-mixed", "`{0}` cannot order numbers and strings together"},
        {"E410.sort-key-missing", "a key of `{0}` is missing"},
        {"E410.key-type", "a key of `{0}` must be a string, number or boolean, not {1}", "1"},
        {"E410.sum-type", "`{0}` can only add numbers, not {1}", "1"},
        {"E410.join-type", "`{0}` cannot join {1}", "1"},
        {"E410.compare", "`{0}` cannot compare {1} with {2}", "12"},
        // E411: arithmetic.
        {"E411.division-by-zero", "division by zero"},
        {"E411.not-finite", "the result is not a finite number"},
        // E412: an argument of the right type but an invalid value.
        {"E412.substring-negative", "`{0}` needs a start and a count that are not negative"},
        {"E412.replace-empty", "`{0}` cannot search for an empty string"},
        {"E412.not-a-number", "`{0}` cannot read a number from \"{1}\""},
        {"E412.not-a-boolean", "`{0}` cannot read a boolean from \"{1}\""},
        {"E412.split-empty-match", "the separator of `{0}` matches the empty string"},
        {"E412.padding", "the padding of `{0}` must be one character"},
        {"E412.replacement", "invalid replacement for `{0}`: {1}", "1"},
        {"E412.date-expected", "`{0}`: expected {1} at position {2} of \"{3}\"", "1"},
        {"E412.date-zone-offset", "`{0}`: \"{1}\" has an invalid zone offset"},
        {"E412.date-invalid", "`{0}`: \"{1}\" is not a valid date"},
        {"E412.date-unknown-directive", "`{0}`: unknown directive %{1}"},
        {"E412.date-year-range", "`{0}`: the year {1} does not fit %Y (0000 to 9999)"},
        {"E412.base64-invalid", "`{0}`: the text is not Base64"},
        {"E412.base64-not-utf8", "`{0}`: the decoded bytes are not UTF-8 text"},
        {"E412.json-invalid", "`{0}`: the text is not JSON"},
        // E413: a write conflict.
        {"E413.under-value", "cannot write `{0}`: `{1}` is {2}", "2"},
        {"E413.output", "cannot write `{0}`: the output is {1}", "1"},
        // E499: internal errors (a bug to report).
        {"E499.operator-elsewhere", "the operator `{0}` is evaluated elsewhere"},
        {"E499.v1-blocks", "the V1 engine does not run blocks"},
        {"E499.v1-version-2", "the V1 engine does not run version 2 expressions"},
        {"E499.v1-arity", "no function `{0}` takes {1} argument(s)"},
        {"E499.plan-node", "unknown plan node"},
        {"E499.no-implementation", "this function has no implementation"},
        {"E499.batch-exception", "line {0}: internal error: {1}"},
    };
    return wordings;
}

const std::vector<Wording>& phrases()
{
    static const std::vector<Wording> table = {
        // What a value is (E410, E413, E414).
        {"type.null", "null"},
        {"type.boolean", "a boolean"},
        {"type.number", "a number"},
        {"type.integer", "an integer"},
        {"type.string", "a string"},
        {"type.array", "an array"},
        {"type.object", "an object"},
        {"type.value", "a value"},
        {"type.missing", "missing"},
        // What an argument must be (E410.argument), beyond one type.
        {"types.string-number-boolean", "a string, number or boolean"},
        {"types.boolean-string-number", "a boolean, string or number"},
        {"types.string-array-object", "a string, array or object"},
        {"types.number-or-string", "a number or a string"},
        {"types.string-or-array", "a string or an array"},
        // Which operand must be a boolean (E410.not-boolean).
        {"operand.not", "the operand of `not`"},
        {"operand.and", "an operand of `and`"},
        {"operand.or", "an operand of `or`"},
        {"operand.when", "the condition of `when`"},
        // Token kinds (E101, E112); punctuation and keywords are quoted as written.
        {"token.end-of-file", "end of file"},
        {"token.end-of-line", "end of line"},
        {"token.identifier", "identifier"},
        {"token.integer", "integer"},
        {"token.number", "number"},
        {"token.string", "string"},
        {"token.jsonpath", "JSONPath query"},
        {"token.invalid", "invalid character"},
        // What the parser expected (E101), when it is more than a quoted token.
        {"expect.mapping-name", "the mapping's name (a string)"},
        {"expect.version-number", "a version number"},
        {"expect.statement", "a statement"},
        {"expect.name", "a name"},
        {"expect.alias", "a name after 'as'"},
        {"expect.table-object", "'{' (a table is an object literal)"},
        {"expect.after-target", "'<-', '{' or '[] <- each' after the target"},
        {"expect.field-name", "a field name after '.'"},
        {"expect.expression", "an expression"},
        {"expect.key", "a key"},
        {"expect.index", "an index (a non-negative integer)"},
        {"expect.comma-or-bracket", "',' or ']'"},
        {"expect.comma-or-brace", "',' or '}'"},
        {"expect.comma-or-parenthesis", "',' or ')'"},
        // Why a number literal is invalid (E104).
        {"number.leading-zero", "a number does not start with 0"},
        {"number.digit-after-dot", "expected a digit after '.'"},
        {"number.digit-in-exponent", "expected a digit in the exponent"},
        {"number.letters-after", "a number is not followed by letters"},
        {"number.out-of-range", "out of the range of a double"},
        {"number.index-too-large", "an index must fit in 64 bits"},
        // What a date's text lacks (E412.date-expected), beyond a character or a directive.
        {"date.zone-offset", "a zone offset"},
        {"date.end-of-text", "the end of the text"},
        // Why a pattern is not an I-Regexp (E204, E415): the offset, then a character or a
        // name it quotes ("regex.must-escape:3:]"; the last one takes the rest, colons too).
        {"regex.invalid-utf8", "invalid UTF-8 at offset {0} of the pattern"},
        {"regex.unbalanced-paren", "unbalanced ')' at offset {0} of the pattern"},
        {"regex.nothing-to-repeat", "nothing to repeat before '{1}' at offset {0} of the pattern"},
        {"regex.must-escape", "'{1}' must be escaped at offset {0} of the pattern"},
        {"regex.unclosed-paren", "unclosed '(' at offset {0} of the pattern"},
        {"regex.repeat-number", "expected a number after '{' at offset {0} of the pattern"},
        {"regex.repeat-close", "expected '}' to close the repetition at offset {0} of the pattern"},
        {"regex.repeat-order", "the repetition's maximum is below its minimum at offset {0} of the pattern"},
        {"regex.trailing-backslash", "the pattern ends with '\\' at offset {0} of the pattern"},
        {"regex.invalid-escape", "invalid escape '\\{1}' at offset {0} of the pattern"},
        {"regex.category-open", "expected '{' after \\p or \\P at offset {0} of the pattern"},
        {"regex.category-close", "expected '}' to close the category at offset {0} of the pattern"},
        {"regex.unknown-category", "unknown Unicode category '{1}' at offset {0} of the pattern"},
        {"regex.cn-in-class", "\\p{Cn} inside a character class is not supported at offset {0} of the pattern"},
        {"regex.must-escape-in-class", "'{1}' must be escaped in a character class at offset {0} of the pattern"},
        {"regex.unclosed-bracket", "unclosed '[' at offset {0} of the pattern"},
        {"regex.dash-in-class", "'-' must be escaped in a character class unless it comes first or last at offset {0} of the pattern"},
        {"regex.range-category", "a range cannot end with a category at offset {0} of the pattern"},
        {"regex.range-order", "the range's end comes before its start at offset {0} of the pattern"},
        {"regex.empty-class", "empty character class at offset {0} of the pattern"},
        {"regex.split-empty-match", "the separator matches the empty string"},
        // Why RE2 refuses a replacement (E412.replacement), in RE2's words.
        {"replacement.trailing-backslash", "Rewrite schema error: '\\' not allowed at end."},
        {"replacement.bad-escape", "Rewrite schema error: '\\' must be followed by a digit or '\\'."},
        {"replacement.groups", "Rewrite schema requests {0} matches, but the regexp only has {1} parenthesized subexpressions."},
        // What a function takes (E203); numbers follow the id after ':' ("arity.exactly:2").
        {"arity.none", "no arguments"},
        {"arity.one", "1 argument"},
        {"arity.exactly", "{0} arguments"},
        {"arity.up-to-one", "0 to 1 argument"},
        {"arity.range", "{0} to {1} arguments"},
        {"arity.at-least-one", "at least 1 argument"},
        {"arity.at-least", "at least {0} arguments"},
        // A flag file's node that is not a scalar (E312, W310).
        {"yaml.list", "a list"},
        {"yaml.mapping", "a mapping"},
        {"yaml.nothing", "nothing"},
    };
    return table;
}

const Wording* findWording(const std::vector<Wording>& table, std::string_view id) noexcept
{
    const auto it = std::find_if(table.begin(), table.end(), [id](const Wording& w) { return w.id == id; });
    return it != table.end() ? &*it : nullptr;
}

std::vector<std::string> phraseNumbers(std::string_view id)
{
    std::vector<std::string> params;
    std::size_t colon = id.find(':');
    const Wording* phrase = findWording(phrases(), id.substr(0, colon));
    if (!phrase || colon == std::string_view::npos)
        return params;
    std::size_t count = 0;   // the placeholders of the pattern: the last takes the rest
    while (phrase->pattern.find("{" + std::to_string(count) + "}") != std::string_view::npos)
        ++count;
    while (colon != std::string_view::npos && count > 0) {
        const std::size_t next = params.size() + 1 < count ? id.find(':', colon + 1) : std::string_view::npos;
        params.emplace_back(id.substr(colon + 1, next == std::string_view::npos ? next : next - colon - 1));
        colon = next;
    }
    return params;
}

std::string phraseText(std::string_view id)
{
    const Wording* phrase = findWording(phrases(), id.substr(0, id.find(':')));
    return phrase ? formatMessage(phrase->pattern, phraseNumbers(id)) : std::string(id);
}

std::string_view wordingCode(std::string_view wording) noexcept
{
    return wording.substr(0, wording.find('.'));
}

std::string messageText(std::string_view code, std::string_view wording, const std::vector<std::string>& args)
{
    std::string_view pattern = code;
    std::string_view phraseArgs;
    if (const Wording* entry = wording.empty() ? nullptr : findWording(messageWordings(), wording)) {
        pattern = entry->pattern;
        phraseArgs = entry->phraseArgs;
    } else if (const DiagnosticCode* codeEntry = findDiagnosticCode(code)) {
        pattern = codeEntry->pattern;
        phraseArgs = codeEntry->phraseArgs;
    }
    std::vector<std::string> shown = args;
    for (const char digit : phraseArgs) {
        const auto index = static_cast<std::size_t>(digit - '0');
        if (index < shown.size())
            shown[index] = phraseText(args[index]);
    }
    return formatMessage(pattern, shown);
}

} // namespace mdsl
