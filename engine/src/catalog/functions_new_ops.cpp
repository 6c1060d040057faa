// The version 2 functions of the flag mapping_dsl_v2_new_ops (docs/functions.md).
// Regular expressions are I-Regexp (RFC 9485), run by RE2 (linear time).

#include "catalog/entries.h"

namespace mdsl::detail {

void addNewOpsFunctions(std::vector<CatalogEntry>& out)
{
    const std::size_t first = out.size();
    constexpr int V = CatalogEntry::kVariadic;
    constexpr std::string_view kRegexErrors =
        "An argument is not a string (the validator reports an invalid pattern literal as E204; "
        "a computed pattern that is invalid is a runtime error).";

    out.push_back(function(
        "coalesce", "coalesce(value: any, ...) -> any", 1, V,
        "The first argument that is neither missing nor null.",
        "Skips missing and null arguments; missing when all are.", "None.",
        {{R"(coalesce(.a, .b, "none"))", R"({"b": null})", R"("none")"},
         {"coalesce(.a, .b)", R"({"b": 0})", "0"}}));
    out.push_back(function(
        "split", "split(text: string, separator: regex) -> array", 2, 2,
        "The parts of `text` between matches of `separator`, an I-Regexp pattern (write `\\\\.` "
        "for a literal dot).",
        kMissingOrNull, "The separator matches the empty string.",
        {{R"(split("a, b,c", ", ?"))", "", R"(["a", "b", "c"])"}, {R"(split("abc", ","))", "", R"(["abc"])"}}));
    out.push_back(function(
        "starts_with", "starts_with(text: string, prefix: string) -> boolean", 2, 2,
        "Whether `text` begins with `prefix`.", kMissingOrNull, "An argument is not a string.",
        {{R"(starts_with("FR-75", "FR"))", "", "true"}}));
    out.push_back(function(
        "ends_with", "ends_with(text: string, suffix: string) -> boolean", 2, 2,
        "Whether `text` ends with `suffix`.", kMissingOrNull, "An argument is not a string.",
        {{R"(ends_with("report.pdf", ".pdf"))", "", "true"}}));
    out.push_back(function(
        "contains", "contains(haystack: string | array, needle: any) -> boolean", 2, 2,
        "Whether a string holds a substring, or an array an element equal to `needle`.",
        kMissingOrNull, "`haystack` is neither a string nor an array; a string with a non-string needle.",
        {{R"(contains("mapping", "pp"))", "", "true"},
         {R"(contains(.tags, "b"))", R"({"tags": ["a", "b"]})", "true"}}));
    out.push_back(function(
        "pad_left", "pad_left(text: string, width: integer, pad?: string) -> string", 2, 3,
        "Pads on the left with `pad` (one code point, default a space) to `width` code points.",
        kMissingOrNull, "`pad` is not exactly one code point; `width` not an integer.",
        {{R"(pad_left("7", 3, "0"))", "", R"("007")"}, {R"(pad_left("long", 2))", "", R"("long")"}}));
    out.push_back(function(
        "pad_right", "pad_right(text: string, width: integer, pad?: string) -> string", 2, 3,
        "Pads on the right with `pad` (one code point, default a space) to `width` code points.",
        kMissingOrNull, "`pad` is not exactly one code point; `width` not an integer.",
        {{R"(pad_right("ab", 4))", "", R"("ab  ")"}}));
    out.push_back(function(
        "matches", "matches(text: string, pattern: regex) -> boolean", 2, 2,
        "Whether the whole of `text` matches the I-Regexp `pattern`.", kMissingOrNull, kRegexErrors,
        {{R"(matches("AB-12", "[A-Z]+-[0-9]+"))", "", "true"}, {R"(matches("xAB-12", "[A-Z]+-[0-9]+"))", "", "false"}}));
    out.push_back(function(
        "replace_regex", "replace_regex(text: string, pattern: regex, replacement: string) -> string", 3, 3,
        "Replaces every match of the I-Regexp `pattern`; `\\\\1`…`\\\\9` in the replacement are the "
        "groups.",
        kMissingOrNull, kRegexErrors,
        {{R"x(replace_regex("2024-03-01", "([0-9]+)-([0-9]+)-([0-9]+)", "\\3/\\2/\\1"))x", "",
          R"("01/03/2024")"}}));
    out.push_back(function(
        "keys", "keys(object: object) -> array", 1, 1, "The member names, in the object's order.",
        kMissingOrNull, "The argument is not an object.",
        {{"keys(.o)", R"({"o": {"b": 1, "a": 2}})", R"(["b", "a"])"}}));
    out.push_back(function(
        "values", "values(object: object) -> array", 1, 1, "The member values, in the object's order.",
        kMissingOrNull, "The argument is not an object.",
        {{"values(.o)", R"({"o": {"b": 1, "a": 2}})", "[1, 2]"}}));
    out.push_back(function(
        "merge", "merge(object: object, ...) -> object", 1, V,
        "A shallow merge: members of later objects replace those of earlier ones, keeping the "
        "first position of each name.",
        "Skips missing and null arguments; an empty object when all are.", "An argument that is not an object.",
        {{"merge(.a, .b)", R"({"a": {"x": 1, "y": 2}, "b": {"y": 3, "z": 4}})", R"({"x": 1, "y": 3, "z": 4})"}}));
    out.push_back(function(
        "type_of", "type_of(value: any) -> string", 1, 1,
        "\"null\", \"boolean\", \"number\", \"string\", \"array\" or \"object\".",
        "Missing when the value is missing (use exists to test for it); \"null\" for null.", "None.",
        {{"type_of(.a)", R"({"a": [1]})", R"("array")"}, {"type_of(null)", "", R"("null")"}}));
    out.push_back(function(
        "switch", "switch(value: any, case: any, result: any, ..., default?: any) -> any", 3, V,
        "The result paired with the first case equal to `value` (JSON equality), else the last "
        "argument when the count of arguments is even, else missing.",
        "Missing when `value` is missing; null is compared like any value.", "None.",
        {{R"(switch(.s, "A", "Active", "I", "Inactive", "Unknown"))", R"({"s": "I"})", R"("Inactive")"},
         {R"(switch(.s, "A", "Active"))", R"({"s": "X"})", "missing"}}));
    out.push_back(function(
        "parse_date", "parse_date(text: string, format: string) -> integer", 2, 2,
        "Milliseconds since 1970-01-01T00:00:00Z of a date read with a strftime-style format "
        "(%Y %m %d %H %M %S %z); no zone means UTC.",
        kMissingOrNull, "The text does not match the format; an invalid date or zone offset (past 23:59).",
        {{R"(parse_date("2024-03-01", "%Y-%m-%d"))", "", "1709251200000"}}));
    out.push_back(function(
        "format_date", "format_date(time: integer, format?: string) -> string", 1, 2,
        "Writes milliseconds since the epoch with a strftime-style format, in UTC (default "
        "\"%Y-%m-%dT%H:%M:%SZ\").",
        kMissingOrNull, "`time` not an integer; an unknown % directive; %Y of a year before 0000 or after 9999.",
        {{R"(format_date(1709251200000, "%d/%m/%Y"))", "", R"("01/03/2024")"},
         {"format_date(0)", "", R"("1970-01-01T00:00:00Z")"}}));
    out.push_back(function(
        "now", "now() -> integer", 0, 0,
        "The run's clock in milliseconds since the epoch (pinned in dry-runs so results reproduce).",
        "Takes no argument.", "None.", {{"now() > 0", "", "true"}}));
    out.push_back(function(
        "sha256", "sha256(text: string) -> string", 1, 1,
        "The SHA-256 of the text's UTF-8 bytes, as 64 lowercase hex digits.", kMissingOrNull,
        "The argument is not a string.",
        {{R"(sha256("abc"))", "", R"("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")"}}));
    out.push_back(function(
        "base64_encode", "base64_encode(text: string) -> string", 1, 1,
        "Base64 (RFC 4648, with padding) of the text's UTF-8 bytes.", kMissingOrNull,
        "The argument is not a string.", {{R"(base64_encode("hello"))", "", R"("aGVsbG8=")"}}));
    out.push_back(function(
        "base64_decode", "base64_decode(text: string) -> string", 1, 1,
        "The text whose Base64 (RFC 4648) is given.", kMissingOrNull,
        "Not Base64 (padding, when present, completes the last group of four); the decoded bytes are not UTF-8.", {{R"(base64_decode("aGVsbG8="))", "", R"("hello")"}}));
    out.push_back(function(
        "url_encode", "url_encode(text: string) -> string", 1, 1,
        "Percent-encodes every byte but the RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~).",
        kMissingOrNull, "The argument is not a string.",
        {{R"(url_encode("a b&é"))", "", R"("a%20b%26%C3%A9")"}}));
    out.push_back(function(
        "json_parse", "json_parse(text: string) -> any", 1, 1, "The JSON value written in the text.",
        kMissingOrNull, "The text is not JSON.",
        {{R"(json_parse("{\"a\": [1, 2]}"))", "", R"({"a": [1, 2]})"}}));
    out.push_back(function(
        "json_stringify", "json_stringify(value: any) -> string", 1, 1,
        "The value as compact JSON text (keys in their order, numbers in shortest form).",
        "Missing when the value is missing; \"null\" for null.", "None.",
        {{"json_stringify(.o)", R"({"o": {"a": [1, 2]}})", R"("{\"a\":[1,2]}")"}}));

    for (std::size_t i = first; i < out.size(); ++i) {
        out[i].version = 2;
        out[i].flag = Flag::V2NewOps;
    }
}

} // namespace mdsl::detail
