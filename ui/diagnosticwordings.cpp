// The studio's words for the engine's message wordings and phrases (mdsl/report.h:
// messageWordings(), phrases()), by id. The English is the engine's, {0} written %1; a test
// ties each table to the engine's and checks that French says every entry.

#include "diagnosticmessages.h"

namespace studio {

QString DiagnosticMessages::wordingPattern(const QString& wording)
{
    static const QHash<QString, const char*> patterns = {
        // E101 and E112 when the token found quotes its text: "found identifier 'x'".
        {QStringLiteral("E101.found-text"), QT_TR_NOOP("expected %1, found %2 %3")},
        {QStringLiteral("E112.found-text"), QT_TR_NOOP("expected a function name after '|', found %1 %2")},
        // E203 for a name with two overloads (the catalog has at most two of a name).
        {QStringLiteral("E203.overloads"), QT_TR_NOOP("`%1` takes %2 or %3, not %4")},
        // E312 and W310 when the YAML node is not a scalar: "not `a list`".
        {QStringLiteral("E312.not-scalar"), QT_TR_NOOP("the flag `%1` must be true or false, not `%2`")},
        {QStringLiteral("W310.not-scalar"), QT_TR_NOOP("unknown flag `%1` is ignored")},
        // E410: an operand or argument of the wrong type.
        {QStringLiteral("E410.operands"), QT_TR_NOOP("`%1` cannot take %2 and %3")},
        {QStringLiteral("E410.operand"), QT_TR_NOOP("`%1` cannot take %2")},
        {QStringLiteral("E410.remainder-integers"), QT_TR_NOOP("`%1` needs two integers, not %2 and %3")},
        {QStringLiteral("E410.not-boolean"), QT_TR_NOOP("%1 must be a boolean, not %2")},
        {QStringLiteral("E410.condition"), QT_TR_NOOP("the condition of `%1` must be a boolean, not %2")},
        {QStringLiteral("E410.argument"), QT_TR_NOOP("argument %2 of `%1` must be %3, not %4")},
        {QStringLiteral("E410.order-type"), QT_TR_NOOP("`%1` can only order numbers or strings, not %2")},
        {QStringLiteral("E410.order-mixed"), QT_TR_NOOP("`%1` cannot order numbers and strings together")},
        {QStringLiteral("E410.sort-key-missing"), QT_TR_NOOP("a key of `%1` is missing")},
        {QStringLiteral("E410.key-type"), QT_TR_NOOP("a key of `%1` must be a string, number or boolean, not %2")},
        {QStringLiteral("E410.sum-type"), QT_TR_NOOP("`%1` can only add numbers, not %2")},
        {QStringLiteral("E410.join-type"), QT_TR_NOOP("`%1` cannot join %2")},
        {QStringLiteral("E410.compare"), QT_TR_NOOP("`%1` cannot compare %2 with %3")},
        // E411: arithmetic.
        {QStringLiteral("E411.division-by-zero"), QT_TR_NOOP("division by zero")},
        {QStringLiteral("E411.not-finite"), QT_TR_NOOP("the result is not a finite number")},
        // E412: an argument of the right type but an invalid value.
        {QStringLiteral("E412.substring-negative"), QT_TR_NOOP("`%1` needs a start and a count that are not negative")},
        {QStringLiteral("E412.replace-empty"), QT_TR_NOOP("`%1` cannot search for an empty string")},
        {QStringLiteral("E412.not-a-number"), QT_TR_NOOP("`%1` cannot read a number from \"%2\"")},
        {QStringLiteral("E412.not-a-boolean"), QT_TR_NOOP("`%1` cannot read a boolean from \"%2\"")},
        {QStringLiteral("E412.split-empty-match"), QT_TR_NOOP("the separator of `%1` matches the empty string")},
        {QStringLiteral("E412.padding"), QT_TR_NOOP("the padding of `%1` must be one character")},
        {QStringLiteral("E412.replacement"), QT_TR_NOOP("invalid replacement for `%1`: %2")},
        {QStringLiteral("E412.date-expected"), QT_TR_NOOP("`%1`: expected %2 at position %3 of \"%4\"")},
        {QStringLiteral("E412.date-zone-offset"), QT_TR_NOOP("`%1`: \"%2\" has an invalid zone offset")},
        {QStringLiteral("E412.date-invalid"), QT_TR_NOOP("`%1`: \"%2\" is not a valid date")},
        {QStringLiteral("E412.date-unknown-directive"), QT_TR_NOOP("`%1`: unknown directive %%2")},
        {QStringLiteral("E412.date-year-range"), QT_TR_NOOP("`%1`: the year %2 does not fit %Y (0000 to 9999)")},
        {QStringLiteral("E412.base64-invalid"), QT_TR_NOOP("`%1`: the text is not Base64")},
        {QStringLiteral("E412.base64-not-utf8"), QT_TR_NOOP("`%1`: the decoded bytes are not UTF-8 text")},
        {QStringLiteral("E412.json-invalid"), QT_TR_NOOP("`%1`: the text is not JSON")},
        // E413: a write conflict.
        {QStringLiteral("E413.under-value"), QT_TR_NOOP("cannot write `%1`: `%2` is %3")},
        {QStringLiteral("E413.output"), QT_TR_NOOP("cannot write `%1`: the output is %2")},
        // E499: internal errors (a bug to report).
        {QStringLiteral("E499.operator-elsewhere"), QT_TR_NOOP("the operator `%1` is evaluated elsewhere")},
        {QStringLiteral("E499.v1-blocks"), QT_TR_NOOP("the V1 engine does not run blocks")},
        {QStringLiteral("E499.v1-version-2"), QT_TR_NOOP("the V1 engine does not run version 2 expressions")},
        {QStringLiteral("E499.v1-arity"), QT_TR_NOOP("no function `%1` takes %2 argument(s)")},
        {QStringLiteral("E499.plan-node"), QT_TR_NOOP("unknown plan node")},
        {QStringLiteral("E499.no-implementation"), QT_TR_NOOP("this function has no implementation")},
        {QStringLiteral("E499.batch-exception"), QT_TR_NOOP("line %1: internal error: %2")},
    };
    return translatedById(patterns, wording);
}

const QHash<QString, const char*>& DiagnosticMessages::phrasePatterns()
{
    static const QHash<QString, const char*> patterns = {
        // What a value is (E410, E413, E414).
        {QStringLiteral("type.null"), QT_TR_NOOP("null")},
        {QStringLiteral("type.boolean"), QT_TR_NOOP("a boolean")},
        {QStringLiteral("type.number"), QT_TR_NOOP("a number")},
        {QStringLiteral("type.integer"), QT_TR_NOOP("an integer")},
        {QStringLiteral("type.string"), QT_TR_NOOP("a string")},
        {QStringLiteral("type.array"), QT_TR_NOOP("an array")},
        {QStringLiteral("type.object"), QT_TR_NOOP("an object")},
        {QStringLiteral("type.value"), QT_TR_NOOP("a value")},
        {QStringLiteral("type.missing"), QT_TR_NOOP("missing")},
        // What an argument must be (E410.argument), beyond one type.
        {QStringLiteral("types.string-number-boolean"), QT_TR_NOOP("a string, number or boolean")},
        {QStringLiteral("types.boolean-string-number"), QT_TR_NOOP("a boolean, string or number")},
        {QStringLiteral("types.string-array-object"), QT_TR_NOOP("a string, array or object")},
        {QStringLiteral("types.number-or-string"), QT_TR_NOOP("a number or a string")},
        {QStringLiteral("types.string-or-array"), QT_TR_NOOP("a string or an array")},
        // Which operand must be a boolean (E410.not-boolean).
        {QStringLiteral("operand.not"), QT_TR_NOOP("the operand of `not`")},
        {QStringLiteral("operand.and"), QT_TR_NOOP("an operand of `and`")},
        {QStringLiteral("operand.or"), QT_TR_NOOP("an operand of `or`")},
        {QStringLiteral("operand.when"), QT_TR_NOOP("the condition of `when`")},
        // Token kinds (E101, E112); punctuation and keywords are quoted as written.
        {QStringLiteral("token.end-of-file"), QT_TR_NOOP("end of file")},
        {QStringLiteral("token.end-of-line"), QT_TR_NOOP("end of line")},
        {QStringLiteral("token.identifier"), QT_TR_NOOP("identifier")},
        {QStringLiteral("token.integer"), QT_TR_NOOP("integer")},
        {QStringLiteral("token.number"), QT_TR_NOOP("number")},
        {QStringLiteral("token.string"), QT_TR_NOOP("string")},
        {QStringLiteral("token.jsonpath"), QT_TR_NOOP("JSONPath query")},
        {QStringLiteral("token.invalid"), QT_TR_NOOP("invalid character")},
        // What the parser expected (E101), when it is more than a quoted token.
        {QStringLiteral("expect.mapping-name"), QT_TR_NOOP("the mapping's name (a string)")},
        {QStringLiteral("expect.version-number"), QT_TR_NOOP("a version number")},
        {QStringLiteral("expect.statement"), QT_TR_NOOP("a statement")},
        {QStringLiteral("expect.name"), QT_TR_NOOP("a name")},
        {QStringLiteral("expect.alias"), QT_TR_NOOP("a name after 'as'")},
        {QStringLiteral("expect.table-object"), QT_TR_NOOP("'{' (a table is an object literal)")},
        {QStringLiteral("expect.after-target"), QT_TR_NOOP("'<-', '{' or '[] <- each' after the target")},
        {QStringLiteral("expect.field-name"), QT_TR_NOOP("a field name after '.'")},
        {QStringLiteral("expect.expression"), QT_TR_NOOP("an expression")},
        {QStringLiteral("expect.key"), QT_TR_NOOP("a key")},
        {QStringLiteral("expect.index"), QT_TR_NOOP("an index (a non-negative integer)")},
        {QStringLiteral("expect.comma-or-bracket"), QT_TR_NOOP("',' or ']'")},
        {QStringLiteral("expect.comma-or-brace"), QT_TR_NOOP("',' or '}'")},
        {QStringLiteral("expect.comma-or-parenthesis"), QT_TR_NOOP("',' or ')'")},
        // Why a number literal is invalid (E104).
        {QStringLiteral("number.leading-zero"), QT_TR_NOOP("a number does not start with 0")},
        {QStringLiteral("number.digit-after-dot"), QT_TR_NOOP("expected a digit after '.'")},
        {QStringLiteral("number.digit-in-exponent"), QT_TR_NOOP("expected a digit in the exponent")},
        {QStringLiteral("number.letters-after"), QT_TR_NOOP("a number is not followed by letters")},
        {QStringLiteral("number.out-of-range"), QT_TR_NOOP("out of the range of a double")},
        {QStringLiteral("number.index-too-large"), QT_TR_NOOP("an index must fit in 64 bits")},
        // What a date's text lacks (E412.date-expected), beyond a character or a directive.
        {QStringLiteral("date.zone-offset"), QT_TR_NOOP("a zone offset")},
        {QStringLiteral("date.end-of-text"), QT_TR_NOOP("the end of the text")},
        // Why a pattern is not an I-Regexp (E204, E415): the offset, then a character or a
        // name it quotes ("regex.must-escape:3:]"; the last one takes the rest, colons too).
        {QStringLiteral("regex.invalid-utf8"), QT_TR_NOOP("invalid UTF-8 at offset %1 of the pattern")},
        {QStringLiteral("regex.unbalanced-paren"), QT_TR_NOOP("unbalanced ')' at offset %1 of the pattern")},
        {QStringLiteral("regex.nothing-to-repeat"), QT_TR_NOOP("nothing to repeat before '%2' at offset %1 of the pattern")},
        {QStringLiteral("regex.must-escape"), QT_TR_NOOP("'%2' must be escaped at offset %1 of the pattern")},
        {QStringLiteral("regex.unclosed-paren"), QT_TR_NOOP("unclosed '(' at offset %1 of the pattern")},
        {QStringLiteral("regex.repeat-number"), QT_TR_NOOP("expected a number after '{' at offset %1 of the pattern")},
        {QStringLiteral("regex.repeat-close"), QT_TR_NOOP("expected '}' to close the repetition at offset %1 of the pattern")},
        {QStringLiteral("regex.repeat-order"), QT_TR_NOOP("the repetition's maximum is below its minimum at offset %1 of the pattern")},
        {QStringLiteral("regex.trailing-backslash"), QT_TR_NOOP("the pattern ends with '\\' at offset %1 of the pattern")},
        {QStringLiteral("regex.invalid-escape"), QT_TR_NOOP("invalid escape '\\%2' at offset %1 of the pattern")},
        {QStringLiteral("regex.category-open"), QT_TR_NOOP("expected '{' after \\p or \\P at offset %1 of the pattern")},
        {QStringLiteral("regex.category-close"), QT_TR_NOOP("expected '}' to close the category at offset %1 of the pattern")},
        {QStringLiteral("regex.unknown-category"), QT_TR_NOOP("unknown Unicode category '%2' at offset %1 of the pattern")},
        {QStringLiteral("regex.cn-in-class"), QT_TR_NOOP("\\p{Cn} inside a character class is not supported at offset %1 of the pattern")},
        {QStringLiteral("regex.must-escape-in-class"), QT_TR_NOOP("'%2' must be escaped in a character class at offset %1 of the pattern")},
        {QStringLiteral("regex.unclosed-bracket"), QT_TR_NOOP("unclosed '[' at offset %1 of the pattern")},
        {QStringLiteral("regex.dash-in-class"), QT_TR_NOOP("'-' must be escaped in a character class unless it comes first or last at offset %1 of the pattern")},
        {QStringLiteral("regex.range-category"), QT_TR_NOOP("a range cannot end with a category at offset %1 of the pattern")},
        {QStringLiteral("regex.range-order"), QT_TR_NOOP("the range's end comes before its start at offset %1 of the pattern")},
        {QStringLiteral("regex.empty-class"), QT_TR_NOOP("empty character class at offset %1 of the pattern")},
        {QStringLiteral("regex.split-empty-match"), QT_TR_NOOP("the separator matches the empty string")},
        // Why RE2 refuses a replacement (E412.replacement), in RE2's words.
        {QStringLiteral("replacement.trailing-backslash"), QT_TR_NOOP("Rewrite schema error: '\\' not allowed at end.")},
        {QStringLiteral("replacement.bad-escape"), QT_TR_NOOP("Rewrite schema error: '\\' must be followed by a digit or '\\'.")},
        {QStringLiteral("replacement.groups"), QT_TR_NOOP("Rewrite schema requests %1 matches, but the regexp only has %2 parenthesized subexpressions.")},
        // What a function takes (E203); numbers follow the id after ':' ("arity.exactly:2").
        {QStringLiteral("arity.none"), QT_TR_NOOP("no arguments")},
        {QStringLiteral("arity.one"), QT_TR_NOOP("1 argument")},
        {QStringLiteral("arity.exactly"), QT_TR_NOOP("%1 arguments")},
        {QStringLiteral("arity.up-to-one"), QT_TR_NOOP("0 to 1 argument")},
        {QStringLiteral("arity.range"), QT_TR_NOOP("%1 to %2 arguments")},
        {QStringLiteral("arity.at-least-one"), QT_TR_NOOP("at least 1 argument")},
        {QStringLiteral("arity.at-least"), QT_TR_NOOP("at least %1 arguments")},
        // A flag file's node that is not a scalar (E312, W310).
        {QStringLiteral("yaml.list"), QT_TR_NOOP("a list")},
        {QStringLiteral("yaml.mapping"), QT_TR_NOOP("a mapping")},
        {QStringLiteral("yaml.nothing"), QT_TR_NOOP("nothing")},
    };
    return patterns;
}

} // namespace studio
